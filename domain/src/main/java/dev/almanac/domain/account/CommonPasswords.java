package dev.almanac.domain.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 30,000 commonest passwords (zxcvbn's list, MIT; see {@code common-passwords.NOTICE.txt} beside the list),
 * compared after Unicode NFKC normalisation and lower-casing, so that full-width, ligature or upper-case spellings
 * of a common password are recognised too.
 */
public final class CommonPasswords {
    private static final String RESOURCE = "common-passwords.txt";
    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    /** How many passwords the list holds. */
    public static int size() {
        return LIST.size();
    }

    /** Whether {@code password}, normalised, is on the list. */
    public static boolean contains(String password) {
        return LIST.contains(normalize(password));
    }

    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list " + RESOURCE + " is missing from the jar");
            }
            Set<String> set = new HashSet<>(40_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        set.add(normalize(line.strip()));
                    }
                }
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

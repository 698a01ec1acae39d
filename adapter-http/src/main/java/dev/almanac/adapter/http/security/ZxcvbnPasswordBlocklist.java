package dev.almanac.adapter.http.security;

import dev.almanac.domain.account.PasswordBlocklist;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The 30,000 commonest passwords, read at start from the frequency-ranked list inside the zxcvbn4j library
 * ({@code com.nulab-inc:zxcvbn}, MIT licence), which is a runtime dependency of this module: the list is taken
 * from the library as published, never copied into this project. Entries are normalised as
 * {@link PasswordBlocklist#normalize(String)} says. The list is read on a background thread, so start-up does not
 * wait for it (about a tenth of a second); the first check waits until it is there. A missing list is still found
 * at construction.
 */
public final class ZxcvbnPasswordBlocklist implements PasswordBlocklist {
    static final String RESOURCE = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final CompletableFuture<Set<String>> normalized;

    public ZxcvbnPasswordBlocklist() {
        if (ZxcvbnPasswordBlocklist.class.getResource(RESOURCE) == null) {
            throw missing();
        }
        this.normalized = CompletableFuture.supplyAsync(ZxcvbnPasswordBlocklist::load);
    }

    /** How many distinct passwords the list holds after normalisation. */
    public int size() {
        return normalized.join().size();
    }

    @Override
    public boolean containsNormalized(String candidate) {
        return normalized.join().contains(candidate);
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("The common-password list " + RESOURCE + " is not on the class path; "
                + "the com.nulab-inc:zxcvbn library must be");
    }

    private static Set<String> load() {
        try (InputStream in = ZxcvbnPasswordBlocklist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw missing();
            }
            Set<String> set = new HashSet<>(40_000);
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.strip();
                    if (!entry.isEmpty()) {
                        set.add(PasswordBlocklist.normalize(entry));
                    }
                }
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

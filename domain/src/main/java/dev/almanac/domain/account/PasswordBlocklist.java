package dev.almanac.domain.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The passwords too common to accept (NIST SP 800-63B §5.1.1.2: "values known to be commonly used"). The domain
 * owns the rule and the comparison; where the list comes from is an adapter's business.
 *
 * <p>Comparison is after Unicode NFKC normalisation and lower-casing, so full-width, ligature and upper-case
 * spellings of a common password are caught too.
 */
@FunctionalInterface
public interface PasswordBlocklist {

    /** A blocklist that blocks nothing, for embedders that bring no list. */
    PasswordBlocklist NONE = normalized -> false;

    /** Whether an already {@linkplain #normalize(String) normalised} password is on the list. */
    boolean containsNormalized(String normalized);

    /** Whether {@code password} is on the list, in any spelling NFKC folds together. */
    default boolean contains(String password) {
        return containsNormalized(normalize(password));
    }

    /** NFKC, then lower case: the form list entries and candidates are compared in. */
    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}

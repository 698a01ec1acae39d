package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccountLifecycleStore;
import java.net.URI;

/**
 * What the lifecycle use cases need beyond {@link AccountPorts}.
 *
 * @param publicUrl the base of the links in mails (an absolute http or https URL, no query or fragment)
 */
public record LifecyclePorts(AccountLifecycleStore store, URI publicUrl) {
    public LifecyclePorts {
        requireNonNull(store, "store");
        requireNonNull(publicUrl, "publicUrl");
        String scheme = publicUrl.getScheme();
        if (!publicUrl.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))
                || publicUrl.getHost() == null || publicUrl.getRawQuery() != null
                || publicUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("the public URL must be an absolute http(s) URL without query or "
                    + "fragment, was " + publicUrl);
        }
    }

    /** The base without a trailing slash, so paths can be appended as {@code base + "/v1/..."}. */
    String base() {
        String text = publicUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}

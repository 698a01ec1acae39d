package dev.almanac.domain.apikey;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.ForbiddenException;

/** The API key is valid, but was not granted the scope this operation needs ({@code auth.scope_missing}). */
public final class ScopeMissingException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    private final Scope needed;

    public ScopeMissingException(Scope needed) {
        super("auth.scope_missing", "This API key lacks the scope '" + requireNonNull(needed, "needed").wireName()
                + "', which this operation needs; create a key with it");
        this.needed = needed;
    }

    /** The scope that was needed. */
    public Scope needed() {
        return needed;
    }
}

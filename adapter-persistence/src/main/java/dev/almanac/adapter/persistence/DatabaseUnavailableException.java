package dev.almanac.adapter.persistence;

/** The database could not be reached, or refused to let Almanac in, when the persistence adapter started. */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

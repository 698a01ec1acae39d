package dev.almanac.bootstrap;

/** Thrown at start-up when configuration is missing or invalid; the message names the variable. */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}

package dev.almanac.bootstrap;

import dev.almanac.adapter.http.HttpSettings;
import dev.almanac.adapter.http.RateLimit;
import dev.almanac.adapter.http.RateLimits;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.shared.RuleViolationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Almanac's configuration, read from environment variables (the README lists them). Every value is checked at
 * start; a bad one stops the service with a message naming the variable, before anything is started.
 *
 * @param tokenSecret the secret that encrypts the access-token signing keys stored in the database; empty means
 *                    "generate one and keep it in the data directory"
 * @param mail        where mail goes and what its links point at
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed (addresses and CIDR ranges); empty
 *                       believes none (docs/adr/0017)
 * @param rateLimits     the per-client-address limits of sign-in, sign-up and verification re-send
 * @param sessionCache   whether each replica remembers the sessions it found alive, told of every session that
 *                       ends by PostgreSQL notifications (docs/adr/0028); off, every request asks the database
 */
public record Config(String httpHost, int httpPort, Optional<String> databaseUrl, String databaseUser,
                     String databasePassword, int databasePoolSize, Path dataDir, Optional<byte[]> tokenSecret,
                     Duration accessTokenLifetime, Mail mail, List<String> trustedProxies, RateLimits rateLimits,
                     boolean sessionCache) {

    /** Where clients reach the service: the base of links in mails and of feed URLs (no trailing slash). */
    public URI publicUrl() {
        return mail.publicUrl();
    }

    public static final String HTTP_HOST = "ALMANAC_HTTP_HOST";
    public static final String HTTP_PORT = "ALMANAC_HTTP_PORT";
    public static final String DATABASE_URL = "ALMANAC_DATABASE_URL";
    public static final String DATABASE_USER = "ALMANAC_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "ALMANAC_DATABASE_PASSWORD";
    public static final String DATABASE_POOL_SIZE = "ALMANAC_DATABASE_POOL_SIZE";
    public static final String DATA_DIR = "ALMANAC_DATA_DIR";
    public static final String TOKEN_SECRET = "ALMANAC_TOKEN_SECRET";
    public static final String ACCESS_TOKEN_TTL = "ALMANAC_ACCESS_TOKEN_TTL";
    public static final String TRUSTED_PROXIES = "ALMANAC_TRUSTED_PROXIES";
    public static final String RATE_LIMIT_SIGN_IN = "ALMANAC_RATE_LIMIT_SIGN_IN";
    public static final String RATE_LIMIT_SIGN_UP = "ALMANAC_RATE_LIMIT_SIGN_UP";
    public static final String RATE_LIMIT_RESEND = "ALMANAC_RATE_LIMIT_RESEND";

    public static final String SMTP_HOST = "ALMANAC_SMTP_HOST";
    public static final String SMTP_PORT = "ALMANAC_SMTP_PORT";
    public static final String SMTP_USERNAME = "ALMANAC_SMTP_USERNAME";
    public static final String SMTP_PASSWORD = "ALMANAC_SMTP_PASSWORD";
    public static final String SMTP_FROM = "ALMANAC_SMTP_FROM";
    public static final String PUBLIC_URL = "ALMANAC_PUBLIC_URL";
    public static final String SESSION_CACHE = "ALMANAC_SESSION_CACHE";


    private static final Set<String> KNOWN = Set.of(HTTP_HOST, HTTP_PORT, DATABASE_URL, DATABASE_USER,
            DATABASE_PASSWORD, DATABASE_POOL_SIZE, DATA_DIR, TOKEN_SECRET, ACCESS_TOKEN_TTL, SMTP_HOST, SMTP_PORT,
            SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, PUBLIC_URL, TRUSTED_PROXIES, RATE_LIMIT_SIGN_IN,
            RATE_LIMIT_SIGN_UP, RATE_LIMIT_RESEND, SESSION_CACHE);
    static final int MIN_SECRET_BYTES = 32;

    public Config {
        java.util.Objects.requireNonNull(mail, "mail");
        trustedProxies = List.copyOf(trustedProxies);
        java.util.Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /**
     * Without mail settings (mail goes to the log, links point at {@code http://localhost:<httpPort>}), no trusted
     * proxy, the default rate limits, and the session cache on.
     */
    public Config(String httpHost, int httpPort, Optional<String> databaseUrl, String databaseUser,
                  String databasePassword, int databasePoolSize, Path dataDir, Optional<byte[]> tokenSecret,
                  Duration accessTokenLifetime) {
        this(httpHost, httpPort, databaseUrl, databaseUser, databasePassword, databasePoolSize, dataDir, tokenSecret,
                accessTokenLifetime, Mail.toLog(httpPort), List.of(), RateLimits.DEFAULTS, true);
    }

    /** The same configuration with other mail settings. */
    public Config withMail(Mail other) {
        return new Config(httpHost, httpPort, databaseUrl, databaseUser, databasePassword, databasePoolSize, dataDir,
                tokenSecret, accessTokenLifetime, other, trustedProxies, rateLimits, sessionCache);
    }

    /** The same configuration with other per-address rate limits. */
    public Config withRateLimits(RateLimits other) {
        return new Config(httpHost, httpPort, databaseUrl, databaseUser, databasePassword, databasePoolSize, dataDir,
                tokenSecret, accessTokenLifetime, mail, trustedProxies, other, sessionCache);
    }

    /** The same configuration with the session cache on or off. */
    public Config withSessionCache(boolean on) {
        return new Config(httpHost, httpPort, databaseUrl, databaseUser, databasePassword, databasePoolSize, dataDir,
                tokenSecret, accessTokenLifetime, mail, trustedProxies, rateLimits, on);
    }

    /**
     * Mail: an SMTP server, or (with no host) the application log; and the public base URL of the links in mails.
     *
     * @param smtpPassword never printed: {@link #toString()} leaves it out
     */
    public record Mail(Optional<String> smtpHost, int smtpPort, Optional<String> smtpUsername,
                       Optional<String> smtpPassword, Optional<String> from, URI publicUrl) {
        public Mail {
            java.util.Objects.requireNonNull(smtpHost, "smtpHost");
            java.util.Objects.requireNonNull(smtpUsername, "smtpUsername");
            java.util.Objects.requireNonNull(smtpPassword, "smtpPassword");
            java.util.Objects.requireNonNull(from, "from");
            java.util.Objects.requireNonNull(publicUrl, "publicUrl");
        }

        /** No SMTP server: mails are written to the log, with links to this machine. */
        public static Mail toLog(int httpPort) {
            return new Mail(Optional.empty(), 587, Optional.empty(), Optional.empty(), Optional.empty(),
                    URI.create("http://localhost:" + httpPort));
        }

        @Override
        public String toString() {
            return smtpHost.map(h -> "smtp://" + h + ":" + smtpPort + " user=" + smtpUsername.orElse("none")
                    + " password=" + (smtpPassword.isPresent() ? "redacted" : "none") + " from=" + from.orElse(""))
                    .orElse("log") + ", publicUrl=" + publicUrl;
        }
    }

    /** Reads and checks every variable. */
    public static Config fromEnvironment(Map<String, String> env) {
        var unknown = new TreeSet<String>();
        env.keySet().stream().filter(k -> k.startsWith("ALMANAC_") && !KNOWN.contains(k))
                .filter(k -> !k.startsWith("ALMANAC_TEST_") && !k.startsWith("ALMANAC_BENCH_"))
                .forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Unknown configuration variable(s) " + unknown
                    + "; known ones are " + new TreeSet<>(KNOWN));
        }
        String host = value(env, HTTP_HOST).orElse("0.0.0.0");
        int port = integer(env, HTTP_PORT, 8080, 0, 65_535);
        Optional<String> url = value(env, DATABASE_URL);
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql://")) {
                throw new ConfigurationException(DATABASE_URL + " must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://localhost:5432/almanac");
            }
        });
        String user = value(env, DATABASE_USER).orElse(url.isPresent() ? "almanac" : "postgres");
        String password = value(env, DATABASE_PASSWORD).orElse("");
        if (url.isEmpty() && (env.containsKey(DATABASE_USER) || env.containsKey(DATABASE_PASSWORD))) {
            throw new ConfigurationException(DATABASE_USER + " and " + DATABASE_PASSWORD + " only apply with "
                    + DATABASE_URL + "; without it Almanac runs its own embedded PostgreSQL");
        }
        int pool = integer(env, DATABASE_POOL_SIZE, 10, 1, 200);
        Path dataDir = path(env, DATA_DIR, "./almanac-data");
        Optional<byte[]> secret = value(env, TOKEN_SECRET).map(Config::secret);
        Duration ttl = value(env, ACCESS_TOKEN_TTL).map(Config::lifetime).orElse(Duration.ofMinutes(15));
        List<String> proxies = value(env, TRUSTED_PROXIES).map(Config::proxies).orElse(List.of());
        var limits = new RateLimits(
                limit(env, RATE_LIMIT_SIGN_IN, RateLimits.DEFAULTS.signIn()),
                limit(env, RATE_LIMIT_SIGN_UP, RateLimits.DEFAULTS.signUp()),
                limit(env, RATE_LIMIT_RESEND, RateLimits.DEFAULTS.resend()));
        boolean sessionCache = value(env, SESSION_CACHE).map(Config::onOff).orElse(true);
        return new Config(host, port, url, user, password, pool, dataDir, secret, ttl, mail(env, port), proxies,
                limits, sessionCache);
    }

    private static boolean onOff(String raw) {
        return switch (raw) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ConfigurationException(SESSION_CACHE + " must be 'on' or 'off', was '" + raw + "'");
        };
    }

    private static List<String> proxies(String raw) {
        List<String> entries = java.util.Arrays.stream(raw.split(",")).map(String::strip).toList();
        for (String entry : entries) {
            try {
                HttpSettings.defaults("check").withTrustedProxies(List.of(entry));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(TRUSTED_PROXIES + ": " + e.getMessage()
                        + "; give a comma-separated list such as 10.0.0.0/8,192.0.2.7");
            }
        }
        return entries;
    }

    private static RateLimit limit(Map<String, String> env, String name, RateLimit fallback) {
        return value(env, name).map(raw -> {
            try {
                return RateLimit.parse(fallback.name(), raw);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(name + ": " + e.getMessage() + ", was '" + raw + "'");
            }
        }).orElse(fallback);
    }

    private static Mail mail(Map<String, String> env, int httpPort) {
        Optional<String> smtpHost = value(env, SMTP_HOST);
        smtpHost.ifPresent(h -> {
            if (!h.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
                throw new ConfigurationException(SMTP_HOST + " must be a host name or IP address, was '" + h + "'");
            }
        });
        if (smtpHost.isEmpty()) {
            for (String dependent : List.of(SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM)) {
                if (env.containsKey(dependent)) {
                    throw new ConfigurationException(dependent + " only applies with " + SMTP_HOST
                            + "; without it mails are written to the log");
                }
            }
        }
        int smtpPort = integer(env, SMTP_PORT, 587, 1, 65_535);
        Optional<String> username = value(env, SMTP_USERNAME);
        Optional<String> password = Optional.ofNullable(env.get(SMTP_PASSWORD)).filter(p -> !p.isEmpty());
        if (env.containsKey(SMTP_PASSWORD) && password.isEmpty()) {
            throw new ConfigurationException(SMTP_PASSWORD + " is set but empty; unset it to send without one");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new ConfigurationException(SMTP_PASSWORD + " needs " + SMTP_USERNAME);
        }
        Optional<String> from = value(env, SMTP_FROM);
        from.ifPresent(f -> {
            try {
                EmailAddress.of(f);
            } catch (RuleViolationException e) {
                throw new ConfigurationException(SMTP_FROM + " must be an e-mail address such as "
                        + "almanac@example.org, was '" + f + "'");
            }
        });
        if (smtpHost.isPresent() && from.isEmpty()) {
            throw new ConfigurationException(SMTP_FROM + " is needed with " + SMTP_HOST
                    + ": the address mails are sent from, such as almanac@example.org");
        }
        URI publicUrl = value(env, PUBLIC_URL).map(Config::publicUrl)
                .orElse(URI.create("http://localhost:" + httpPort));
        return new Mail(smtpHost, smtpPort, username, password, from, publicUrl);
    }

    private static URI publicUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(PUBLIC_URL + " is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationException(PUBLIC_URL + " must be an absolute http or https URL without user, query "
                    + "or fragment, such as https://almanac.example.org, was '" + raw + "'");
        }
        // Links are built by appending "/path": a trailing slash would double it.
        return URI.create(raw.replaceAll("/+$", ""));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String raw = env.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.isBlank()) {
            throw new ConfigurationException(name + " is set but empty; unset it to use the default");
        }
        return Optional.of(raw.strip());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        return value(env, name).map(raw -> {
            try {
                int parsed = Integer.parseInt(raw);
                if (parsed < min || parsed > max) {
                    throw new ConfigurationException(name + " must be between " + min + " and " + max + ", was " + raw);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name + " must be a whole number, was '" + raw + "'");
            }
        }).orElse(fallback);
    }

    private static Path path(Map<String, String> env, String name, String fallback) {
        String raw = value(env, name).orElse(fallback);
        try {
            return Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigurationException(name + " is not a valid path: " + e.getMessage());
        }
    }

    private static byte[] secret(String raw) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(TOKEN_SECRET + " must be base64 (e.g. `openssl rand -base64 32`)");
        }
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new ConfigurationException(TOKEN_SECRET + " must decode to at least " + MIN_SECRET_BYTES
                    + " bytes (256 bits); it decodes to " + bytes.length);
        }
        return bytes;
    }

    private static Duration lifetime(String raw) {
        Duration ttl;
        try {
            ttl = Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(ACCESS_TOKEN_TTL + " must be an ISO-8601 duration such as PT15M, was '"
                    + raw + "'");
        }
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofHours(24)) > 0) {
            throw new ConfigurationException(ACCESS_TOKEN_TTL + " must be between PT1M and PT24H, was " + raw);
        }
        return ttl;
    }

    @Override
    public String toString() {
        return "Config[http=" + httpHost + ":" + httpPort + ", database=" + databaseUrl.orElse("embedded")
                + ", user=" + databaseUser + ", password=" + (databasePassword.isEmpty() ? "none" : "redacted")
                + ", pool=" + databasePoolSize + ", dataDir=" + dataDir
                + ", tokenSecret=" + (tokenSecret.isPresent() ? "given" : "generated") + ", accessTokenTtl="
                + accessTokenLifetime + ", mail=" + mail + ", trustedProxies=" + trustedProxies
                + ", rateLimits=[signIn=" + rateLimits.signIn() + ", signUp=" + rateLimits.signUp() + ", resend="
                + rateLimits.resend() + "], sessionCache=" + (sessionCache ? "on" : "off") + "]";
    }
}

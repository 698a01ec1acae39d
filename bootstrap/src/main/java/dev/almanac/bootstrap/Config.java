package dev.almanac.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
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
 * @param publicUrl   where clients reach the service (an absolute http(s) URL, no trailing slash), for the
 *                    addresses it hands out; default {@code http://localhost:<port>}
 */
public record Config(String httpHost, int httpPort, Optional<String> databaseUrl, String databaseUser,
                     String databasePassword, int databasePoolSize, Path dataDir, Optional<byte[]> tokenSecret,
                     Duration accessTokenLifetime, URI publicUrl) {

    /** A configuration whose public URL is the default, {@code http://localhost:<port>}. */
    public Config(String httpHost, int httpPort, Optional<String> databaseUrl, String databaseUser,
                  String databasePassword, int databasePoolSize, Path dataDir, Optional<byte[]> tokenSecret,
                  Duration accessTokenLifetime) {
        this(httpHost, httpPort, databaseUrl, databaseUser, databasePassword, databasePoolSize, dataDir, tokenSecret,
                accessTokenLifetime, defaultPublicUrl(httpPort));
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
    public static final String PUBLIC_URL = "ALMANAC_PUBLIC_URL";

    private static final Set<String> KNOWN = Set.of(HTTP_HOST, HTTP_PORT, DATABASE_URL, DATABASE_USER,
            DATABASE_PASSWORD, DATABASE_POOL_SIZE, DATA_DIR, TOKEN_SECRET, ACCESS_TOKEN_TTL, PUBLIC_URL);
    static final int MIN_SECRET_BYTES = 32;

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
        URI publicUrl = value(env, PUBLIC_URL).map(Config::publicUrl).orElse(defaultPublicUrl(port));
        return new Config(host, port, url, user, password, pool, dataDir, secret, ttl, publicUrl);
    }

    private static URI defaultPublicUrl(int port) {
        return URI.create("http://localhost:" + port);
    }

    /** An absolute http(s) URL with a host and no query or fragment; a trailing slash is dropped. */
    private static URI publicUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null || uri.toString().endsWith("/")) {
            throw new ConfigurationException(PUBLIC_URL + " must be an absolute http(s) URL such as "
                    + "https://calendar.example.org, without query or fragment; was '" + raw + "'");
        }
        return uri;
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
                + accessTokenLifetime + ", publicUrl=" + publicUrl + "]";
    }
}

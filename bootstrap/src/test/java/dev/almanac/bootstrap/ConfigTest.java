package dev.almanac.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.adapter.http.RateLimit;
import dev.almanac.adapter.http.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    @Test
    void an_empty_environment_gives_the_embedded_defaults() {
        Config config = Config.fromEnvironment(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("./almanac-data").toAbsolutePath().normalize());
        assertThat(config.tokenSecret()).isEmpty();
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.databasePoolSize()).isEqualTo(10);
        assertThat(config.trustedProxies()).isEmpty();
        assertThat(config.rateLimits()).isEqualTo(RateLimits.DEFAULTS);
        assertThat(config.publicUrl()).hasToString("http://localhost:8080");
        assertThat(config.sessionCache()).isTrue();
    }

    @Test
    void the_public_url_defaults_to_the_port_and_loses_a_trailing_slash() {
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_HTTP_PORT", "9090")).publicUrl())
                .hasToString("http://localhost:9090");
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_PUBLIC_URL", "https://cal.example.org/almanac/"))
                .publicUrl()).hasToString("https://cal.example.org/almanac");
    }

    @Test
    void trusted_proxies_and_rate_limits_are_read() {
        Config config = Config.fromEnvironment(Map.of(
                "ALMANAC_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7,::1",
                "ALMANAC_RATE_LIMIT_SIGN_IN", "50/PT1M",
                "ALMANAC_RATE_LIMIT_SIGN_UP", "3/PT1H",
                "ALMANAC_RATE_LIMIT_RESEND", "2/PT30M"));

        assertThat(config.trustedProxies()).containsExactly("10.0.0.0/8", "192.0.2.7", "::1");
        assertThat(config.rateLimits().signIn()).isEqualTo(new RateLimit("sign_in", 50, Duration.ofMinutes(1)));
        assertThat(config.rateLimits().signUp()).isEqualTo(new RateLimit("sign_up", 3, Duration.ofHours(1)));
        assertThat(config.rateLimits().resend()).isEqualTo(new RateLimit("resend", 2, Duration.ofMinutes(30)));
    }

    @Test
    void every_variable_is_read() {
        String secret = Base64.getEncoder().encodeToString(new byte[32]);
        Config config = Config.fromEnvironment(Map.of(
                "ALMANAC_HTTP_PORT", "9090",
                "ALMANAC_HTTP_HOST", "127.0.0.1",
                "ALMANAC_DATABASE_URL", "jdbc:postgresql://db:5432/almanac",
                "ALMANAC_DATABASE_USER", "app",
                "ALMANAC_DATABASE_PASSWORD", "s3cret-value",
                "ALMANAC_DATABASE_POOL_SIZE", "20",
                "ALMANAC_DATA_DIR", "/var/lib/almanac",
                "ALMANAC_TOKEN_SECRET", secret,
                "ALMANAC_ACCESS_TOKEN_TTL", "PT5M",
                "ALMANAC_PUBLIC_URL", "https://calendar.example.org"));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.databaseUrl()).contains("jdbc:postgresql://db:5432/almanac");
        assertThat(config.databaseUser()).isEqualTo("app");
        assertThat(config.databasePoolSize()).isEqualTo(20);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/almanac"));
        assertThat(config.tokenSecret()).hasValueSatisfying(s -> assertThat(s).hasSize(32));
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.publicUrl()).hasToString("https://calendar.example.org");
    }

    @Test
    void the_session_cache_is_turned_off_and_on() {
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_SESSION_CACHE", "off")).sessionCache()).isFalse();
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_SESSION_CACHE", "on")).sessionCache()).isTrue();
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_SESSION_CACHE", "off")).toString())
                .contains("sessionCache=off");
    }

    @Test
    void without_an_smtp_host_mail_goes_to_the_log_and_links_point_at_this_machine() {
        Config config = Config.fromEnvironment(Map.of("ALMANAC_HTTP_PORT", "9090"));

        assertThat(config.mail().smtpHost()).isEmpty();
        assertThat(config.mail().publicUrl()).hasToString("http://localhost:9090");
        assertThat(config.toString()).contains("mail=log");
    }

    @Test
    void every_mail_variable_is_read() {
        Config config = Config.fromEnvironment(Map.of(
                "ALMANAC_SMTP_HOST", "smtp.example.org",
                "ALMANAC_SMTP_PORT", "2525",
                "ALMANAC_SMTP_USERNAME", "almanac",
                "ALMANAC_SMTP_PASSWORD", "smtp-hunter2-secret",
                "ALMANAC_SMTP_FROM", "Almanac@Example.org",
                "ALMANAC_PUBLIC_URL", "https://almanac.example.org/app/"));

        Config.Mail mail = config.mail();
        assertThat(mail.smtpHost()).contains("smtp.example.org");
        assertThat(mail.smtpPort()).isEqualTo(2525);
        assertThat(mail.smtpUsername()).contains("almanac");
        assertThat(mail.smtpPassword()).contains("smtp-hunter2-secret");
        assertThat(mail.from()).contains("Almanac@Example.org");
        assertThat(mail.publicUrl()).hasToString("https://almanac.example.org/app");
        assertThat(config.toString()).doesNotContain("smtp-hunter2-secret").contains("password=redacted");
        assertThat(mail.toString()).doesNotContain("smtp-hunter2-secret");
    }

    @Test
    void the_smtp_port_defaults_to_submission() {
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_SMTP_HOST", "smtp.example.org", "ALMANAC_SMTP_FROM",
                "a@example.org")).mail().smtpPort()).isEqualTo(587);
    }

    @Test
    void the_password_and_secret_never_appear_in_the_printed_configuration() {
        String secret = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        Config config = Config.fromEnvironment(Map.of(
                "ALMANAC_DATABASE_URL", "jdbc:postgresql://db/almanac",
                "ALMANAC_DATABASE_PASSWORD", "hunter2-password",
                "ALMANAC_TOKEN_SECRET", secret));

        assertThat(config.toString()).doesNotContain("hunter2-password").doesNotContain(secret);
    }

    @Nested
    class InvalidConfigurationFailsNamingTheVariable {

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
                "ALMANAC_HTTP_PORT|eighty",
                "ALMANAC_HTTP_PORT|70000",
                "ALMANAC_HTTP_PORT|-1",
                "ALMANAC_HTTP_PORT|' '",
                "ALMANAC_DATABASE_URL|mysql://localhost/almanac",
                "ALMANAC_DATABASE_POOL_SIZE|0",
                "ALMANAC_DATABASE_POOL_SIZE|many",
                "ALMANAC_TOKEN_SECRET|not base64!",
                "ALMANAC_TOKEN_SECRET|c2hvcnQ=",
                "ALMANAC_ACCESS_TOKEN_TTL|15 minutes",
                "ALMANAC_ACCESS_TOKEN_TTL|PT10S",
                "ALMANAC_ACCESS_TOKEN_TTL|P2D",
                "ALMANAC_DATA_DIR|'bad\u0000path'",
                "ALMANAC_TRUSTED_PROXIES|proxy.example.org",
                "ALMANAC_TRUSTED_PROXIES|'10.0.0.0/8,,192.0.2.1'",
                "ALMANAC_TRUSTED_PROXIES|10.0.0.0/40",
                "ALMANAC_RATE_LIMIT_SIGN_IN|20 a minute",
                "ALMANAC_RATE_LIMIT_SIGN_IN|0/PT1M",
                "ALMANAC_RATE_LIMIT_SIGN_UP|10/PT0.1S",
                "ALMANAC_RATE_LIMIT_RESEND|5/P2D",
                "ALMANAC_PUBLIC_URL|ftp://almanac.example.org",
                "ALMANAC_PUBLIC_URL|almanac.example.org",
                "ALMANAC_PUBLIC_URL|/relative/path",
                "ALMANAC_PUBLIC_URL|https://user:pw@almanac.example.org",
                "ALMANAC_PUBLIC_URL|https://almanac.example.org/?q=1",
                "ALMANAC_PUBLIC_URL|https://almanac.example.org/#top",
                "ALMANAC_PUBLIC_URL|http://exa mple.org",
                "ALMANAC_SMTP_HOST|'smtp host'",
                "ALMANAC_SMTP_HOST|'smtp.example.org\nBcc'",
                "ALMANAC_PUBLIC_URL|https://",
                "ALMANAC_PUBLIC_URL|https://calendar example.org",
                "ALMANAC_SESSION_CACHE|yes",
                "ALMANAC_SESSION_CACHE|OFF",
                "ALMANAC_SESSION_CACHE|0",
        })
        void a_bad_value(String variable, String value) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of(variable, value)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(variable);
        }

        @Test
        void a_misspelt_variable_is_reported_rather_than_silently_ignored() {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ALMANAC_HTTP_PROT", "9090")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALMANAC_HTTP_PROT");
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
                "ALMANAC_SMTP_PORT|0",
                "ALMANAC_SMTP_PORT|smtp",
                "ALMANAC_SMTP_PORT|70000",
                "ALMANAC_SMTP_FROM|not-an-address",
                "ALMANAC_SMTP_FROM|'almanac@example.org\r\nBcc: eve@example.org'",
                "ALMANAC_SMTP_PASSWORD|''",
        })
        void a_bad_smtp_value(String variable, String value) {
            var env = new java.util.HashMap<>(Map.of("ALMANAC_SMTP_HOST", "smtp.example.org",
                    "ALMANAC_SMTP_FROM", "almanac@example.org", "ALMANAC_SMTP_USERNAME", "almanac"));
            env.put(variable, value);
            assertThatThrownBy(() -> Config.fromEnvironment(env))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(variable);
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"ALMANAC_SMTP_PORT", "ALMANAC_SMTP_USERNAME",
                "ALMANAC_SMTP_PASSWORD", "ALMANAC_SMTP_FROM"})
        void smtp_settings_without_a_host(String variable) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of(variable, "587")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALMANAC_SMTP_HOST");
        }

        @Test
        void an_smtp_host_needs_a_sender_and_a_password_needs_a_user() {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ALMANAC_SMTP_HOST", "smtp.example.org")))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("ALMANAC_SMTP_FROM");
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ALMANAC_SMTP_HOST", "smtp.example.org",
                    "ALMANAC_SMTP_FROM", "a@example.org", "ALMANAC_SMTP_PASSWORD", "pw")))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("ALMANAC_SMTP_USERNAME");
        }

        @Test
        void database_credentials_without_a_database_url() {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ALMANAC_DATABASE_USER", "app")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALMANAC_DATABASE_URL");
        }
    }
}

package dev.almanac.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(config.publicUrl()).hasToString("http://localhost:8080");
    }

    @Test
    void the_public_url_defaults_to_the_port_and_loses_a_trailing_slash() {
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_HTTP_PORT", "9090")).publicUrl())
                .hasToString("http://localhost:9090");
        assertThat(Config.fromEnvironment(Map.of("ALMANAC_PUBLIC_URL", "https://cal.example.org/almanac/"))
                .publicUrl()).hasToString("https://cal.example.org/almanac");
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
                "ALMANAC_PUBLIC_URL|calendar.example.org",
                "ALMANAC_PUBLIC_URL|ftp://calendar.example.org",
                "ALMANAC_PUBLIC_URL|https://",
                "ALMANAC_PUBLIC_URL|https://calendar.example.org/?x=1",
                "ALMANAC_PUBLIC_URL|https://calendar.example.org/#top",
                "ALMANAC_PUBLIC_URL|https://user:pw@calendar.example.org",
                "ALMANAC_PUBLIC_URL|https://calendar example.org",
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

        @Test
        void database_credentials_without_a_database_url() {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ALMANAC_DATABASE_USER", "app")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALMANAC_DATABASE_URL");
        }
    }
}

package dev.almanac.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import dev.almanac.adapter.persistence.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar almanac.jar}: reads the environment, starts Almanac, stops it cleanly on SIGTERM. With arguments
 * it runs an operator command instead ({@link AdminCommand}), e.g. {@code disable-account ada@example.org}.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(AdminCommand.run(args, System.getenv(), System.out, System.err));
            return;
        }
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigurationException e) {
            System.err.println("almanac: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("Almanac {} starting on Java {} with {}", Almanac.version(), Runtime.version(), config);
        long started = System.nanoTime();
        Almanac almanac;
        try {
            almanac = Almanac.start(config);
        } catch (ConfigurationException e) {
            System.err.println("almanac: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        } catch (DatabaseUnavailableException e) {
            LOG.error("Almanac could not start: {}", e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            LOG.error("Almanac could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            almanac.close();
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                BatchingAsyncAppender.stopAll(logging); // the access lines still waiting, written before exit
            }
        }, "almanac-shutdown"));
        LOG.info("Almanac {} ready on port {} in {} ms", Almanac.version(), almanac.port(),
                (System.nanoTime() - started) / 1_000_000);
    }
}

package dev.almanac.bootstrap;

import dev.almanac.adapter.persistence.DatabaseUnavailableException;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Operator commands, run as {@code java -jar almanac.jar <command> ...} with the same environment as the server
 * (so against the same database). With the embedded default database, stop the server first: one embedded
 * database serves one process.
 *
 * <pre>
 *   disable-account &lt;email&gt;   switch an account off and revoke all its sessions (docs/adr/0012)
 * </pre>
 */
final class AdminCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "usage: java -jar almanac.jar disable-account <email>";

    private AdminCommand() {
    }

    /** Runs the command the arguments name; returns the process exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length != 2 || !"disable-account".equals(args[0])) {
            err.println("almanac: unknown command or wrong arguments\n" + USAGE_TEXT);
            return USAGE;
        }
        Config config;
        try {
            config = Config.fromEnvironment(env);
        } catch (ConfigurationException e) {
            err.println("almanac: invalid configuration: " + e.getMessage());
            return USAGE;
        }
        try {
            Account account = Almanac.disableAccount(config, args[1]);
            out.println("Account " + account.id() + " (" + account.email() + ") is " + account.status()
                    + "; all its sessions are revoked.");
            return OK;
        } catch (RuleViolationException e) {
            err.println("almanac: " + e.getMessage());
            return USAGE;
        } catch (NotFoundException e) {
            err.println("almanac: no account has the address " + args[1]);
            return FAILED;
        } catch (ConfigurationException e) {
            err.println("almanac: invalid configuration: " + e.getMessage());
            return USAGE;
        } catch (DatabaseUnavailableException e) {
            err.println("almanac: " + e.getMessage());
            return FAILED;
        }
    }
}

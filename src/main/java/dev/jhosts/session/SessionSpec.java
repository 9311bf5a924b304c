package dev.jhosts.session;

import dev.jhosts.mux.SessionRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asks of a session; the terminal then decides whether a pty is wanted.
 *
 * @param command the remote command, "" for the login shell
 * @param escapeChar the escape character the master watches for with a tty ({@code '~'} is
 *     ssh's default), or {@link SessionRequest#NO_ESCAPE}
 * @param term the TERM to send with the pty request ("" when unknown, as ssh does)
 * @param environment "NAME=value" entries; the master still drops those its SendEnv does not match
 */
public record SessionSpec(String command, int escapeChar, String term, List<String> environment) {

    /** ssh's default escape character. */
    public static final int DEFAULT_ESCAPE = '~';

    /** What Debian's /etc/ssh/ssh_config sends by default. */
    public static final List<String> DEFAULT_SEND_ENV = List.of("LANG", "LC_*");

    public SessionSpec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(term, "term");
        environment = List.copyOf(environment);
    }

    /**
     * A spec from this process's environment: TERM, and the variables matching
     * {@code sendEnvPatterns} (ssh SendEnv syntax: {@code *} and {@code ?} wildcards, a leading
     * {@code -} removes earlier matches). Pass the host's {@code sendenv} from {@code ssh -G}, or
     * {@link #DEFAULT_SEND_ENV}.
     */
    public static SessionSpec fromEnvironment(String command, int escapeChar, Map<String, String> env,
                                              List<String> sendEnvPatterns) {
        return new SessionSpec(command, escapeChar, env.getOrDefault("TERM", ""),
                EnvironmentSelection.select(env, sendEnvPatterns));
    }

    SessionRequest toRequest(boolean wantTty) {
        return new SessionRequest(wantTty, term, command, environment, escapeChar, false);
    }
}

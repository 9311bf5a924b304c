package dev.jhosts.session;

import dev.jhosts.mux.SessionRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asks of a session; the terminal then decides whether a pty is wanted.
 *
 * @param command the remote command, "" for the login shell
 * @param escapeChar the session escape character with a tty ({@code '~'} is ssh's default), or
 *     {@link SessionRequest#NO_ESCAPE}: jhosts reads it itself in a bridged session; only a
 *     session on jhosts' own descriptors gives it to the master
 * @param term the TERM to send with the pty request ("" when unknown, as ssh does)
 * @param environment "NAME=value" entries; the master still drops those its SendEnv does not match
 * @param shellCommand what runs in place of the login shell when the session has a pty and no
 *     command: "" for the login shell itself, or the wrapper of the {@code remote-session} setting
 */
public record SessionSpec(String command, int escapeChar, String term, List<String> environment,
        String shellCommand, String reopenCommand) {

    /** ssh's default escape character. */
    public static final int DEFAULT_ESCAPE = '~';

    /** What Debian's /etc/ssh/ssh_config sends by default. */
    public static final List<String> DEFAULT_SEND_ENV = List.of("LANG", "LC_*");

    public SessionSpec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(term, "term");
        environment = List.copyOf(environment);
        Objects.requireNonNull(shellCommand, "shellCommand");
        Objects.requireNonNull(reopenCommand, "reopenCommand");
    }

    /** A spec whose session opened again runs what it ran first. */
    public SessionSpec(String command, int escapeChar, String term, List<String> environment, String shellCommand) {
        this(command, escapeChar, term, environment, shellCommand, shellCommand);
    }

    /** A spec whose interactive session is the login shell itself. */
    public SessionSpec(String command, int escapeChar, String term, List<String> environment) {
        this(command, escapeChar, term, environment, "", "");
    }

    /** This spec with an interactive session run inside the remote multiplexer {@code remote}. */
    public SessionSpec inside(RemoteSession remote) {
        return new SessionSpec(command, escapeChar, term, environment, remote.shellCommand(), remote.reopenCommand());
    }

    /** The spec of the same session opened again after its connection was lost. */
    SessionSpec reopened() {
        return new SessionSpec(command, escapeChar, term, environment, reopenCommand, reopenCommand);
    }

    /**
     * The command sent in MUX_C_NEW_SESSION: a multiplexer wraps only an interactive login shell
     * (a pty and no command of the user's), since it needs a terminal.
     */
    String commandFor(boolean wantTty) {
        return wantTty && command.isEmpty() ? shellCommand : command;
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

    /** An escape character as ssh names it: {@code ~}, {@code ^X} for a control character, or "none". */
    public static String escapeName(int escapeChar) {
        return EscapeScanner.name(escapeChar);
    }

    /** The request for a bridged session: jhosts reads the escapes, the master gets none. */
    SessionRequest toRequest(boolean wantTty) {
        return new SessionRequest(wantTty, term, commandFor(wantTty), environment, SessionRequest.NO_ESCAPE, false);
    }

    /**
     * The request for a session on this process's own descriptors, whose bytes jhosts never
     * sees: the master reads the escapes.
     */
    SessionRequest toDirectRequest(boolean wantTty) {
        return new SessionRequest(wantTty, term, commandFor(wantTty), environment, wantTty ? escapeChar : SessionRequest.NO_ESCAPE,
                false);
    }
}

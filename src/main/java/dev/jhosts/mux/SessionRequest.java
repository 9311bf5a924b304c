package dev.jhosts.mux;

import java.util.List;
import java.util.Objects;

/**
 * The fields of MUX_C_NEW_SESSION.
 *
 * @param wantTty ask the server for a pty (the master copies size and modes from the passed stdin)
 * @param term the TERM value sent with the pty request
 * @param command the remote command; "" runs the login shell
 * @param environment "NAME=value" entries; the master drops those its own SendEnv does not match
 * @param escapeChar the escape character the master watches for (only with a tty), or -1 for none
 * @param subsystem run {@code command} as a subsystem (e.g. "sftp")
 */
public record SessionRequest(boolean wantTty, String term, String command, List<String> environment,
                             int escapeChar, boolean subsystem) {

    /** The value of {@code escapeChar} that disables the escape character. */
    public static final int NO_ESCAPE = -1;

    public SessionRequest {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(command, "command");
        environment = List.copyOf(environment);
        for (String entry : environment) {
            if (entry.indexOf('=') <= 0) {
                throw new IllegalArgumentException("environment entry is not NAME=value: " + entry);
            }
        }
        if (escapeChar != NO_ESCAPE && (escapeChar < 0 || escapeChar > 255)) {
            throw new IllegalArgumentException("escape character out of range: " + escapeChar);
        }
        if (subsystem && command.isEmpty()) {
            throw new IllegalArgumentException("a subsystem request needs the subsystem name as command");
        }
    }

    /** A command without a tty and without an escape character, as for {@code ssh host cmd}. */
    public static SessionRequest forCommand(String command) {
        return new SessionRequest(false, "", command, List.of(), NO_ESCAPE, false);
    }
}

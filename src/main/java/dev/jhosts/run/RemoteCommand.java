package dev.jhosts.run;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * How a command is sent so that it can be stopped. sshd starts a command without a terminal in
 * a session and process group of its own (session.c do_exec_no_pty: setsid), and when its
 * channel closes it only closes the command's pipes (session_close_by_channel): a command that
 * neither reads nor writes, such as {@code sleep}, keeps running. The mux protocol cannot ask
 * the master to send the channel a "signal" request either. So the command is prefixed with a
 * {@code printf} of the shell's pid — the process group's id — in a line of its own on stdout,
 * which jhosts takes out of the output; stopping opens a second session on the same master
 * that sends SIGHUP to that group, as a hangup of a terminal would.
 */
final class RemoteCommand {
    /** ASCII RS around the line: nothing a command prints by chance. */
    private static final char SEPARATOR = '\036';
    private static final String PREFIX = SEPARATOR + "jhosts-pid ";
    /** The marker line is at most this long: PREFIX, up to 20 digits, RS, LF. */
    static final int MARKER_MAX = PREFIX.length() + 22;

    private RemoteCommand() {}

    /**
     * The command line sent: {@code command} itself, or with {@code hangup} the pid's line
     * first. The login shell runs it, as ssh's command would be ({@code $$} works in sh, bash,
     * zsh, ksh, csh and tcsh; printf is a utility everywhere).
     */
    static String wrapped(String command, boolean hangup) {
        return hangup ? "printf '\\036jhosts-pid %s\\036\\n' \"$$\"; " + command : command;
    }

    /**
     * What to run on the host to hang the command up: SIGHUP to its process group, else to the
     * shell alone; through {@code sh} so that it does not depend on the login shell's syntax.
     */
    static String hangupCommand(long pid) {
        return "sh -c 'kill -s HUP -- -" + pid + " 2>/dev/null || kill -s HUP " + pid + " 2>/dev/null; exit 0'";
    }

    /** The pid in a marker line ({@code bytes[0..length)} including its LF), if it is one. */
    static OptionalLong pidOf(byte[] bytes, int length) {
        String line = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        if (!line.startsWith(PREFIX) || !line.endsWith(SEPARATOR + "\n")) {
            return OptionalLong.empty();
        }
        String digits = line.substring(PREFIX.length(), line.length() - 2);
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long pid = Long.parseLong(digits);
        return pid > 1 ? OptionalLong.of(pid) : OptionalLong.empty();
    }
}

package dev.jhosts.session;

import java.util.Locale;

/**
 * The {@code remote-session} setting: what an interactive session runs on the remote host in
 * place of the login shell, so that a session opened again after a lost connection (or a jhosts
 * restart) finds the same remote shell, with its history and running programs.
 *
 * <p>Sessions are named {@code jhosts-N}: the remote side picks the lowest N whose session has no
 * client attached (a new one when none is free), so the first session to a host is
 * {@code jhosts-1}, a second one open at the same time {@code jhosts-2}, and a session opened
 * after the connection of {@code jhosts-1} was lost attaches {@code jhosts-1} again. The choice
 * is made on the remote in the same command that starts the multiplexer: no extra round trip.
 */
public enum RemoteSession {
    /** The login shell, as ssh gives it. */
    PLAIN,
    /** {@code tmux new-session -A -s jhosts-N}; a plain shell and one line where tmux is missing. */
    TMUX,
    /** {@code screen -xRR -S jhosts-N}; a plain shell and one line where screen is missing. */
    SCREEN,
    /** tmux where the remote has it, otherwise a plain shell and one line. */
    AUTO;

    /** How many session names the remote side tries before it takes the last one. */
    static final int MAX_SESSIONS = 99;
    /** How long a reopened session waits on the remote for its old multiplexer session to be left. */
    static final int REOPEN_WAIT_SECONDS = 5;

    /** The setting's word for this value. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The remote command for an interactive session: "" for the login shell itself. sshd hands
     * it to the user's login shell, which may be fish or csh, hence one {@code sh -c '...'} line
     * with no single quote, backslash or newline inside.
     */
    public String shellCommand() {
        return command(false);
    }

    /**
     * The remote command for a session opened again after its connection was lost: as {@link
     * #shellCommand}, but when every session of jhosts' has a client (the old connection's may
     * not have noticed the drop yet), it waits a few seconds for one to be left before it makes
     * a new one, so that the session finds its own again rather than a second one.
     */
    public String reopenCommand() {
        return command(true);
    }

    private String command(boolean reopen) {
        String wait = reopen ? "i=0; while :; do " : "";
        return switch (this) {
            case PLAIN -> "";
            case TMUX, AUTO -> wrapper("tmux", wait + "n=1; while [ $n -lt " + MAX_SESSIONS + " ]"
                    + " && a=$(tmux display-message -p -t \"=jhosts-$n:\" \"#{session_attached}\" 2>/dev/null)"
                    // tmux 3.3 prints nothing, with status 0, for a session that is not there
                    + " && [ \"${a:-0}\" != 0 ]; do n=$((n+1)); done;"
                    + (reopen ? " if tmux has-session -t \"=jhosts-$n\" 2>/dev/null" + endWait() : "")
                    + " exec tmux new-session -A -s \"jhosts-$n\"");
            case SCREEN -> wrapper("screen", wait + "n=1; while [ $n -lt " + MAX_SESSIONS + " ]"
                    + " && screen -ls 2>/dev/null | grep -q \"[.]jhosts-$n[[:space:]].*(Attached)\";"
                    + " do n=$((n+1)); done;"
                    + (reopen ? " if screen -ls 2>/dev/null | grep -q \"[.]jhosts-$n[[:space:]]\"" + endWait() : "")
                    + " exec screen -xRR -S \"jhosts-$n\"");
        };
    }

    /** The end of the reopen's wait: a free session found, or five seconds gone. */
    private static String endWait() {
        return " || [ $i -ge " + REOPEN_WAIT_SECONDS + " ]; then break; fi; i=$((i+1)); sleep 1; done;";
    }

    private String wrapper(String program, String run) {
        return "/bin/sh -c 'if command -v " + program + " >/dev/null 2>&1; then " + run + "; fi;"
                + " echo \"jhosts: no " + program + " on this host (remote-session = " + word()
                + "): a plain shell\" >&2;"
                + " exec \"${SHELL:-/bin/sh}\" -l'";
    }
}

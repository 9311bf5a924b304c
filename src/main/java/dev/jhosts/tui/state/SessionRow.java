package dev.jhosts.tui.state;

import java.time.Duration;
import java.time.Instant;

/**
 * One session the picker holds.
 *
 * @param id the picker's number for it (in the order sessions were opened)
 * @param alias its host
 * @param started when it was opened
 * @param lastOutput when it was last active: its latest output while detached, or when the user
 *     left it (its idle time runs from there)
 * @param unseen whether output arrived since the user last had it on screen
 * @param ended how it ended, empty while it lives ("exit 3")
 * @param link its connection while it lives: {@link Link#UP}, or lost and what comes next
 * @param shownIn the other terminal that shows it now (a jhosts server's session), empty for none
 */
public record SessionRow(long id, String alias, Instant started, Instant lastOutput, boolean unseen, String ended,
        Link link, String shownIn) {
    /** The connection under a live session. */
    public enum Link {
        UP(""),
        /** Its master went away; jhosts makes another in the background. */
        LOST("connection lost"),
        /** Its master needs the user (a password, an OTP) and no terminal is there to ask in. */
        NEEDS_YOU("connection lost, needs you"),
        /** The master is back; the session had a plain shell: Enter opens a new one below the old screen. */
        NEW_SHELL("connection back, Enter: new shell");

        private final String words;

        Link(String words) {
            this.words = words;
        }

        /** How the rows say it; empty for {@link #UP}. */
        public String words() {
            return words;
        }
    }

    /** A session no other terminal shows. */
    public SessionRow(long id, String alias, Instant started, Instant lastOutput, boolean unseen, String ended,
            Link link) {
        this(id, alias, started, lastOutput, unseen, ended, link, "");
    }

    public SessionRow withShownIn(String where) {
        return new SessionRow(id, alias, started, lastOutput, unseen, ended, link, where);
    }

    public SessionRow(long id, String alias, Instant started, Instant lastOutput, boolean unseen, String ended) {
        this(id, alias, started, lastOutput, unseen, ended, Link.UP);
    }

    public static SessionRow opened(long id, String alias, Instant at) {
        return new SessionRow(id, alias, at, at, false, "");
    }

    public boolean live() {
        return ended.isEmpty();
    }

    public SessionRow withOutput(Instant at) {
        return new SessionRow(id, alias, started, at, true, ended, link, shownIn);
    }

    /** The user left it at {@code at}: nothing unseen, idle from then. */
    public SessionRow leftAt(Instant at) {
        return new SessionRow(id, alias, started, at, false, ended, link, shownIn);
    }

    public SessionRow seen() {
        return new SessionRow(id, alias, started, lastOutput, false, ended, link, shownIn);
    }

    public SessionRow endedWith(String summary) {
        return new SessionRow(id, alias, started, lastOutput, unseen, summary, link, shownIn);
    }

    public SessionRow withLink(Link now) {
        return new SessionRow(id, alias, started, lastOutput, unseen, ended, now, shownIn);
    }

    public Duration age(Instant now) {
        return positive(Duration.between(started, now));
    }

    public Duration idle(Instant now) {
        return positive(Duration.between(lastOutput, now));
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}

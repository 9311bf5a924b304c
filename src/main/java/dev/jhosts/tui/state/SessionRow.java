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
 * @param shownIn the other terminal that shows it now (a jhosts server's session), empty for none
 */
public record SessionRow(long id, String alias, Instant started, Instant lastOutput, boolean unseen, String ended,
        String shownIn) {
    /** A session no other terminal shows. */
    public SessionRow(long id, String alias, Instant started, Instant lastOutput, boolean unseen, String ended) {
        this(id, alias, started, lastOutput, unseen, ended, "");
    }

    public SessionRow withShownIn(String where) {
        return new SessionRow(id, alias, started, lastOutput, unseen, ended, where);
    }

    public static SessionRow opened(long id, String alias, Instant at) {
        return new SessionRow(id, alias, at, at, false, "");
    }

    public boolean live() {
        return ended.isEmpty();
    }

    public SessionRow withOutput(Instant at) {
        return new SessionRow(id, alias, started, at, true, ended, shownIn);
    }

    /** The user left it at {@code at}: nothing unseen, idle from then. */
    public SessionRow leftAt(Instant at) {
        return new SessionRow(id, alias, started, at, false, ended, shownIn);
    }

    public SessionRow seen() {
        return new SessionRow(id, alias, started, lastOutput, false, ended, shownIn);
    }

    public SessionRow endedWith(String summary) {
        return new SessionRow(id, alias, started, lastOutput, unseen, summary, shownIn);
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

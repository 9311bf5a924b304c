package dev.jhosts.tui.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The picker's sessions, in the order they were opened.
 *
 * @param rows every session held: live ones, and those that ended while detached (until the
 *     user goes to their host again)
 * @param attached the id of the session that has the terminal, 0 for none
 * @param exitOnEnd {@code on-session-end = exit}: jhosts exits when the attached session ends
 * @param outlive the sessions go on after this picker ends (they are a jhosts server's)
 */
public record Sessions(List<SessionRow> rows, long attached, boolean exitOnEnd, boolean outlive) {
    public static final Sessions NONE = new Sessions(List.of(), 0, false, false);

    public Sessions {
        rows = List.copyOf(rows);
    }

    /** Sessions that end with the picker. */
    public Sessions(List<SessionRow> rows, long attached, boolean exitOnEnd) {
        this(rows, attached, exitOnEnd, false);
    }

    public Sessions withOutlive(boolean sessionsOutlive) {
        return new Sessions(rows, attached, exitOnEnd, sessionsOutlive);
    }

    public List<SessionRow> live() {
        return rows.stream().filter(SessionRow::live).toList();
    }

    public List<SessionRow> of(String alias) {
        return rows.stream().filter(row -> row.alias().equals(alias)).toList();
    }

    public List<SessionRow> liveOf(String alias) {
        return rows.stream().filter(row -> row.live() && row.alias().equals(alias)).toList();
    }

    public Optional<SessionRow> find(long id) {
        return rows.stream().filter(row -> row.id() == id).findFirst();
    }

    public Sessions withExitOnEnd(boolean exit) {
        return new Sessions(rows, attached, exit, outlive);
    }

    public Sessions added(SessionRow row) {
        List<SessionRow> more = new ArrayList<>(rows);
        more.add(row);
        return new Sessions(more, attached, exitOnEnd, outlive);
    }

    public Sessions changed(long id, UnaryOperator<SessionRow> change) {
        return new Sessions(rows.stream().map(row -> row.id() == id ? change.apply(row) : row).toList(), attached,
                exitOnEnd, outlive);
    }

    public Sessions removed(long id) {
        return new Sessions(rows.stream().filter(row -> row.id() != id).toList(), attached == id ? 0 : attached,
                exitOnEnd, outlive);
    }

    /** Without the sessions of {@code alias} that ended (their status has been seen). */
    public Sessions withoutEndedOf(String alias) {
        return new Sessions(rows.stream().filter(row -> row.live() || !row.alias().equals(alias)).toList(), attached,
                exitOnEnd, outlive);
    }

    public Sessions attachedTo(long id) {
        return new Sessions(rows, id, exitOnEnd, outlive);
    }

    /**
     * The live session after ({@code step} 1) or before ({@code step} -1) {@code id}, going round;
     * empty when there is no other.
     */
    public Optional<SessionRow> beside(long id, int step) {
        List<SessionRow> live = live();
        int at = -1;
        for (int i = 0; i < live.size(); i++) {
            if (live.get(i).id() == id) {
                at = i;
            }
        }
        if (live.isEmpty() || (at >= 0 && live.size() == 1)) {
            return Optional.empty();
        }
        if (at < 0) {
            return Optional.of(step > 0 ? live.get(0) : live.get(live.size() - 1));
        }
        return Optional.of(live.get(Math.floorMod(at + step, live.size())));
    }
}

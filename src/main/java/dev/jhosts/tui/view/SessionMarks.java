package dev.jhosts.tui.view;

import dev.jhosts.tui.state.SessionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How the list and the status pane show a host's sessions: count, age, idle time, unseen output, an end. */
final class SessionMarks {
    /** After a session with output the user has not seen. */
    static final String UNSEEN = "●";
    static final String ASCII_UNSEEN = "*";

    private SessionMarks() {}

    /**
     * "session 12m, idle 4s ●", "3 sessions, idle 4s ●", "ended: exit 3"; empty for a host
     * without sessions.
     */
    static String note(List<SessionRow> rows, Instant now, boolean unicode) {
        List<SessionRow> live = rows.stream().filter(SessionRow::live).toList();
        if (live.isEmpty()) {
            return rows.isEmpty() ? "" : "session ended: " + rows.get(rows.size() - 1).ended();
        }
        String link = live.stream().map(row -> row.link().words()).filter(words -> !words.isEmpty()).findFirst()
                .map(words -> ", " + words).orElse("");
        Duration idle = live.stream().map(row -> row.idle(now)).min(Duration::compareTo).orElse(Duration.ZERO);
        boolean unseen = live.stream().anyMatch(SessionRow::unseen);
        String count = live.size() == 1 ? "session " + StatusPanePainter.age(live.get(0).age(now))
                : live.size() + " sessions";
        return count + link + ", idle " + StatusPanePainter.age(idle) + (unseen ? " " + (unicode ? UNSEEN : ASCII_UNSEEN) : "");
    }

    /** One session in a chooser or a pane: "#3  12m  idle 4s  ●". */
    static String line(SessionRow row, Instant now, boolean unicode) {
        return "#" + row.id() + "  " + StatusPanePainter.age(row.age(now)) + "  idle " + StatusPanePainter.age(row.idle(now))
                + (row.link().words().isEmpty() ? "" : "  " + row.link().words())
                + (row.unseen() ? "  " + (unicode ? UNSEEN : ASCII_UNSEEN) : "");
    }
}

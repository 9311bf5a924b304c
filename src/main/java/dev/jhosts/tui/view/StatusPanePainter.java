package dev.jhosts.tui.view;

import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.MasterPane;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.ViewState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Draws the status pane: one row per master with its aliases, pid, age, state and origin. */
final class StatusPanePainter {
    private static final int GAP = 2;

    private final Appearance look;
    private final MasterMarks marks;
    private final ForwardsPainter forwards;

    StatusPanePainter(Appearance look, MasterMarks marks) {
        this.look = look;
        this.marks = marks;
        this.forwards = new ForwardsPainter(look);
    }

    /** Paints the pane; returns where the cursor goes when the forwards' form is open. */
    Optional<CursorAt> paint(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return Optional.empty();
        }
        if (state.work().forwards().open()) {
            return forwards.paint(canvas, state, band);
        }
        paintMasters(canvas, state, band);
        return Optional.empty();
    }

    private void paintMasters(Canvas canvas, ViewState state, Band band) {
        Theme theme = look.theme();
        MasterPane pane = state.pane();
        boolean focused = state.focus() == Focus.MASTERS;
        String title = "masters (" + pane.rows().size() + ")" + (focused ? "" : " - Tab");
        canvas.rule(band.top(), title, theme.rule(), focused ? theme.highlight() : theme.rule());
        int rows = band.height() - 1;
        if (pane.rows().isEmpty()) {
            canvas.text(band.top() + 1, 2, canvas.columns(), "no master connections", theme.dim());
            return;
        }
        int top = Math.max(0, Math.min(pane.selected() - rows + 1, pane.rows().size() - rows));
        top = Math.max(0, Math.min(top, pane.selected()));
        for (int i = 0; i < rows && top + i < pane.rows().size(); i++) {
            int index = top + i;
            MasterRow master = pane.rows().get(index);
            boolean selected = index == pane.selected();
            Style base = selected && focused ? theme.selected() : theme.normal();
            int row = band.top() + 1 + i;
            canvas.fill(row, 0, canvas.columns(), base);
            canvas.text(row, 0, canvas.columns(), selected && focused ? look.glyphs().pointer() : " ", base);
            canvas.text(row, 1, canvas.columns(), marks.symbol(master.state(), state.spinner()),
                    selected && focused ? base : marks.style(master.state()));
            int at = 3;
            int aliasWidth = Math.max(8, Math.min(28, canvas.columns() / 3));
            canvas.text(row, at, at + aliasWidth, String.join(",", master.aliases()), base);
            at += aliasWidth + GAP;
            String facts = (master.pid() > 0 ? "pid " + master.pid() : "pid -") + "  "
                    + (master.startedAt().equals(Instant.EPOCH) ? "?" : age(Duration.between(master.startedAt(), state.now())))
                    + "  "
                    + master.state().word() + "  " + (master.startedByJhosts() ? "jhosts" : "found")
                    + (master.via().isEmpty() ? "" : "  via " + String.join(" > ", master.via()))
                    + (master.dependants().isEmpty() ? "" : "  jump for " + String.join(",", master.dependants()))
                    + sessions(state, master)
                    + (selected && focused && master.pid() > 0 ? "  f forwards" : "");
            canvas.text(row, at, canvas.columns(), facts, base);
        }
    }

    /** The sessions riding this master: "  sessions: web1 #1 12m idle 4s ●, web1 #3 …". */
    private String sessions(ViewState state, MasterRow master) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String alias : master.aliases()) {
            state.sessions().liveOf(alias).forEach(row -> lines.add(alias + " " + SessionMarks.line(row, state.now(),
                    look.unicode()).replace("  ", " ")));
        }
        return lines.isEmpty() ? "" : "  sessions: " + String.join(", ", lines);
    }

    /** A short age: 42s, 12m, 3h05m, 2d4h. */
    static String age(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        } else if (seconds < 3600) {
            return seconds / 60 + "m";
        } else if (seconds < 86400) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds / 86400 + "d" + seconds % 86400 / 3600 + "h";
    }
}

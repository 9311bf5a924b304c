package dev.jhosts.tui.view;

import dev.jhosts.master.ListedForward;
import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.ForwardsView;
import dev.jhosts.tui.state.ViewState;
import java.util.Optional;

/**
 * Draws the status pane's forwards of one master: a row per forward (the ssh option, who asked
 * for it, the port the server chose or why it is not open), then the form in ssh's syntax or
 * its hint, then what is wrong with the form's text (or the master's refusal).
 */
final class ForwardsPainter {
    private static final int ORIGIN_WIDTH = 8;

    private final Appearance look;

    ForwardsPainter(Appearance look) {
        this.look = look;
    }

    /** Paints the view into the pane's band; returns where the form's cursor goes, when the form is open. */
    Optional<CursorAt> paint(Canvas canvas, ViewState state, Band band) {
        Theme theme = look.theme();
        ForwardsView view = state.work().forwards();
        boolean focused = state.focus() == Focus.MASTERS;
        String title = "forwards of " + String.join(",", view.aliases()) + " (" + view.forwards().size() + ")";
        canvas.rule(band.top(), title, theme.rule(), focused ? theme.highlight() : theme.rule());
        int formRow = band.top() + band.height() - 1 - (view.problem().isEmpty() ? 0 : 1);
        int rows = Math.max(0, formRow - band.top() - 1);
        if (view.forwards().isEmpty() && rows > 0) {
            canvas.text(band.top() + 1, 2, canvas.columns(), view.loading() ? "listing…" : "no forwards", theme.dim());
        }
        int width = view.forwards().stream().mapToInt(forward -> forward.spec().length()).max().orElse(0);
        int top = Math.max(0, Math.min(view.selected() - rows + 1, view.forwards().size() - rows));
        top = Math.max(0, Math.min(top, view.selected()));
        for (int i = 0; i < rows && top + i < view.forwards().size(); i++) {
            int index = top + i;
            ListedForward forward = view.forwards().get(index);
            boolean selected = index == view.selected() && focused && !view.composing();
            Style base = selected ? theme.selected() : theme.normal();
            int row = band.top() + 1 + i;
            canvas.fill(row, 0, canvas.columns(), base);
            canvas.text(row, 0, canvas.columns(), selected ? look.glyphs().pointer() : " ", base);
            canvas.text(row, 1, canvas.columns(), forward.isOpen() ? look.glyphs().live() : look.glyphs().failed(),
                    selected ? base : forward.isOpen() ? theme.live() : theme.failed());
            int at = canvas.text(row, 3, 3 + width, forward.spec(), base);
            at = Math.max(at, 3 + width) + 2;
            at = canvas.text(row, at, at + ORIGIN_WIDTH, forward.origin().word(), selected ? base : theme.dim());
            at = Math.max(at, 3 + width + 2 + ORIGIN_WIDTH);
            canvas.text(row, at, canvas.columns(), note(forward), selected ? base : forward.isOpen() ? theme.normal() : theme.failed());
        }
        Optional<CursorAt> cursor = Optional.empty();
        if (formRow > band.top() && formRow < band.top() + band.height()) {
            canvas.fill(formRow, 0, canvas.columns(), theme.normal());
            if (view.composing()) {
                int at = canvas.text(formRow, 1, canvas.columns(), "add " + look.glyphs().pointer() + " ", theme.highlight());
                int end = canvas.text(formRow, at, canvas.columns(), view.input().text(), theme.normal());
                if (view.input().text().isEmpty()) {
                    canvas.text(formRow, at, canvas.columns(), "-L 8080:db:5432   -R 0:localhost:22   -D 1080", theme.dim());
                }
                cursor = Optional.of(new CursorAt(Math.min(end, canvas.columns() - 1), formRow));
            } else {
                canvas.text(formRow, 1, canvas.columns(), "a add  d cancel  r list again  Esc masters", theme.dim());
            }
        }
        if (!view.problem().isEmpty()) {
            int row = band.top() + band.height() - 1;
            canvas.fill(row, 0, canvas.columns(), theme.normal());
            canvas.text(row, 1, canvas.columns(), view.problem(), theme.failed());
        }
        return cursor;
    }

    /** The port the server chose, or why the forward is not open. */
    static String note(ListedForward forward) {
        return switch (forward.status()) {
            case OPEN -> forward.allocatedPort() > 0 ? "port " + forward.allocatedPort() + " chosen by the server" : "";
            case REFUSED -> "refused: " + forward.problem();
            case CANCELLED -> "cancelled";
        };
    }
}

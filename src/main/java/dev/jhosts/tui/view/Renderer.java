package dev.jhosts.tui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.KeyHelp;
import dev.jhosts.tui.state.Layout;
import dev.jhosts.tui.state.Overlay;
import dev.jhosts.tui.state.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws a {@link ViewState} onto a Lanterna text surface of the state's size. Pure drawing (it
 * keeps only caches whose contents never change what is drawn); one drawing thread at a time.
 */
public final class Renderer {
    private static final int GAP = 2;

    private final Appearance look;
    private final HostRowsPainter hostRows;
    private final StatusPanePainter statusPane;
    private final DetailsPainter details;
    private final CharacterCache characters = new CharacterCache();

    public Renderer(Appearance look) {
        this.look = look;
        MasterMarks marks = new MasterMarks(look);
        this.hostRows = new HostRowsPainter(look, marks);
        this.statusPane = new StatusPanePainter(look, marks);
        this.details = new DetailsPainter(look, marks);
    }

    /** Draws every cell of the screen; returns where the cursor belongs, if it is shown. */
    public Optional<CursorAt> render(ViewState state, TextGraphics graphics) {
        Canvas canvas = new Canvas(graphics, state.size().columns(), state.size().rows(), look.unicode(), look.glyphs(),
                characters);
        Theme theme = look.theme();
        for (int row = 0; row < canvas.rows(); row++) {
            canvas.fill(row, 0, canvas.columns(), theme.normal());
        }
        Layout layout = Layout.of(state);
        header(canvas, state, layout.header());
        Optional<CursorAt> cursor = filterLine(canvas, state, layout.filter());
        hostRows.paint(canvas, state, layout.list());
        statusPane.paint(canvas, state, layout.pane());
        details.paint(canvas, state, layout.details());
        if (layout.status().shown()) {
            canvas.text(layout.status().top(), 1, canvas.columns(), state.message(), theme.message());
        }
        footer(canvas, state, layout.footer());
        new OverlayPainter(canvas, look, state).paint();
        boolean cursorShown = state.overlay() instanceof Overlay.None && state.focus() == Focus.HOSTS;
        return cursorShown ? cursor : Optional.empty();
    }

    private void header(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        Theme theme = look.theme();
        int row = band.top();
        canvas.fill(row, 0, canvas.columns(), theme.header());
        int at = canvas.text(row, 1, canvas.columns(), "jhosts", theme.header());
        long live = state.masters().values().stream().filter(s -> s instanceof MasterState.Live).count();
        String sep = look.glyphs().separator();
        String counts = state.catalogue().size() + plural(state.catalogue().size(), " host", " hosts")
                + sep + state.list().matches().size() + " shown" + sep + live + " live";
        int width = DisplayText.width(counts, look.unicode());
        int start = Math.max(at + GAP, canvas.columns() - width - 1);
        String order = "order: " + state.list().order().label();
        if (at + GAP + DisplayText.width(order, look.unicode()) + GAP <= start) {
            canvas.text(row, at + GAP, start, order, theme.header());
        }
        canvas.text(row, start, canvas.columns(), counts, theme.header());
    }

    private Optional<CursorAt> filterLine(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return Optional.empty();
        }
        Theme theme = look.theme();
        int row = band.top();
        int at = canvas.text(row, 0, canvas.columns(), look.glyphs().pointer() + " ", theme.highlight());
        String filter = state.list().filter();
        if (filter.isEmpty()) {
            String hint = look.unicode() ? "type to filter · tag:x group:y · ? help" : "type to filter, tag:x group:y, ? help";
            canvas.text(row, at, canvas.columns(), hint, theme.dim());
            return Optional.of(new CursorAt(Math.min(at, canvas.columns() - 1), row));
        }
        int end = canvas.text(row, at, canvas.columns(), filter, theme.normal());
        return Optional.of(new CursorAt(Math.min(end, canvas.columns() - 1), row));
    }

    private void footer(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        String hints = state.focus() == Focus.MASTERS
                ? "c check  s stop  x exit  k kill  Up/Down select  Tab hosts  F2 hide  ^C quit"
                : "Enter connect  Up/Down move  F3 order  Tab masters  F2 pane  ? help  Esc quit";
        canvas.fill(band.top(), 0, canvas.columns(), look.theme().header());
        canvas.text(band.top(), 1, canvas.columns(), hints, look.theme().header());
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }

    /** The help lines, for the overlay. */
    static List<KeyHelp.Line> helpLines() {
        List<KeyHelp.Line> lines = new ArrayList<>(KeyHelp.HOST_LIST);
        lines.add(new KeyHelp.Line("", ""));
        lines.add(new KeyHelp.Line("Status pane", ""));
        lines.addAll(KeyHelp.STATUS_PANE);
        return lines;
    }
}

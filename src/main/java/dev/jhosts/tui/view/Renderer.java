package dev.jhosts.tui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.Footer;
import dev.jhosts.tui.state.FormAction;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.Layout;
import dev.jhosts.tui.state.ListAction;
import dev.jhosts.tui.state.Overlay;
import dev.jhosts.tui.state.RunPane;
import dev.jhosts.tui.state.ViewState;
import java.util.Optional;

/**
 * Draws a {@link ViewState} onto a Lanterna text surface of the state's size. Pure drawing (it
 * keeps only caches whose contents never change what is drawn); one drawing thread at a time.
 */
public final class Renderer {
    private static final int GAP = 2;

    private final Appearance look;
    private final Keymap keys;
    private final HostRowsPainter hostRows;
    private final StatusPanePainter statusPane;
    private final DetailsPainter details;
    private final RunPanePainter runPane;
    private final FilesPanePainter filesPane;
    private final CharacterCache characters = new CharacterCache();

    /** @param keys the key bindings, which the footer and the help show */
    public Renderer(Appearance look, Keymap keys) {
        this.look = look;
        this.keys = keys;
        MasterMarks marks = new MasterMarks(look);
        this.hostRows = new HostRowsPainter(look, marks);
        this.statusPane = new StatusPanePainter(look, marks);
        this.details = new DetailsPainter(look, marks);
        this.runPane = new RunPanePainter(look);
        this.filesPane = new FilesPanePainter(look);
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
        Optional<CursorAt> formCursor = statusPane.paint(canvas, state, layout.pane());
        details.paint(canvas, state, layout.details());
        if (RunPanePainter.shown(state)) {
            runPane.paint(canvas, state, layout);
        }
        Optional<CursorAt> filesCursor = FilesPanePainter.shown(state) ? filesPane.paint(canvas, state, layout)
                : Optional.empty();
        Optional<CursorAt> runInput = runInput(canvas, state, layout.filter());
        if (layout.status().shown()) {
            canvas.text(layout.status().top(), 1, canvas.columns(), state.message(), theme.message());
        }
        footer(canvas, state, layout.footer());
        new OverlayPainter(canvas, look, state, keys).paint();
        if (!(state.overlay() instanceof Overlay.None)) {
            return Optional.empty();
        }
        if (runInput.isPresent()) {
            return runInput;
        }
        if (FilesPanePainter.shown(state)) {
            return filesCursor;
        }
        if (state.focus() == Focus.MASTERS) {
            return formCursor;
        }
        return RunPanePainter.shown(state) ? Optional.empty() : cursor;
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
            String help = keys.first(ListAction.HELP) + " help";
            String hint = look.unicode() ? "type to filter · tag:x group:y · " + help : "type to filter, tag:x group:y, " + help;
            canvas.text(row, at, canvas.columns(), hint, theme.dim());
            return Optional.of(new CursorAt(Math.min(at, canvas.columns() - 1), row));
        }
        int end = canvas.text(row, at, canvas.columns(), filter, theme.normal());
        return Optional.of(new CursorAt(Math.min(end, canvas.columns() - 1), row));
    }

    /** The run's command line over the filter line while it is typed; where the cursor goes. */
    private Optional<CursorAt> runInput(Canvas canvas, ViewState state, Band band) {
        RunPane run = state.work().run();
        if (!run.composing() || !band.shown()) {
            return Optional.empty();
        }
        Theme theme = look.theme();
        int row = band.top();
        canvas.fill(row, 0, canvas.columns(), theme.normal());
        String prompt = "run on " + (run.targets().size() == 1 ? run.targets().get(0)
                : run.targets().size() + " hosts") + " " + look.glyphs().pointer() + " ";
        int at = canvas.text(row, 0, canvas.columns(), prompt, theme.highlight());
        int end = canvas.text(row, at, canvas.columns(), run.input().text(), theme.normal());
        if (run.input().text().isEmpty()) {
            canvas.text(row, at, canvas.columns(), "a command, as for ssh HOST COMMAND; " + keys.first(FormAction.SUBMIT)
                    + " runs it, " + keys.first(FormAction.CANCEL) + " cancels",
                    theme.dim());
        }
        return Optional.of(new CursorAt(Math.min(end, canvas.columns() - 1), row));
    }

    private void footer(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        String hints = footerHints(state);
        canvas.fill(band.top(), 0, canvas.columns(), look.theme().header());
        canvas.text(band.top(), 1, canvas.columns(), hints, look.theme().header());
    }

    /** The footer's keys for what has them now, from the key tables. */
    private String footerHints(ViewState state) {
        return Footer.text(keys, state);
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }
}

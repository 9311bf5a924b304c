package dev.jhosts.tui.view;

import dev.jhosts.tui.state.Layout;
import dev.jhosts.tui.state.RunHost;
import dev.jhosts.tui.state.RunPane;
import dev.jhosts.tui.state.ViewState;
import java.util.List;
import java.util.Optional;

/**
 * Draws the results of a run over the list, the status pane and the details: a row per host
 * (its state — waiting, running, exit N, unreachable… — and its last line), then the selected
 * host's output, as much as fits, following its end unless scrolled back.
 */
final class RunPanePainter {
    private static final int GAP = 2;
    private static final int STATE_WIDTH = 14;

    private final Appearance look;

    RunPanePainter(Appearance look) {
        this.look = look;
    }

    /** Whether the pane covers the body of the screen now. */
    static boolean shown(ViewState state) {
        return state.work().run().shown();
    }

    void paint(Canvas canvas, ViewState state, Layout layout) {
        RunPane run = state.work().run();
        int top = layout.list().top();
        int bottom = layout.status().shown() ? layout.status().top()
                : layout.footer().shown() ? layout.footer().top() : canvas.rows();
        if (bottom - top < 2) {
            return;
        }
        Theme theme = look.theme();
        for (int row = top; row < bottom; row++) {
            canvas.fill(row, 0, canvas.columns(), theme.normal());
        }
        int height = bottom - top;
        int hostRows = Math.max(1, Math.min(run.hosts().size(), (height - 2) / 2));
        long done = run.hosts().stream().filter(host -> host.phase() == RunHost.Phase.DONE).count();
        String title = "run on " + run.hosts().size() + (run.hosts().size() == 1 ? " host, " : " hosts, ") + done
                + " done: " + run.command();
        canvas.rule(top, title, theme.rule(), theme.highlight());
        int aliasWidth = Math.min(Math.max(4, run.hosts().stream().mapToInt(host -> host.alias().length()).max().orElse(4)),
                Math.max(4, canvas.columns() / 4));
        int first = Math.max(0, Math.min(run.selected() - hostRows + 1, run.hosts().size() - hostRows));
        first = Math.max(0, Math.min(first, run.selected()));
        for (int i = 0; i < hostRows && first + i < run.hosts().size(); i++) {
            int index = first + i;
            hostRow(canvas, top + 1 + i, run.hosts().get(index), index == run.selected(), aliasWidth, state.spinner());
        }
        int outputTop = top + 1 + hostRows;
        Optional<RunHost> selected = run.selectedHost();
        if (selected.isEmpty() || outputTop >= bottom) {
            return;
        }
        RunHost host = selected.get();
        String kept = host.dropped() > 0 ? ", the first " + host.dropped() + " not kept" : "";
        canvas.rule(outputTop, host.alias() + ": " + host.lines().size() + (host.lines().size() == 1 ? " line" : " lines")
                + kept + (run.scroll() > 0 ? ", scrolled back " + run.scroll() : ""), theme.rule(), theme.rule());
        int rows = bottom - outputTop - 1;
        List<String> lines = host.lines();
        int end = Math.max(0, lines.size() - Math.min(run.scroll(), lines.size()));
        int start = Math.max(0, end - rows);
        for (int i = start; i < end; i++) {
            canvas.text(outputTop + 1 + i - start, 1, canvas.columns(), withoutEscapes(lines.get(i)), theme.normal());
        }
        if (lines.isEmpty()) {
            String none = host.phase() == RunHost.Phase.DONE ? (host.detail().isEmpty() ? "no output" : host.detail())
                    : "no output yet";
            canvas.text(outputTop + 1, 1, canvas.columns(), none, theme.dim());
        }
    }

    private void hostRow(Canvas canvas, int row, RunHost host, boolean selected, int aliasWidth, int spinner) {
        Theme theme = look.theme();
        Style base = selected ? theme.selected() : theme.normal();
        canvas.fill(row, 0, canvas.columns(), base);
        canvas.text(row, 0, canvas.columns(), selected ? look.glyphs().pointer() : " ", base);
        String symbol = switch (host.phase()) {
            case WAITING -> " ";
            case RUNNING -> look.glyphs().spinnerFrame(spinner);
            case DONE -> host.succeeded() ? look.glyphs().live() : look.glyphs().failed();
        };
        canvas.text(row, 1, canvas.columns(), symbol, selected ? base : stateStyle(host));
        int at = 3;
        canvas.text(row, at, at + aliasWidth, host.alias(), base);
        at += aliasWidth + GAP;
        canvas.text(row, at, at + STATE_WIDTH, host.state(), selected ? base : stateStyle(host));
        at += STATE_WIDTH + GAP;
        String last = host.lines().isEmpty() ? host.detail() : host.lines().get(host.lines().size() - 1);
        canvas.text(row, at, canvas.columns(), withoutEscapes(last), selected ? base : theme.dim());
    }

    /**
     * A line without the terminal sequences commands print for colour (CSI: ESC [ … final byte;
     * OSC: ESC ] … BEL or ESC \): drawn, they would be noise; left in, the cells would not line up.
     */
    static String withoutEscapes(String line) {
        if (line.indexOf('\033') < 0) {
            return line;
        }
        StringBuilder text = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\033' || i + 1 >= line.length()) {
                text.append(c);
                continue;
            }
            char kind = line.charAt(++i);
            if (kind == '[') {
                while (++i < line.length() && (line.charAt(i) < 0x40 || line.charAt(i) > 0x7e)) {
                    // parameters and intermediates
                }
            } else if (kind == ']') {
                while (++i < line.length() && line.charAt(i) != '\007'
                        && !(line.charAt(i) == '\033' && i + 1 < line.length() && line.charAt(i + 1) == '\\')) {
                    // the OSC's text
                }
                if (i < line.length() && line.charAt(i) == '\033') {
                    i++;
                }
            }
        }
        return text.toString();
    }

    private Style stateStyle(RunHost host) {
        Theme theme = look.theme();
        return switch (host.phase()) {
            case WAITING -> theme.dim();
            case RUNNING -> theme.starting();
            case DONE -> host.succeeded() ? theme.live() : theme.failed();
        };
    }
}

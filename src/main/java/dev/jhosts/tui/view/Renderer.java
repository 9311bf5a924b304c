package dev.jhosts.tui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.filter.HostMatch;
import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Details;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.HostList;
import dev.jhosts.tui.state.KeyHelp;
import dev.jhosts.tui.state.Layout;
import dev.jhosts.tui.state.MasterPane;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.Overlay;
import dev.jhosts.tui.state.ViewState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Draws a {@link ViewState} onto a Lanterna text surface of the state's size. Pure drawing. */
public final class Renderer {
    private static final int GAP = 2;

    private final Appearance look;

    public Renderer(Appearance look) {
        this.look = look;
    }

    /** Draws every cell of the screen; returns where the cursor belongs, if it is shown. */
    public Optional<CursorAt> render(ViewState state, TextGraphics graphics) {
        Canvas canvas = new Canvas(graphics, state.size().columns(), state.size().rows(), look.unicode(), look.glyphs());
        Theme theme = look.theme();
        for (int row = 0; row < canvas.rows(); row++) {
            canvas.fill(row, 0, canvas.columns(), theme.normal());
        }
        Layout layout = Layout.of(state);
        header(canvas, state, layout.header());
        Optional<CursorAt> cursor = filterLine(canvas, state, layout.filter());
        hostRows(canvas, state, layout.list());
        statusPane(canvas, state, layout.pane());
        details(canvas, state, layout.details());
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

    private void hostRows(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        Theme theme = look.theme();
        HostList list = state.list();
        if (list.matches().isEmpty()) {
            String why = state.catalogue().isEmpty() ? "no hosts: the ssh config defines none" : "no host matches the filter";
            canvas.text(band.top(), 2, canvas.columns(), why, theme.dim());
            return;
        }
        int aliasWidth = columnWidth(state.catalogue(), true, canvas.columns());
        int targetWidth = columnWidth(state.catalogue(), false, canvas.columns());
        int top = HostListWindow.top(list, band.height());
        for (int i = 0; i < band.height() && top + i < list.matches().size(); i++) {
            int index = top + i;
            boolean selected = index == list.selected();
            hostRow(canvas, state, band.top() + i, list.matches().get(index), selected, aliasWidth, targetWidth);
        }
    }

    private void hostRow(Canvas canvas, ViewState state, int row, HostMatch match, boolean selected,
            int aliasWidth, int targetWidth) {
        Theme theme = look.theme();
        boolean focused = selected && state.focus() == Focus.HOSTS;
        Style base = focused ? theme.selected() : theme.normal();
        Style highlight = focused ? theme.selectedHighlight() : theme.highlight();
        Host host = match.host();
        canvas.fill(row, 0, canvas.columns(), base);
        canvas.text(row, 0, canvas.columns(), selected ? look.glyphs().pointer() : " ", base);
        MasterState master = state.masterState(host.alias());
        canvas.text(row, 1, canvas.columns(), symbol(master, state.spinner()), focused ? base : stateStyle(master));
        int at = 3;
        canvas.text(row, at, at + aliasWidth, host.alias(), base, highlight, match.aliasPositions()::contains);
        at += aliasWidth + GAP;
        String user = host.user().isEmpty() ? "" : host.user() + "@";
        String target = user + host.hostname() + (host.port() == 22 || host.port() <= 0 ? "" : ":" + host.port());
        int shift = user.length();
        canvas.text(row, at, at + targetWidth, target, focused ? base : theme.dim(), highlight,
                index -> index >= shift && match.hostnamePositions().contains(index - shift));
        at += targetWidth + GAP;
        if (at < canvas.columns()) {
            canvas.text(row, at, canvas.columns(), host.description(), focused ? base : theme.normal(), highlight,
                    match.descriptionPositions()::contains);
            int afterDescription = at + DisplayText.width(host.description(), look.unicode());
            String tags = tagsText(host);
            if (!tags.isEmpty() && afterDescription + GAP < canvas.columns()) {
                int tagsAt = host.description().isEmpty() ? at : afterDescription + GAP;
                canvas.text(row, tagsAt, canvas.columns(), tags, focused ? base : theme.dim());
            }
        }
    }

    private static String tagsText(Host host) {
        List<String> parts = new ArrayList<>();
        if (!host.group().isEmpty()) {
            parts.add("[" + host.group() + "]");
        }
        for (String tag : host.tags()) {
            parts.add("#" + tag);
        }
        return String.join(" ", parts);
    }

    /** The width of the alias (or user@host) column: the widest entry, within a third of the screen. */
    private int columnWidth(List<Host> hosts, boolean alias, int columns) {
        int widest = 4;
        for (Host host : hosts) {
            String text = alias ? host.alias() : host.user() + "@" + host.hostname() + (host.port() == 22 ? "" : ":" + host.port());
            widest = Math.max(widest, DisplayText.width(text, look.unicode()));
        }
        return Math.min(widest, Math.max(4, (columns - 3) / 3));
    }

    String symbol(MasterState state, int spinner) {
        Glyphs glyphs = look.glyphs();
        if (state instanceof MasterState.Live) {
            return glyphs.live();
        } else if (state instanceof MasterState.Starting) {
            return glyphs.spinnerFrame(spinner);
        } else if (state instanceof MasterState.Failed) {
            return glyphs.failed();
        } else if (state instanceof MasterState.Unresponsive) {
            return glyphs.unresponsive();
        }
        return " ";
    }

    private Style stateStyle(MasterState state) {
        Theme theme = look.theme();
        if (state instanceof MasterState.Live) {
            return theme.live();
        } else if (state instanceof MasterState.Starting) {
            return theme.starting();
        } else if (state instanceof MasterState.None) {
            return theme.normal();
        }
        return theme.failed();
    }

    private void statusPane(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
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
            canvas.text(row, 1, canvas.columns(), symbol(master.state(), state.spinner()),
                    selected && focused ? base : stateStyle(master.state()));
            int at = 3;
            int aliasWidth = Math.max(8, Math.min(28, canvas.columns() / 3));
            canvas.text(row, at, at + aliasWidth, String.join(",", master.aliases()), base);
            at += aliasWidth + GAP;
            String facts = (master.pid() > 0 ? "pid " + master.pid() : "pid -") + "  "
                    + (master.startedAt().equals(Instant.EPOCH) ? "?" : age(Duration.between(master.startedAt(), state.now())))
                    + "  "
                    + master.state().word() + "  " + (master.startedByJhosts() ? "jhosts" : "found");
            canvas.text(row, at, canvas.columns(), facts, base);
        }
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

    private void details(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        Theme theme = look.theme();
        Optional<HostMatch> selected = state.list().selectedMatch();
        canvas.rule(band.top(), selected.map(match -> match.host().alias()).orElse(""), theme.rule(), theme.highlight());
        if (selected.isEmpty()) {
            return;
        }
        Host host = selected.get().host();
        int optionsRow = band.top() + 1;
        Details details = state.details().getOrDefault(host.alias(), new Details.Resolving());
        if (details instanceof Details.Resolved) {
            EffectiveOptions options = ((Details.Resolved) details).options();
            String jump = options.proxyJump().isEmpty() ? "-" : options.proxyJump();
            canvas.text(optionsRow, 1, canvas.columns(), "HostName " + options.hostname() + "  User " + options.user()
                    + "  Port " + options.port() + "  ProxyJump " + jump, theme.normal());
        } else if (details instanceof Details.Unavailable) {
            canvas.text(optionsRow, 1, canvas.columns(), "ssh -G failed: " + ((Details.Unavailable) details).reason(),
                    theme.failed());
        } else {
            canvas.text(optionsRow, 1, canvas.columns(),
                    look.glyphs().spinnerFrame(state.spinner()) + " asking ssh -G " + host.alias(), theme.dim());
        }
        MasterState master = state.masterState(host.alias());
        String extra = tagsText(host);
        int at = canvas.text(optionsRow + 1, 1, canvas.columns(), "Master " + describe(master, state.spinner()),
                master instanceof MasterState.None ? theme.normal() : stateStyle(master));
        if (!extra.isEmpty()) {
            canvas.text(optionsRow + 1, at + GAP, canvas.columns(), extra, theme.dim());
        }
    }

    private String describe(MasterState state, int spinner) {
        if (state instanceof MasterState.Live) {
            return "live, pid " + ((MasterState.Live) state).pid();
        } else if (state instanceof MasterState.Starting) {
            return look.glyphs().spinnerFrame(spinner) + " starting";
        } else if (state instanceof MasterState.Failed) {
            MasterState.Failed failed = (MasterState.Failed) state;
            return "failed: " + failed.reason() + (failed.needsPrompt() ? " (Enter runs ssh to ask)" : "");
        } else if (state instanceof MasterState.Unresponsive) {
            return "unresponsive: " + ((MasterState.Unresponsive) state).detail();
        }
        return "none";
    }

    private void footer(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        String hints = state.focus() == Focus.MASTERS
                ? "c check  s stop  x exit  k kill  Up/Down select  Tab hosts  F2 hide  ^C quit"
                : "Enter connect  Up/Down move  Tab masters  F2 pane  ? help  Esc quit";
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

package dev.jhosts.tui.view;

import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.filter.HostMatch;
import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.HostList;
import dev.jhosts.tui.state.ViewState;
import java.util.ArrayList;
import java.util.List;

/** Draws the host list: pointer, master state, alias, user@hostname, description, group and tags. */
final class HostRowsPainter {
    private static final int GAP = 2;

    private final Appearance look;
    private final MasterMarks marks;

    HostRowsPainter(Appearance look, MasterMarks marks) {
        this.look = look;
        this.marks = marks;
    }

    void paint(Canvas canvas, ViewState state, Band band) {
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
        canvas.text(row, 1, canvas.columns(), marks.symbol(master, state.spinner()), focused ? base : marks.style(master));
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

    static String tagsText(Host host) {
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
}

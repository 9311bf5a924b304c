package dev.jhosts.tui.view;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostSource;
import dev.jhosts.master.MasterState;
import dev.jhosts.catalog.filter.HostMatch;
import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.HostList;
import dev.jhosts.tui.state.ListRow;
import dev.jhosts.tui.state.ViewState;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the host list: group headers (fold mark, name, count) and hosts (pointer, master
 * state, "~" when the values may differ from ssh's, alias, user@hostname, online or offline
 * for a host whose source says so, description, group unless under its header, and tags).
 */
final class HostRowsPainter {
    private static final int GAP = 2;
    /** The header over the hosts without a group. */
    static final String NO_GROUP = "no group";
    /** Before the alias of a host whose listed values may differ from ssh's. */
    static final String UNCERTAIN_MARK = "~";
    /** Before the alias of a host marked for a command. */
    static final String MARK = "✓";
    static final String ASCII_MARK = "+";

    private final Appearance look;
    private final MasterMarks marks;
    private final CatalogueWidths widths;

    HostRowsPainter(Appearance look, MasterMarks marks) {
        this.look = look;
        this.marks = marks;
        this.widths = new CatalogueWidths(look.unicode());
    }

    void paint(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        Theme theme = look.theme();
        HostList list = state.list();
        if (list.matches().isEmpty()) {
            String why = state.catalogue().isEmpty() ? "no hosts: add Host blocks to your ssh config (see config-samples/ssh_config), or try jhosts demo" : "no host matches the filter";
            canvas.text(band.top(), 2, canvas.columns(), why, theme.dim());
            return;
        }
        int aliasWidth = columnWidth(state.catalogue(), true, canvas.columns());
        int targetWidth = columnWidth(state.catalogue(), false, canvas.columns());
        int top = HostListWindow.top(list, band.height());
        for (int i = 0; i < band.height() && top + i < list.rows().size(); i++) {
            int index = top + i;
            boolean selected = index == list.selected();
            ListRow row = list.rows().get(index);
            if (row instanceof ListRow.GroupHeader) {
                groupRow(canvas, state, band.top() + i, (ListRow.GroupHeader) row, selected);
            } else {
                hostRow(canvas, state, band.top() + i, ((ListRow.HostRow) row).match(), selected, aliasWidth,
                        targetWidth);
            }
        }
    }

    /** A group's header: its fold mark, its name (hosts without a group: "no group") and count. */
    private void groupRow(Canvas canvas, ViewState state, int row, ListRow.GroupHeader header, boolean selected) {
        Theme theme = look.theme();
        boolean focused = selected && state.focus() == Focus.HOSTS;
        Style base = focused ? theme.selected() : theme.group();
        canvas.fill(row, 0, canvas.columns(), focused ? base : theme.normal());
        canvas.text(row, 0, canvas.columns(), selected ? look.glyphs().pointer() : " ", base);
        Glyphs glyphs = look.glyphs();
        canvas.text(row, 1, canvas.columns(), header.collapsed() ? glyphs.collapsed() : glyphs.expanded(), base);
        String name = header.group().isEmpty() ? NO_GROUP : header.group();
        int at = canvas.text(row, 3, canvas.columns(), name, base);
        canvas.text(row, at + 1, canvas.columns(), "(" + header.count() + ")", focused ? base : theme.dim());
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
        if (state.work().marks().marked(host.alias())) {
            // marked for a command (^R); the mark takes the column of the "~" below, which the details repeat
            canvas.text(row, 2, canvas.columns(), look.unicode() ? MARK : ASCII_MARK, focused ? base : highlight);
        } else if (host.valuesMayDiffer()) {
            // A Match block jhosts does not evaluate may set this host's values; the details say which.
            canvas.text(row, 2, canvas.columns(), UNCERTAIN_MARK, focused ? base : theme.dim());
        }
        int at = 3;
        canvas.text(row, at, at + aliasWidth, host.alias(), base, highlight, match.aliasPositions()::contains);
        at += aliasWidth + GAP;
        String user = host.user().isEmpty() ? "" : host.user() + "@";
        String target = user + host.hostname() + (host.port() == 22 || host.port() <= 0 ? "" : ":" + host.port());
        int shift = user.length();
        canvas.text(row, at, at + targetWidth, target, focused ? base : theme.dim(), highlight,
                index -> index >= shift && match.hostnamePositions().contains(index - shift));
        at += targetWidth + GAP;
        String presence = presenceWord(host);
        if (!presence.isEmpty() && at < canvas.columns()) {
            // what the host's source says of it (Tailscale's Online), before the description
            canvas.text(row, at, canvas.columns(), presence, focused ? base
                    : host.source().presence() == HostSource.Presence.ONLINE ? theme.highlight() : theme.dim());
            at += presence.length() + 1;
        }
        if (at < canvas.columns()) {
            canvas.text(row, at, canvas.columns(), host.description(), focused ? base : theme.normal(), highlight,
                    match.descriptionPositions()::contains);
            int afterDescription = at + DisplayText.width(host.description(), look.unicode());
            String tags = tagsText(host, !state.list().grouped());
            if (!tags.isEmpty() && afterDescription + GAP < canvas.columns()) {
                int tagsAt = host.description().isEmpty() ? at : afterDescription + GAP;
                canvas.text(row, tagsAt, canvas.columns(), tags, focused ? base : theme.dim());
            }
        }
        if (!transferNote(canvas, state, row, host, at, focused, base)
                && !sessionNote(canvas, state, row, host, at, focused, base)) {
            probeNote(canvas, state, row, host, at, focused, base);
        }
    }

    /** A copy of the files pane under way with the host, at the right end of the row; false when none. */
    private boolean transferNote(Canvas canvas, ViewState state, int row, Host host, int minimumColumn, boolean focused,
            Style base) {
        String progress = state.work().files().transfers().get(host.alias());
        if (progress == null) {
            return false;
        }
        String note = (look.unicode() ? "\u21c5 " : "<> ") + progress;
        int width = DisplayText.width(note, look.unicode());
        int column = Math.max(minimumColumn, canvas.columns() - width - 1);
        canvas.fill(row, column - 1, canvas.columns(), focused ? base : look.theme().normal());
        canvas.text(row, column, canvas.columns(), note, focused ? base : look.theme().starting());
        return true;
    }

    /** The host's sessions at the right end of the row (before the probe's note); false when it has none. */
    private boolean sessionNote(Canvas canvas, ViewState state, int row, Host host, int minimumColumn, boolean focused,
            Style base) {
        String note = SessionMarks.note(state.sessions().of(host.alias()), state.now(), look.unicode());
        if (note.isEmpty()) {
            return false;
        }
        int width = DisplayText.width(note, look.unicode());
        int column = Math.max(minimumColumn, canvas.columns() - width - 1);
        canvas.fill(row, column - 1, canvas.columns(), focused ? base : look.theme().normal());
        canvas.text(row, column, canvas.columns(), note, focused ? base : look.theme().highlight());
        return true;
    }

    /** The probe's note at the right end of the row, where it fits after the host's target. */
    private void probeNote(Canvas canvas, ViewState state, int row, Host host, int minimumColumn, boolean focused,
            Style base) {
        if (state.masterState(host.alias()) instanceof MasterState.Live) {
            return;
        }
        state.probe(host.alias()).ifPresent(result -> ProbeMarks.note(result).ifPresent(note -> {
            int width = DisplayText.width(note, look.unicode());
            int column = canvas.columns() - width - 1;
            if (column >= minimumColumn) {
                canvas.fill(row, column - 1, canvas.columns(), focused ? base : look.theme().normal());
                canvas.text(row, column, canvas.columns(), note,
                        focused ? base : new ProbeMarks(look.theme()).style(result));
            }
        }));
    }

    /** "online" or "offline" for a host whose source says so; empty otherwise. */
    static String presenceWord(Host host) {
        return switch (host.source().presence()) {
            case ONLINE -> "online";
            case OFFLINE -> "offline";
            case UNKNOWN -> "";
        };
    }

    /** "[group] #tag #tag"; the group only when {@code withGroup} (no header shows it). */
    static String tagsText(Host host, boolean withGroup) {
        List<String> parts = new ArrayList<>();
        if (withGroup && !host.group().isEmpty()) {
            parts.add("[" + host.group() + "]");
        }
        for (String tag : host.tags()) {
            parts.add("#" + tag);
        }
        return String.join(" ", parts);
    }

    /** The width of the alias (or user@host) column: the widest entry, within a third of the screen. */
    private int columnWidth(List<Host> hosts, boolean alias, int columns) {
        int widest = alias ? widths.widestAlias(hosts) : widths.widestTarget(hosts);
        return Math.min(Math.max(4, widest), Math.max(4, (columns - 3) / 3));
    }
}

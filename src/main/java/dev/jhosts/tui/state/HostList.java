package dev.jhosts.tui.state;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.filter.HostFilter;
import dev.jhosts.catalog.filter.HostMatch;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host list: the catalogue in the chosen order, the filter text, the hosts it lets through
 * (best first), the rows shown for them (group headers and hosts, see {@link GroupedRows}), the
 * selected row and the first row shown (scrolling).
 *
 * @param order the order of {@code ordered}
 * @param ordered the catalogue in that order
 * @param grouped whether the rows have group headers (some host has a group)
 * @param collapsed the groups shown as their header only (while no filter is typed)
 * @param filter the filter text
 * @param matches the hosts the filter lets through, best first, ties in {@code order}
 * @param rows what the list shows, top to bottom
 * @param selected the selected index into {@code rows}
 * @param top the first index of {@code rows} on screen
 */
public record HostList(
        ListOrder order,
        List<Host> ordered,
        boolean grouped,
        Set<String> collapsed,
        String filter,
        List<HostMatch> matches,
        List<ListRow> rows,
        int selected,
        int top) {

    public HostList {
        ordered = List.copyOf(ordered);
        collapsed = Set.copyOf(collapsed);
        matches = List.copyOf(matches);
        rows = List.copyOf(rows);
        selected = rows.isEmpty() ? 0 : Math.max(0, Math.min(selected, rows.size() - 1));
        top = Math.max(0, Math.min(top, selected));
    }

    /** The list of {@code catalogue} (in frecency order) for {@code filter}, the best match selected. */
    public static HostList filtered(List<Host> catalogue, String filter) {
        return laidOut(ListOrder.FRECENCY, catalogue, GroupedRows.grouped(catalogue), Set.of(), filter,
                HostFilter.apply(catalogue, filter));
    }

    private static HostList laidOut(ListOrder order, List<Host> ordered, boolean grouped, Set<String> collapsed,
            String filter, List<HostMatch> matches) {
        List<ListRow> rows = GroupedRows.of(matches, grouped, collapsed, isFiltering(filter));
        HostList list = new HostList(order, ordered, grouped, collapsed, filter, matches, rows, 0, 0);
        return matches.isEmpty() ? list : list.withSelectedRow(rowOf(rows, matches.get(0).host()));
    }

    /** The list for a new filter text, the best match selected. */
    public HostList refiltered(String newFilter) {
        return laidOut(order, ordered, grouped, collapsed, newFilter,
                HostFilter.refine(ordered, filter, matches, newFilter));
    }

    /**
     * The list in another order ({@code catalogue} arranged so), same filter; the selected host
     * or header stays selected, {@code visibleRows} rows around it.
     */
    public HostList reordered(ListOrder newOrder, List<Host> catalogue, int visibleRows) {
        List<Host> arranged = newOrder.arrange(catalogue);
        HostList list = laidOut(newOrder, arranged, grouped, collapsed, filter, HostFilter.apply(arranged, filter));
        return list.keepingSelectionOf(this, visibleRows);
    }

    /**
     * The list of a new catalogue (a source answered), in the same order, with the same filter
     * and folded groups; the selected host or header stays selected where it is still listed.
     */
    public HostList withCatalogue(List<Host> catalogue, int visibleRows) {
        List<Host> arranged = order.arrange(catalogue);
        HostList list = laidOut(order, arranged, GroupedRows.grouped(arranged), collapsed, filter,
                HostFilter.apply(arranged, filter));
        return list.keepingSelectionOf(this, visibleRows);
    }

    /** {@code group} collapsed or expanded; its header is selected. */
    public HostList withGroupCollapsed(String group, boolean collapse, int visibleRows) {
        Set<String> groups = new HashSet<>(collapsed);
        if (collapse) {
            groups.add(group);
        } else {
            groups.remove(group);
        }
        List<ListRow> newRows = GroupedRows.of(matches, grouped, groups, filtering());
        HostList list = new HostList(order, ordered, grouped, groups, filter, matches, newRows, 0, top);
        return list.select(list.rowOfHeader(group), visibleRows);
    }

    /** Whether a filter is typed (then every group is open). */
    public boolean filtering() {
        return isFiltering(filter);
    }

    private static boolean isFiltering(String filter) {
        return !filter.isBlank();
    }

    public Optional<ListRow> selectedRow() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(selected));
    }

    /** The selected host; empty when the list is empty or a group's header is selected. */
    public Optional<HostMatch> selectedMatch() {
        return selectedRow().filter(row -> row instanceof ListRow.HostRow).map(row -> ((ListRow.HostRow) row).match());
    }

    /** The group of the selected header or host, when the list has groups. */
    public Optional<String> selectedGroup() {
        Optional<ListRow> row = selectedRow();
        if (!grouped || row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get() instanceof ListRow.GroupHeader) {
            return Optional.of(((ListRow.GroupHeader) row.get()).group());
        }
        return Optional.of(((ListRow.HostRow) row.get()).match().host().group());
    }

    /** Selects {@code index} (clamped) and scrolls so that it is among {@code visibleRows} rows. */
    public HostList select(int index, int visibleRows) {
        if (rows.isEmpty()) {
            return new HostList(order, ordered, grouped, collapsed, filter, matches, rows, 0, 0);
        }
        int target = Math.max(0, Math.min(index, rows.size() - 1));
        return new HostList(order, ordered, grouped, collapsed, filter, matches, rows, target,
                scrolledTop(target, top, visibleRows, rows.size()));
    }

    private HostList withSelectedRow(int index) {
        return new HostList(order, ordered, grouped, collapsed, filter, matches, rows, index, 0);
    }

    /** This list with the row {@code before} had selected selected again, if it is still here. */
    private HostList keepingSelectionOf(HostList before, int visibleRows) {
        Optional<ListRow> was = before.selectedRow();
        if (was.isEmpty()) {
            return this;
        }
        int index = was.get() instanceof ListRow.GroupHeader
                ? rowOfHeader(((ListRow.GroupHeader) was.get()).group())
                : rowOf(rows, ((ListRow.HostRow) was.get()).match().host());
        HostList moved = new HostList(order, ordered, grouped, collapsed, filter, matches, rows, index,
                index - (before.selected() - before.top()));
        return moved.select(index, visibleRows);
    }

    private int rowOfHeader(String group) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ListRow.GroupHeader && ((ListRow.GroupHeader) rows.get(i)).group().equals(group)) {
                return i;
            }
        }
        return selected;
    }

    /** The row of {@code host}, or of its group's header when the group is collapsed; 0 when absent. */
    private static int rowOf(List<ListRow> rows, Host host) {
        int header = 0;
        for (int i = 0; i < rows.size(); i++) {
            ListRow row = rows.get(i);
            if (row instanceof ListRow.HostRow && ((ListRow.HostRow) row).match().host().alias().equals(host.alias())) {
                return i;
            }
            if (row instanceof ListRow.GroupHeader && ((ListRow.GroupHeader) row).group().equals(host.group())) {
                header = i;
            }
        }
        return header;
    }

    /** The first shown index that keeps {@code selected} visible, moving as little as possible. */
    static int scrolledTop(int selected, int top, int visibleRows, int size) {
        int rows = Math.max(1, visibleRows);
        int newTop = top;
        if (selected < newTop) {
            newTop = selected;
        } else if (selected >= newTop + rows) {
            newTop = selected - rows + 1;
        }
        return Math.max(0, Math.min(newTop, Math.max(0, size - rows)));
    }
}

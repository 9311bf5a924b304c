package dev.jhosts.tui.state;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.filter.HostMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays the filter's matches out as list rows. When any host of the catalogue has a group, every
 * group gets a header followed by its hosts, groups in the order of their best-placed host; the
 * hosts without a group form one more group, with a header of its own (named by the empty
 * string). A collapsed group shows only its header, except while a filter is typed: then every
 * group is open. Without any group in the catalogue the rows are just the hosts.
 */
final class GroupedRows {
    private GroupedRows() {}

    static List<ListRow> of(List<HostMatch> matches, boolean grouped, Set<String> collapsed, boolean filtering) {
        List<ListRow> rows = new ArrayList<>(matches.size() + (grouped ? 16 : 0));
        if (!grouped) {
            for (HostMatch match : matches) {
                rows.add(new ListRow.HostRow(match));
            }
            return rows;
        }
        Map<String, List<HostMatch>> groups = new LinkedHashMap<>();
        for (HostMatch match : matches) {
            groups.computeIfAbsent(match.host().group(), group -> new ArrayList<>()).add(match);
        }
        for (Map.Entry<String, List<HostMatch>> group : groups.entrySet()) {
            boolean closed = !filtering && collapsed.contains(group.getKey());
            rows.add(new ListRow.GroupHeader(group.getKey(), group.getValue().size(), closed));
            if (!closed) {
                for (HostMatch match : group.getValue()) {
                    rows.add(new ListRow.HostRow(match));
                }
            }
        }
        return rows;
    }

    /** Whether the list shows group headers for this catalogue: when any host has a group. */
    static boolean grouped(List<Host> hosts) {
        for (Host host : hosts) {
            if (!host.group().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}

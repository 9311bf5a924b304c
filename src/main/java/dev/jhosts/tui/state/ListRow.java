package dev.jhosts.tui.state;

import dev.jhosts.catalog.filter.HostMatch;

/** One row of the host list: a group's header or a host. */
public sealed interface ListRow {

    /**
     * A group's header.
     *
     * @param group the group's name; empty for the hosts without a group
     * @param count how many hosts of the group are shown (or would be, when collapsed)
     * @param collapsed whether its hosts are hidden
     */
    record GroupHeader(String group, int count, boolean collapsed) implements ListRow {}

    /** A host the filter lets through. */
    record HostRow(HostMatch match) implements ListRow {}
}

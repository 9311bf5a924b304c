package dev.jhosts.tui.state;

import dev.jhosts.catalog.Host;
import dev.jhosts.tui.filter.HostFilter;
import dev.jhosts.tui.filter.HostMatch;
import java.util.List;
import java.util.Optional;

/**
 * The host list: the filter text, the hosts it lets through in display order, the selected
 * index into them and the first index shown (scrolling).
 */
public record HostList(String filter, List<HostMatch> matches, int selected, int top) {
    public HostList {
        matches = List.copyOf(matches);
        selected = matches.isEmpty() ? 0 : Math.max(0, Math.min(selected, matches.size() - 1));
        top = Math.max(0, Math.min(top, selected));
    }

    /** The list for {@code filter} over {@code catalogue}, the best match selected. */
    public static HostList filtered(List<Host> catalogue, String filter) {
        return new HostList(filter, HostFilter.apply(catalogue, filter), 0, 0);
    }

    public Optional<HostMatch> selectedMatch() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(selected));
    }

    /** Selects {@code index} (clamped) and scrolls so that it is among {@code visibleRows} rows. */
    public HostList select(int index, int visibleRows) {
        if (matches.isEmpty()) {
            return new HostList(filter, matches, 0, 0);
        }
        int target = Math.max(0, Math.min(index, matches.size() - 1));
        return new HostList(filter, matches, target, scrolledTop(target, top, visibleRows, matches.size()));
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

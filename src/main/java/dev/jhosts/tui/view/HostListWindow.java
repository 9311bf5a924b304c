package dev.jhosts.tui.view;

import dev.jhosts.tui.state.HostList;

/** Which part of the host list is on screen: the state's scroll position, kept around the selection. */
final class HostListWindow {
    private HostListWindow() {}

    static int top(HostList list, int rows) {
        int top = list.top();
        if (list.selected() >= top + rows) {
            top = list.selected() - rows + 1;
        }
        if (list.selected() < top) {
            top = list.selected();
        }
        return Math.max(0, Math.min(top, Math.max(0, list.rows().size() - rows)));
    }
}

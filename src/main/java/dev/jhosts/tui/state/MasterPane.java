package dev.jhosts.tui.state;

import java.util.List;
import java.util.Optional;

/** The status pane: whether it is shown, its rows (one per master) and the selected row. */
public record MasterPane(PaneMode mode, List<MasterRow> rows, int selected) {
    public MasterPane {
        rows = List.copyOf(rows);
        selected = rows.isEmpty() ? 0 : Math.max(0, Math.min(selected, rows.size() - 1));
    }

    public static MasterPane initial() {
        return new MasterPane(PaneMode.AUTO, List.of(), 0);
    }

    /**
     * Shown when the user asked for it, or (by default) whenever there is a master to list: a
     * live one, or one that does not answer (that is when kill is needed).
     */
    public boolean visible() {
        return mode == PaneMode.SHOWN || mode == PaneMode.AUTO && !rows.isEmpty();
    }

    public Optional<MasterRow> selectedRow() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(selected));
    }

    public MasterPane withMode(PaneMode newMode) {
        return new MasterPane(newMode, rows, selected);
    }

    public MasterPane withSelected(int index) {
        return new MasterPane(mode, rows, index);
    }

    /** New rows; the selection stays on the same socket when it is still listed. */
    public MasterPane withRows(List<MasterRow> newRows) {
        String socket = selectedRow().map(MasterRow::socket).orElse("");
        int index = 0;
        for (int i = 0; i < newRows.size(); i++) {
            if (newRows.get(i).socket().equals(socket)) {
                index = i;
            }
        }
        return new MasterPane(mode, newRows, index);
    }
}

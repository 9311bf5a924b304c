package dev.jhosts.tui.view;

import dev.jhosts.files.CopyText;
import dev.jhosts.files.EntryNames;
import dev.jhosts.tui.state.FileEntry;
import dev.jhosts.tui.state.FilesPane;
import dev.jhosts.tui.state.FilesSide;
import dev.jhosts.tui.state.Layout;
import dev.jhosts.tui.state.ViewState;
import java.util.List;
import java.util.Optional;

/**
 * Draws the files pane over the list, the status pane and the details: a title, the host's
 * directory on the left beside the local one on the right (the side with the keys shows its
 * selection), then the pane's own line: the delete it asks about, the name being typed, the copy
 * under way, or why a side could not be listed.
 */
final class FilesPanePainter {
    private static final int SIZE_WIDTH = 9;

    private final Appearance look;

    FilesPanePainter(Appearance look) {
        this.look = look;
    }

    static boolean shown(ViewState state) {
        return state.work().files().open() && !state.work().run().shown();
    }

    /** Draws the pane; where the cursor goes while a name is typed. */
    Optional<CursorAt> paint(Canvas canvas, ViewState state, Layout layout) {
        FilesPane pane = state.work().files();
        int top = layout.list().top();
        int bottom = layout.status().shown() ? layout.status().top()
                : layout.footer().shown() ? layout.footer().top() : canvas.rows();
        if (bottom - top < 4) {
            return Optional.empty();
        }
        Theme theme = look.theme();
        for (int row = top; row < bottom; row++) {
            canvas.fill(row, 0, canvas.columns(), theme.normal());
        }
        canvas.rule(top, "files: " + pane.alias() + " (left) and here (right)", theme.rule(), theme.highlight());
        int half = canvas.columns() / 2;
        int entryRows = bottom - top - 3;
        side(canvas, pane.remote(), pane.remoteSide(), pane.alias() + ":", 0, half - 2, top + 1, entryRows);
        side(canvas, pane.local(), !pane.remoteSide(), "", half + 1, canvas.columns(), top + 1, entryRows);
        for (int row = top + 1; row < bottom - 1; row++) {
            canvas.text(row, half - 1, half, look.glyphs().vertical(), theme.dim());
        }
        return statusLine(canvas, pane, bottom - 1);
    }

    private void side(Canvas canvas, FilesSide side, boolean focused, String prefix, int from, int to, int row,
            int entryRows) {
        Theme theme = look.theme();
        String path = side.path().isEmpty() || side.path().equals(".") ? "" : EntryNames.shown(side.path());
        canvas.text(row, from, to, prefix + path + (side.loading() ? " (listing…)" : ""),
                focused ? theme.highlight() : theme.dim());
        List<FileEntry> entries = side.entries();
        if (entries.isEmpty()) {
            String none = side.loading() ? "" : !side.problem().isEmpty() ? side.problem() : "(empty)";
            canvas.text(row + 1, from + 1, to, none, side.problem().isEmpty() ? theme.dim() : theme.failed());
            return;
        }
        int first = Math.max(0, Math.min(side.selected() - entryRows + 1, entries.size() - entryRows));
        first = Math.max(0, Math.min(first, side.selected()));
        for (int i = 0; i < entryRows && first + i < entries.size(); i++) {
            int index = first + i;
            FileEntry entry = entries.get(index);
            boolean selected = index == side.selected();
            Style base = selected && focused ? theme.selected() : theme.normal();
            int at = row + 1 + i;
            canvas.fill(at, from, to, base);
            canvas.text(at, from, to, selected ? look.glyphs().pointer() : " ", base);
            if (side.marks().contains(entry.name())) {
                canvas.text(at, from + 1, to, "*", selected && focused ? base : theme.highlight());
            }
            String size = entry.directory() || entry.size() < 0 ? "" : CopyText.bytes(entry.size());
            int sizeAt = Math.max(from + 3, to - SIZE_WIDTH);
            canvas.text(at, from + 3, sizeAt - 1, EntryNames.shown(entry.name()) + (entry.directory() ? "/" : ""),
                    entry.directory() && !(selected && focused) ? theme.highlight() : base);
            canvas.text(at, sizeAt + Math.max(0, SIZE_WIDTH - size.length()), to, size,
                    selected && focused ? base : theme.dim());
        }
    }

    private Optional<CursorAt> statusLine(Canvas canvas, FilesPane pane, int row) {
        Theme theme = look.theme();
        if (!pane.deleting().isEmpty()) {
            String what = pane.deleting().size() == 1 ? EntryNames.shown(pane.deleting().get(0))
                    : pane.deleting().size() + " entries";
            canvas.text(row, 0, canvas.columns(), "delete " + what + (pane.deletingRemote() ? " on " + pane.alias() : "")
                    + ", folders with all they hold? (y/N)", theme.message());
            return Optional.empty();
        }
        if (pane.editing() != FilesPane.Editing.NONE) {
            String prompt = pane.editing() == FilesPane.Editing.RENAME ? "new name: " : "new folder: ";
            int at = canvas.text(row, 0, canvas.columns(), prompt, theme.highlight());
            int end = canvas.text(row, at, canvas.columns(), pane.input().text(), theme.normal());
            return Optional.of(new CursorAt(Math.min(end, canvas.columns() - 1), row));
        }
        String transfer = pane.transfers().get(pane.alias());
        if (transfer != null) {
            canvas.text(row, 0, canvas.columns(), transfer, theme.starting());
        }
        return Optional.empty();
    }
}

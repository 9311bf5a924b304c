package dev.jhosts.session.screen;

/**
 * One screen buffer (primary or alternate): {@code rows} rows of {@code columns} cells. Line
 * operations move row objects, not cells.
 */
final class Grid {
    private Row[] rows;
    private int columns;

    Grid(int columns, int height) {
        this.columns = columns;
        rows = new Row[height];
        for (int y = 0; y < height; y++) {
            rows[y] = new Row(columns);
        }
    }

    Row row(int y) {
        return rows[y];
    }

    int columns() {
        return columns;
    }

    int height() {
        return rows.length;
    }

    /**
     * Scrolls rows {@code [top, bottom]} up by {@code count}: the top ones leave (into {@code
     * history} when it is given), blank ones in {@code blankStyle} come in at the bottom.
     */
    void scrollUp(int top, int bottom, int count, long blankStyle, Scrollback history) {
        int span = bottom - top + 1;
        count = Math.min(count, span);
        if (count == 1) { // a line feed at the bottom: the common case, without an array
            Row leaving = rows[top];
            System.arraycopy(rows, top + 1, rows, top, span - 1);
            rows[bottom] = recycled(leaving, blankStyle, history);
            return;
        }
        Row[] leaving = new Row[count];
        System.arraycopy(rows, top, leaving, 0, count);
        System.arraycopy(rows, top + count, rows, top, span - count);
        for (int i = 0; i < count; i++) {
            rows[bottom - count + 1 + i] = recycled(leaving[i], blankStyle, history);
        }
    }

    /** The row to bring in for {@code leaving}: itself, or (when it goes to the history) one freed there. */
    private Row recycled(Row leaving, long blankStyle, Scrollback history) {
        Row reuse = leaving;
        if (history != null) {
            Row evicted = history.push(leaving);
            reuse = evicted != null ? evicted : new Row(columns);
        }
        reuse.reset(columns, blankStyle);
        return reuse;
    }

    /** Scrolls rows {@code [top, bottom]} down by {@code count}: blank rows come in at the top. */
    void scrollDown(int top, int bottom, int count, long blankStyle) {
        int span = bottom - top + 1;
        count = Math.min(count, span);
        Row[] leaving = new Row[count];
        System.arraycopy(rows, bottom - count + 1, leaving, 0, count);
        System.arraycopy(rows, top, rows, top + count, span - count);
        for (int i = 0; i < count; i++) {
            leaving[i].reset(columns, blankStyle);
            rows[top + i] = leaving[i];
        }
    }

    void erase(long blankStyle) {
        for (Row row : rows) {
            row.reset(columns, blankStyle);
        }
    }

    /**
     * Resizes like xterm and tmux: a shorter screen first drops blank rows below {@code
     * cursorRow}, then moves rows off the top (into {@code history} when given); a taller one
     * gets blank rows at the bottom. Returns how many rows left the top (the cursor moves up by
     * as many).
     */
    int resize(int newColumns, int newHeight, int cursorRow, Scrollback history) {
        int height = rows.length;
        int removedTop = 0;
        Row[] kept = rows;
        if (newHeight < height) {
            int excess = height - newHeight;
            int bottom = height;
            while (excess > 0 && bottom - 1 > cursorRow && rows[bottom - 1].contentEnd() == 0) {
                bottom--;
                excess--;
            }
            removedTop = excess;
            for (int y = 0; y < removedTop; y++) {
                if (history != null) {
                    history.push(rows[y]);
                }
            }
            kept = new Row[newHeight];
            System.arraycopy(rows, removedTop, kept, 0, newHeight);
        } else if (newHeight > height) {
            kept = new Row[newHeight];
            System.arraycopy(rows, 0, kept, 0, height);
            for (int y = height; y < newHeight; y++) {
                kept[y] = new Row(newColumns);
            }
        }
        rows = kept;
        columns = newColumns;
        for (Row row : rows) {
            row.resize(newColumns);
        }
        return removedTop;
    }

    long bytesHeld() {
        long total = 32 + rows.length * 4L;
        for (Row row : rows) {
            total += row.bytesHeld();
        }
        return total;
    }
}

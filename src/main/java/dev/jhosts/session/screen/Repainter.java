package dev.jhosts.session.screen;

/**
 * Writes the bytes that bring a terminal in a sane state (primary screen, SGR reset, no scroll
 * region, autowrap on, ASCII charsets) to the state of an {@link Emulator}, and the bytes that
 * take it back to sane; encodes scrollback lines.
 *
 * <p>The order matters, since some functions move the cursor or depend on modes: tab stops and
 * the scroll region first (both home the cursor), then each grid painted row by row with
 * absolute CUP, then per screen the saved cursor (DECSC), and last the cursor, the rendition, the
 * charsets and the modes. The alternate screen is entered with {@code ?1049h} after the primary
 * one is painted and its saved cursor set up, so that the program's {@code ?1049l} brings back
 * the shell screen and cursor it left. The deferred wrap is recreated by writing the last
 * column's character again.
 */
final class Repainter {
    private final Emulator e;

    Repainter(Emulator emulator) {
        this.e = emulator;
    }

    byte[] repaint() {
        ByteSink out = new ByteSink();
        out.ascii("\033[0m\033[H\033[2J");
        if (!defaultTabStops()) {
            out.ascii("\033[3g");
            for (int column = 0; column < e.columns; column++) {
                if (e.tabStops[column]) {
                    out.ascii("\033[1;").decimal(column + 1).ascii("H\033H");
                }
            }
        }
        if (e.top != 0 || e.bottom != e.rows - 1) {
            out.ascii("\033[").decimal(e.top + 1).ascii(";").decimal(e.bottom + 1).ascii("r");
        }
        paint(out, e.primary);
        if (e.inAlternate) {
            cursorState(out, e.savedPrimary, e.primary);
            out.ascii("\033[?1049h"); // saves what was just set up, as DECSC does, for the program's ?1049l
            out.ascii("\033[?6l\033(B\033)B\017\033[0m\033[H\033[2J");
            paint(out, e.alternate);
            cursorState(out, e.savedAlternate, e.alternate);
        } else {
            cursorState(out, e.savedPrimary, e.primary);
        }
        out.ascii("\0337");
        cursorState(out, new SavedCursor(e.x, e.y, e.pendingWrap, e.style, e.origin,
                e.g0Graphics, e.g1Graphics, e.shifted), e.grid);
        modes(out);
        return out.toByteArray();
    }

    private boolean defaultTabStops() {
        for (int column = 0; column < e.columns; column++) {
            if (e.tabStops[column] != (column > 0 && column % Emulator.TAB_WIDTH == 0)) {
                return false;
            }
        }
        return true;
    }

    private void paint(ByteSink out, Grid grid) {
        long current = 0;
        for (int y = 0; y < grid.height(); y++) {
            Row row = grid.row(y);
            if (row.contentEnd() == 0) {
                continue;
            }
            out.ascii("\033[").decimal(y + 1).ascii("H");
            current = row(out, row, current);
        }
        if (current != 0) {
            out.ascii("\033[0m");
        }
    }

    /** Writes the row's cells up to its last non-default one; returns the rendition left set. */
    long row(ByteSink out, Row row, long current) {
        int end = row.contentEnd();
        for (int column = 0; column < end; column++) {
            int cell = row.text[column];
            if (cell == Row.WIDE_TAIL) {
                continue;
            }
            if (row.style[column] != current) {
                current = row.style[column];
                CellStyle.writeSgr(out, current);
            }
            cell(out, cell);
        }
        return current;
    }

    private void cell(ByteSink out, int cell) {
        if (Row.isCluster(cell)) {
            for (int codePoint : e.clusters.codePoints(cell)) {
                out.codePoint(codePoint);
            }
        } else {
            out.codePoint(cell);
        }
    }

    /** Origin mode, position (with the deferred wrap), rendition and charsets of {@code state}. */
    private void cursorState(ByteSink out, SavedCursor state, Grid grid) {
        out.ascii(state.origin() ? "\033[?6h" : "\033[?6l");
        int rowOffset = state.origin() ? e.top : 0;
        if (state.pendingWrap()) {
            Row row = grid.row(state.y());
            int column = e.columns - 1;
            if (column > 0 && row.text[column] == Row.WIDE_TAIL) {
                column--;
            }
            cursorTo(out, state.y() - rowOffset, column);
            CellStyle.writeSgr(out, row.style[column]);
            cell(out, row.text[column]);
        } else {
            cursorTo(out, state.y() - rowOffset, state.x());
        }
        CellStyle.writeSgr(out, state.style());
        out.ascii(state.g0Graphics() ? "\033(0" : "\033(B");
        out.ascii(state.g1Graphics() ? "\033)0" : "\033)B");
        out.put(state.shifted() ? 0x0e : 0x0f);
    }

    private static void cursorTo(ByteSink out, int row, int column) {
        out.ascii("\033[").decimal(row + 1).ascii(";").decimal(column + 1).ascii("H");
    }

    private void modes(ByteSink out) {
        if (!e.autowrap) {
            out.ascii("\033[?7l");
        }
        if (e.insert) {
            out.ascii("\033[4h");
        }
        if (e.newlineMode) {
            out.ascii("\033[20h");
        }
        if (e.applicationCursor) {
            out.ascii("\033[?1h");
        }
        if (e.applicationKeypad) {
            out.ascii("\033=");
        }
        if (e.reverseVideo) {
            out.ascii("\033[?5h");
        }
        if (e.cursorShape != 0) {
            out.ascii("\033[").decimal(e.cursorShape).ascii(" q");
        }
        if (e.cursorBlink) {
            out.ascii("\033[?12h");
        }
        if (!e.cursorVisible) {
            out.ascii("\033[?25l");
        }
        if (e.bracketedPaste) {
            out.ascii("\033[?2004h");
        }
        if (e.mouseTracking != 0) {
            out.ascii("\033[?").decimal(e.mouseTracking).ascii("h");
        }
        if (e.mouseEncoding != 0) {
            out.ascii("\033[?").decimal(e.mouseEncoding).ascii("h");
        }
        if (e.focusEvents) {
            out.ascii("\033[?1004h");
        }
        if (e.titleCommand != 0) {
            out.ascii("\033]").decimal(e.titleCommand).ascii(";").bytes(e.title).put(0x07);
        }
    }

    byte[] leave() {
        ByteSink out = new ByteSink();
        // where the cursor is on the main screen once the program's is left (?1049l brings back
        // the one saved with it)
        int x = e.inAlternate ? e.savedPrimary.x() : e.x;
        int y = e.inAlternate ? e.savedPrimary.y() : e.y;
        if (e.inAlternate) {
            out.ascii("\033[?1049l");
        }
        out.ascii("\033[0m\033[r\033[?25h\033[?1l\033>\033[?2004l");
        out.ascii("\033[?9l\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l\033[?1004l");
        out.ascii("\033[?7h\033[?6l\033[4l\033[20l\033[?5l\033[?12l\033[0 q\033(B\033)B\017");
        // DECSTBM and DECOM, reset above, both home the cursor: back where the program left it, so
        // that what comes after (the shell's prompt, once the picker is left) follows its output
        cursorTo(out, Math.min(y, e.rows - 1), Math.min(x, e.columns - 1));
        return out.toByteArray();
    }

    /** A scrollback line: its cells from the default rendition, back to the default at the end. */
    byte[] scrolledLine(Row row) {
        ByteSink out = new ByteSink();
        if (row(out, row, 0) != 0) {
            out.ascii("\033[0m");
        }
        return out.toByteArray();
    }
}

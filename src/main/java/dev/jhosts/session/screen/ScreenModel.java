package dev.jhosts.session.screen;

import dev.jhosts.terminal.ModesToUndo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A terminal screen kept for one session, fed with every byte the remote side sends, so that a
 * detached session can be shown again at once as the remote program last drew it ({@link
 * #repaint()}), and the terminal handed back to the picker afterwards ({@link #leave()}).
 *
 * <p>It behaves as xterm does for what shells, editors, pagers and monitors use (see {@link
 * Emulator} for what is left out); the only output it produces on its own is the answers to the
 * queries a program sends ({@link #setReplies}).
 *
 * <p>Not thread-safe: one owner (the session's output thread, under the session's lock).
 */
public final class ScreenModel {
    /** Lines kept by {@link #takeScrolledOff()}: {@value}; see {@link Scrollback#LIMIT}. */
    public static final int SCROLLBACK_LIMIT = Scrollback.LIMIT;

    private final Emulator emulator;
    private final VtParser parser;
    private final Repainter repainter;

    public ScreenModel(int columns, int rows) {
        requireSize(columns, rows);
        emulator = new Emulator(columns, rows);
        parser = new VtParser(emulator);
        repainter = new Repainter(emulator);
    }

    private static void requireSize(int columns, int rows) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a screen of " + columns + "x" + rows);
        }
    }

    /**
     * Where the answers to the program's queries go: DSR 5n (status OK) and 6n (cursor position,
     * relative to the scroll region in origin mode), DECXCPR ({@code CSI ? 6 n}), DA1 ({@link
     * Emulator#PRIMARY_ATTRIBUTES}: a VT220 with ANSI colour) and DA2 ({@link
     * Emulator#SECONDARY_ATTRIBUTES}). Nowhere by default; set it only while no real terminal is
     * there to answer.
     */
    public void setReplies(Consumer<byte[]> replies) {
        emulator.replies = Objects.requireNonNull(replies, "replies");
    }

    /** Bytes as the remote side sent them (UTF-8, split anywhere, also inside sequences or characters). */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        parser.feed(bytes, offset, length);
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /**
     * The terminal was resized (before the remote side learns of it): rows and columns are cut
     * or padded, no reflow, like xterm; a shorter screen drops blank rows under the cursor first,
     * then rows from the top (into the scrollback, on the primary screen); the scroll region is
     * reset and the cursor kept inside.
     */
    public void resize(int columns, int rows) {
        requireSize(columns, rows);
        emulator.resize(columns, rows);
    }

    /**
     * Bytes that, written to a terminal of this size in a sane state (primary screen, SGR reset,
     * no scroll region, cursor keys normal, autowrap on), make it show exactly this screen and
     * put it in this session's modes; see {@link Repainter}.
     */
    public byte[] repaint() {
        return repainter.repaint();
    }

    /** Bytes that undo what this session's modes did to a terminal, for handing it back to the picker. */
    public byte[] leave() {
        return repainter.leave();
    }

    /** The modes this session's program has set that its terminal must not keep when it leaves. */
    public ModesToUndo modesToUndo() {
        Emulator e = emulator;
        return new ModesToUndo(e.inAlternate, !e.cursorVisible, e.applicationCursor, e.applicationKeypad,
                e.mouseTracking != 0 || e.mouseEncoding != 0, e.focusEvents, e.insert, e.bracketedPaste);
    }

    /** The plain text of each row of the screen shown (trailing blanks stripped). */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(emulator.rows);
        StringBuilder line = new StringBuilder(emulator.columns);
        for (int y = 0; y < emulator.rows; y++) {
            line.setLength(0);
            Row row = emulator.grid.row(y);
            int end = row.contentEnd();
            for (int column = 0; column < end; column++) {
                for (int codePoint : emulator.clusters.codePoints(row.text[column])) {
                    line.appendCodePoint(codePoint);
                }
            }
            int length = line.length();
            while (length > 0 && line.charAt(length - 1) == ' ') {
                length--;
            }
            lines.add(line.substring(0, length));
        }
        return lines;
    }

    /** 0-based; the last column while a wrap is pending. */
    public int cursorColumn() {
        return emulator.x;
    }

    /** 0-based, from the top of the screen (not of the scroll region). */
    public int cursorRow() {
        return emulator.y;
    }

    public boolean alternateScreen() {
        return emulator.inAlternate;
    }

    public boolean cursorVisible() {
        return emulator.cursorVisible;
    }

    public int columns() {
        return emulator.columns;
    }

    public int rows() {
        return emulator.rows;
    }

    /** The window title the program set last (OSC 0 or 2), empty when it set none. */
    public String title() {
        return new String(emulator.title, StandardCharsets.UTF_8);
    }

    /**
     * Lines scrolled off the top of the primary screen since the last call (oldest first, at
     * most {@link #SCROLLBACK_LIMIT}), each as the bytes that print it with its renditions,
     * starting and ending with the default rendition, without a line ending.
     */
    public List<byte[]> takeScrolledOff() {
        return emulator.scrollback.take(repainter::scrolledLine);
    }

    /** Approximate bytes held: the grids, the scrollback not yet taken, clusters and title. */
    public long footprint() {
        long total = 512 + emulator.primary.bytesHeld() + emulator.scrollback.bytesHeld()
                + emulator.clusters.bytesHeld() + emulator.title.length + emulator.tabStops.length;
        if (emulator.alternate != null) {
            total += emulator.alternate.bytesHeld();
        }
        return total;
    }

    /**
     * Everything a repaint must reproduce, as text: the shown grid (and the primary one under
     * the alternate screen) cell by cell with renditions, cursor, deferred wrap, rendition,
     * charsets, saved cursors, margins, tab stops, modes, title. Two models with equal dumps
     * look and behave the same.
     */
    String dump() {
        Emulator e = emulator;
        StringBuilder text = new StringBuilder();
        text.append("size ").append(e.columns).append('x').append(e.rows).append('\n');
        if (e.inAlternate) {
            text.append("alternate screen; primary under it:\n");
            dumpGrid(text, e.primary);
            text.append("alternate:\n");
        }
        dumpGrid(text, e.grid);
        text.append("cursor ").append(e.x).append(',').append(e.y).append(e.pendingWrap ? " pending-wrap" : "")
                .append(" style ").append(CellStyle.describe(e.style))
                .append(" g0 ").append(e.g0Graphics).append(" g1 ").append(e.g1Graphics)
                .append(" shifted ").append(e.shifted).append('\n');
        text.append("saved ").append(e.savedPrimary).append('\n');
        if (e.inAlternate) {
            text.append("saved in alternate ").append(e.savedAlternate).append('\n');
        }
        text.append("margins ").append(e.top).append('-').append(e.bottom).append(" tabs");
        for (int column = 0; column < e.columns; column++) {
            if (e.tabStops[column]) {
                text.append(' ').append(column);
            }
        }
        text.append("\nmodes insert=").append(e.insert).append(" lnm=").append(e.newlineMode)
                .append(" decckm=").append(e.applicationCursor).append(" keypad=").append(e.applicationKeypad)
                .append(" decscnm=").append(e.reverseVideo).append(" decom=").append(e.origin)
                .append(" decawm=").append(e.autowrap).append(" blink=").append(e.cursorBlink)
                .append(" visible=").append(e.cursorVisible).append(" paste=").append(e.bracketedPaste)
                .append(" focus=").append(e.focusEvents).append(" mouse=").append(e.mouseTracking)
                .append('/').append(e.mouseEncoding).append(" shape=").append(e.cursorShape)
                .append("\ntitle ").append(e.titleCommand).append(' ').append(title()).append('\n');
        return text.toString();
    }

    private void dumpGrid(StringBuilder text, Grid grid) {
        for (int y = 0; y < grid.height(); y++) {
            Row row = grid.row(y);
            int end = row.contentEnd();
            text.append(y).append(": ");
            long style = 0;
            for (int column = 0; column < end; column++) {
                if (row.style[column] != style) {
                    style = row.style[column];
                    text.append('{').append(CellStyle.describe(style)).append('}');
                }
                int cell = row.text[column];
                if (cell == Row.WIDE_TAIL) {
                    text.append('\u2190'); // marks the right half
                } else {
                    for (int codePoint : emulator.clusters.codePoints(cell)) {
                        text.appendCodePoint(codePoint);
                    }
                }
            }
            text.append('\n');
        }
    }
}

package dev.jhosts.session.screen;

import java.util.Arrays;

/**
 * One line of cells: {@code text[i]} is what cell {@code i} shows, {@code style[i]} its
 * {@link CellStyle}. A text value is a code point (≥ 0), {@link #WIDE_TAIL} for the right half
 * of a double-width character that starts in the cell before, or a grapheme cluster (a base
 * with combining marks) kept in {@link Clusters}, as {@code -(id + 2)}.
 */
final class Row {
    static final int BLANK = ' ';
    static final int WIDE_TAIL = -1;

    int[] text;
    long[] style;
    /** The line went on into the next one by autowrap (xterm's "wrapped" line flag). */
    boolean wrapped;

    Row(int columns) {
        text = new int[columns];
        style = new long[columns];
        Arrays.fill(text, BLANK);
    }

    int columns() {
        return text.length;
    }

    static boolean isCluster(int value) {
        return value <= -2;
    }

    static int clusterId(int value) {
        return -value - 2;
    }

    static int clusterValue(int id) {
        return -id - 2;
    }

    /** Blanks cells {@code [from, to)} with {@code blankStyle}, and any wide character cut in two. */
    void erase(int from, int to, long blankStyle) {
        if (from >= to) {
            return;
        }
        splitWideAt(from, blankStyle);
        splitWideAt(to, blankStyle);
        Cells.fill(text, from, to, BLANK);
        Cells.fill(style, from, to, blankStyle);
    }

    /**
     * Before cells from {@code column} on change: when {@code column} is the right half of a wide
     * character, its left half (before {@code column}) is blanked, and so is the half itself —
     * xterm never shows half a wide character.
     */
    void splitWideAt(int column, long blankStyle) {
        if (column > 0 && column < text.length && text[column] == WIDE_TAIL) {
            text[column - 1] = BLANK;
            style[column - 1] = blankStyle;
            text[column] = BLANK;
            style[column] = blankStyle;
        }
    }

    /** Makes this row a copy of blank cells in {@code blankStyle}, {@code columns} wide. */
    void reset(int columns, long blankStyle) {
        if (text.length != columns) {
            text = new int[columns];
            style = new long[columns];
        }
        Cells.fill(text, 0, columns, BLANK);
        Cells.fill(style, 0, columns, blankStyle);
        wrapped = false;
    }

    /** Truncates or pads to {@code columns} like xterm: a wide character cut at the edge goes. */
    void resize(int columns) {
        int old = text.length;
        if (columns == old) {
            return;
        }
        boolean cutsWide = columns < old && columns > 0 && text[columns] == WIDE_TAIL;
        text = Arrays.copyOf(text, columns);
        style = Arrays.copyOf(style, columns);
        if (columns > old) {
            Arrays.fill(text, old, columns, BLANK);
        } else if (cutsWide) {
            text[columns - 1] = BLANK;
        }
    }

    /** Index one past the last cell that is not a default blank (0 for an empty line). */
    int contentEnd() {
        int end = text.length;
        while (end > 0 && text[end - 1] == BLANK && style[end - 1] == 0) {
            end--;
        }
        return end;
    }

    long bytesHeld() {
        return 16 + 16 + 16 + text.length * 12L;
    }
}

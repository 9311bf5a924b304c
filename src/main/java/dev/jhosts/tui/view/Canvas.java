package dev.jhosts.tui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Draws cells onto a Lanterna {@link TextGraphics}, clipped to a width, never splitting a wide
 * glyph at the right edge.
 */
final class Canvas {
    private final TextGraphics graphics;
    private final int columns;
    private final int rows;
    private final boolean unicode;
    private final Glyphs glyphs;
    private final CharacterCache characters;

    Canvas(TextGraphics graphics, int columns, int rows, boolean unicode, Glyphs glyphs, CharacterCache characters) {
        this.graphics = graphics;
        this.characters = characters;
        this.columns = columns;
        this.rows = rows;
        this.unicode = unicode;
        this.glyphs = glyphs;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    boolean unicode() {
        return unicode;
    }

    /** Fills columns {@code from} (inclusive) to {@code to} (exclusive) of a row with spaces. */
    void fill(int row, int from, int to, Style style) {
        for (int column = Math.max(0, from); column < Math.min(to, columns); column++) {
            put(row, column, " ", style);
        }
    }

    /** Writes {@code text} from {@code column}, at most up to column {@code limit}; returns the next column. */
    int text(int row, int column, int limit, String text, Style style) {
        return text(row, column, limit, text, style, style, index -> false);
    }

    /**
     * Writes {@code text} with the characters whose source index {@code highlighted} accepts in
     * the {@code highlight} style; cut with an ellipsis when it does not fit before {@code limit}.
     */
    int text(int row, int column, int limit, String text, Style style, Style highlight, IntPredicate highlighted) {
        int end = Math.min(limit, columns);
        if (row < 0 || row >= rows || column >= end) {
            return column;
        }
        List<Cell> cells = DisplayText.cells(text, unicode);
        int total = 0;
        for (Cell cell : cells) {
            total += cell.width();
        }
        boolean cut = column + total > end;
        int room = cut ? end - column - 1 : end - column;
        int at = column;
        for (Cell cell : cells) {
            if (at + cell.width() > column + room) {
                break;
            }
            put(row, at, cell.text(), highlighted.test(cell.sourceIndex()) ? highlight : style);
            at += cell.width();
        }
        if (cut) {
            while (at < end - 1) {
                put(row, at++, " ", style);
            }
            put(row, at++, glyphs.ellipsis(), style);
        }
        return at;
    }

    /** A horizontal rule across the row with an optional title near its left end. */
    void rule(int row, String title, Style ruleStyle, Style titleStyle) {
        for (int column = 0; column < columns; column++) {
            put(row, column, glyphs.horizontal(), ruleStyle);
        }
        if (!title.isEmpty() && columns > 4) {
            int at = text(row, 2, columns - 1, " " + title + " ", titleStyle);
            if (at < columns) {
                put(row, at, glyphs.horizontal(), ruleStyle);
            }
        }
    }

    private void put(int row, int column, String text, Style style) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            return;
        }
        graphics.setCharacter(column, row, characters.of(text, style));
    }
}

package dev.jhosts.tui.view;

import com.googlecode.lanterna.TerminalTextUtils;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns arbitrary text (host names, descriptions, ssh's messages) into cells whose widths the
 * terminal and Lanterna agree on, so that no glyph can shift a row: control and format
 * characters are dropped or shown as {@code ?}, combining marks are composed with their base or
 * dropped, wide glyphs count two columns, and in ASCII mode everything else becomes {@code ?}.
 */
public final class DisplayText {
    private static final String VARIATION_SELECTOR_EMOJI = "\uFE0F";
    /** The printable ASCII characters as one-character strings, so that drawing them allocates none. */
    private static final String[] PRINTABLE_ASCII = new String[0x7f];

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            PRINTABLE_ASCII[c] = String.valueOf(c);
        }
    }

    private DisplayText() {}

    public static List<Cell> cells(String text, boolean unicode) {
        List<Cell> cells = new ArrayList<>(text.length());
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            if (codePoint >= 0x20 && codePoint < 0x7f) {
                cells.add(new Cell(PRINTABLE_ASCII[codePoint], 1, index++));
                continue;
            }
            int next = index + Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (codePoint == '\t') {
                cells.add(new Cell(" ", 1, index));
            } else if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                cells.add(new Cell("?", 1, index));
            } else if (type == Character.FORMAT || isMark(type)) {
                // zero-width: joined to the previous cell when that composes, else dropped
                composeInto(cells, codePoint, unicode);
            } else if (!unicode && codePoint > 0x7e) {
                cells.add(new Cell("?", 1, index));
            } else {
                cells.add(cell(codePoint, index));
            }
            index = next;
        }
        return cells;
    }

    /** The columns {@code text} takes once drawn. */
    public static int width(String text, boolean unicode) {
        int width = 0;
        for (Cell cell : cells(text, unicode)) {
            width += cell.width();
        }
        return width;
    }

    private static Cell cell(int codePoint, int index) {
        String text = new String(Character.toChars(codePoint));
        boolean wide = isWide(codePoint);
        boolean lanternaWide = Character.isSupplementaryCodePoint(codePoint)
                || TerminalTextUtils.isCharDoubleWidth(text.charAt(0));
        if (wide == lanternaWide) {
            return new Cell(text, wide ? 2 : 1, index);
        }
        if (wide) {
            return new Cell(text + VARIATION_SELECTOR_EMOJI, 2, index);
        }
        return new Cell("?", 1, index);
    }

    private static void composeInto(List<Cell> cells, int mark, boolean unicode) {
        if (!unicode || cells.isEmpty()) {
            return;
        }
        Cell last = cells.get(cells.size() - 1);
        String composed = Normalizer.normalize(last.text() + new String(Character.toChars(mark)), Normalizer.Form.NFC);
        if (composed.codePointCount(0, composed.length()) == 1 && last.width() == 1
                && !TerminalTextUtils.isCharDoubleWidth(composed.charAt(0))) {
            cells.set(cells.size() - 1, new Cell(composed, 1, last.sourceIndex()));
        }
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** East Asian Wide and Fullwidth code points, and emoji shown two columns wide. */
    static boolean isWide(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        return in(cp, 0x1100, 0x115F) || in(cp, 0x231A, 0x231B) || in(cp, 0x2329, 0x232A)
                || in(cp, 0x23E9, 0x23EC) || cp == 0x23F0 || cp == 0x23F3 || in(cp, 0x25FD, 0x25FE)
                || in(cp, 0x2614, 0x2615) || in(cp, 0x2648, 0x2653) || cp == 0x267F || cp == 0x2693
                || cp == 0x26A1 || in(cp, 0x26AA, 0x26AB) || in(cp, 0x26BD, 0x26BE) || in(cp, 0x26C4, 0x26C5)
                || cp == 0x26CE || cp == 0x26D4 || cp == 0x26EA || in(cp, 0x26F2, 0x26F3) || cp == 0x26F5
                || cp == 0x26FA || cp == 0x26FD || cp == 0x2705 || in(cp, 0x270A, 0x270B) || cp == 0x2728
                || cp == 0x274C || cp == 0x274E || in(cp, 0x2753, 0x2755) || cp == 0x2757
                || in(cp, 0x2795, 0x2797) || cp == 0x27B0 || cp == 0x27BF || in(cp, 0x2B1B, 0x2B1C)
                || cp == 0x2B50 || cp == 0x2B55 || in(cp, 0x2E80, 0x303E) || in(cp, 0x3041, 0x33FF)
                || in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF)
                || in(cp, 0xA960, 0xA97F) || in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF)
                || in(cp, 0xFE10, 0xFE19) || in(cp, 0xFE30, 0xFE6F) || in(cp, 0xFF00, 0xFF60)
                || in(cp, 0xFFE0, 0xFFE6) || in(cp, 0x16FE0, 0x18AFF) || in(cp, 0x1B000, 0x1B2FF)
                || cp == 0x1F004 || cp == 0x1F0CF || cp == 0x1F18E || in(cp, 0x1F191, 0x1F19A)
                || in(cp, 0x1F200, 0x1F2FF) || in(cp, 0x1F300, 0x1F64F) || in(cp, 0x1F680, 0x1F6FF)
                || in(cp, 0x1F7E0, 0x1F7EB) || in(cp, 0x1F90C, 0x1F9FF) || in(cp, 0x1FA70, 0x1FAFF)
                || in(cp, 0x20000, 0x3FFFD);
    }

    private static boolean in(int cp, int first, int last) {
        return cp >= first && cp <= last;
    }
}

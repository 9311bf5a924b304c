package dev.jhosts.session.screen;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Carries out what the {@link VtParser} reads, on the screen state, as xterm does (its "ctlseqs"
 * document and VT220 behaviour): the grids, the cursor with xterm's deferred wrap, scroll
 * region, renditions, modes, saved cursors, tab stops, title. State is in package-private fields
 * that {@link Repainter} and {@link ScreenModel} read.
 *
 * <p>Not supported, on purpose: left/right margins (DECSLRM, so {@code CSI s} always saves the
 * cursor), DEC rectangular operations, selective erase attributes (DECSED/DECSEL erase like
 * ED/EL), G2/G3 and national replacement sets (only DEC Special Graphics and ASCII), double
 * width/height lines. Programs the picker hosts (shells, editors, pagers, top) do not need them.
 */
final class Emulator {
    static final int TAB_WIDTH = 8;
    /** DA1 answer: a VT220 ("62") with ANSI colour ("22"), what xterm answers with decTerminalID=220. */
    static final String PRIMARY_ATTRIBUTES = "\033[?62;22c";
    /** DA2 answer: VT220 ("1"), firmware version 10, no ROM cartridge. */
    static final String SECONDARY_ATTRIBUTES = "\033[>1;10;0c";

    final Clusters clusters = new Clusters();
    final Scrollback scrollback = new Scrollback();
    Consumer<byte[]> replies = reply -> {};

    int columns;
    int rows;
    final Grid primary;
    Grid alternate;
    Grid grid;
    boolean inAlternate;

    int x;
    int y;
    /** xterm's "last column flag": a character went into the last column; the next one wraps first. */
    boolean pendingWrap;
    long style;
    int top;
    int bottom;
    boolean[] tabStops;

    boolean insert;
    boolean newlineMode;
    boolean applicationCursor;
    boolean reverseVideo;
    boolean origin;
    boolean autowrap = true;
    boolean cursorBlink;
    boolean cursorVisible = true;
    boolean applicationKeypad;
    boolean bracketedPaste;
    boolean focusEvents;
    /** 0, or the mouse tracking mode set last: 9, 1000, 1002 or 1003 (they exclude each other). */
    int mouseTracking;
    /** 0, or the mouse encoding set last: 1005, 1006 or 1015. */
    int mouseEncoding;
    /** DECSCUSR's parameter (0 = the terminal's default). */
    int cursorShape;

    boolean g0Graphics;
    boolean g1Graphics;
    boolean shifted;
    SavedCursor savedPrimary = SavedCursor.HOME;
    SavedCursor savedAlternate = SavedCursor.HOME;

    byte[] title = new byte[0];
    /** OSC 0 (title and icon name) or OSC 2 (title only), as the program last set it; 0 if never. */
    int titleCommand;
    /** The last graphic character printed, for REP; -1 when there is none. */
    int lastPrinted = -1;

    Emulator(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        primary = new Grid(columns, rows);
        grid = primary;
        bottom = rows - 1;
        tabStops = defaultTabStops(columns, 0, new boolean[columns]);
    }

    private static boolean[] defaultTabStops(int columns, int from, boolean[] stops) {
        for (int i = from; i < columns; i++) {
            stops[i] = i % TAB_WIDTH == 0 && i > 0;
        }
        return stops;
    }

    private long blankStyle() {
        return style & CellStyle.BG_MASK;
    }

    private boolean graphicsActive() {
        return shifted ? g1Graphics : g0Graphics;
    }

    // ---------------------------------------------------------------- characters

    /** 0x20–0x7E, in one comparison (a negative byte, a C0 control and DEL all fall outside). */
    static boolean isPrintableAscii(byte b) {
        return (b - 0x20 & 0xff) < 0x5f;
    }

    /**
     * The printable ASCII run that starts at {@code bytes[from]} and ends before {@code end} or
     * at the first other byte, copied straight into the rows; returns where it ended.
     */
    int printAscii(byte[] bytes, int from, int end) {
        if (insert || graphicsActive()) {
            int i = from;
            while (i < end && isPrintableAscii(bytes[i])) {
                print(bytes[i++]);
            }
            return i;
        }
        int i = from;
        while (true) {
            if (pendingWrap) {
                wrap();
            }
            Row row = grid.row(y);
            int room = Math.min(end - i, columns - x);
            row.splitWideAt(x, blankStyle());
            int[] text = row.text;
            // plain locals and one exit test per byte: also fast under C1, which the launcher uses
            int source = i;
            int target = x;
            int limit = x + room;
            while (target < limit) {
                byte b = bytes[source];
                if ((b - 0x20 & 0xff) >= 0x5f) {
                    break;
                }
                text[target++] = b;
                source++;
            }
            int n = target - x;
            int after = x + n;
            if (after < columns && text[after] == Row.WIDE_TAIL) {
                text[after] = Row.BLANK; // its left half was just overwritten
            }
            Cells.fill(row.style, x, after, style);
            i += n;
            lastPrinted = bytes[i - 1];
            x = after;
            if (x >= columns) {
                x = columns - 1;
                if (autowrap) {
                    pendingWrap = true;
                } else {
                    // without autowrap the rest of the run lands on the last column
                    while (i < end && isPrintableAscii(bytes[i])) {
                        i++;
                    }
                    text[x] = bytes[i - 1];
                    lastPrinted = bytes[i - 1];
                }
            }
            if (n < room || i == end || !isPrintableAscii(bytes[i])) {
                return i; // (a wrap waits for the next character, which may not come)
            }
        }
    }

    void print(int codePoint) {
        if (codePoint < 0x80) {
            if (graphicsActive()) {
                codePoint = DecGraphics.map(codePoint);
            }
        } else if (codePoint < 0xa0) {
            return; // C1 controls, UTF-8 encoded: xterm in UTF-8 mode does not act on them either
        }
        int width = CellWidth.of(codePoint);
        if (width == 0) {
            combine(codePoint);
            return;
        }
        if (pendingWrap) {
            wrap();
        }
        if (width == 2 && x == columns - 1) {
            if (columns < 2) {
                return;
            }
            if (autowrap) {
                wrap(); // a wide character does not fit in the last column: it goes to the next line
            } else {
                x = columns - 2;
            }
        }
        Row row = grid.row(y);
        long blank = blankStyle();
        if (insert) {
            insertCells(row, width);
        }
        row.splitWideAt(x, blank);
        row.splitWideAt(x + width, blank);
        row.text[x] = codePoint;
        row.style[x] = style;
        if (width == 2) {
            row.text[x + 1] = Row.WIDE_TAIL;
            row.style[x + 1] = style;
        }
        lastPrinted = codePoint;
        x += width;
        if (x >= columns) {
            x = columns - 1;
            pendingWrap = autowrap;
        }
    }

    /** A combining mark joins the character before the cursor (or under it, at the last column). */
    private void combine(int mark) {
        int target = pendingWrap ? x : x - 1;
        Row row = grid.row(y);
        if (target >= 0 && row.text[target] == Row.WIDE_TAIL) {
            target--;
        }
        if (target >= 0) {
            row.text[target] = clusters.combine(row.text[target], mark);
        }
    }

    private void wrap() {
        pendingWrap = false;
        grid.row(y).wrapped = true;
        x = 0;
        index();
    }

    // ---------------------------------------------------------------- C0 and escape sequences

    void control(int c) {
        lastPrinted = -1; // REP repeats a graphic character only right after it (ECMA-48 8.3.103)
        switch (c) {
            case 0x08 -> {
                pendingWrap = false;
                x = Math.max(0, x - 1);
            }
            case 0x09 -> tabForward(1);
            case 0x0a, 0x0b, 0x0c -> {
                pendingWrap = false;
                index();
                if (newlineMode) {
                    x = 0;
                }
            }
            case 0x0d -> {
                pendingWrap = false;
                x = 0;
            }
            case 0x0e -> shifted = true;
            case 0x0f -> shifted = false;
            default -> {
                // BEL and the rest: nothing on the screen
            }
        }
    }

    void escape(int intermediate, int fin) {
        if (intermediate == 0) {
            switch (fin) {
                case '7' -> saveCursor();
                case '8' -> restoreCursor();
                case 'D' -> {
                    pendingWrap = false;
                    index();
                }
                case 'E' -> {
                    pendingWrap = false;
                    x = 0;
                    index();
                }
                case 'M' -> {
                    pendingWrap = false;
                    reverseIndex();
                }
                case 'H' -> tabStops[x] = true;
                case 'c' -> fullReset();
                case '=' -> applicationKeypad = true;
                case '>' -> applicationKeypad = false;
                default -> {
                    // ST without a string, and others: nothing to do
                }
            }
        } else if (intermediate == '(') {
            g0Graphics = fin == '0';
        } else if (intermediate == ')') {
            g1Graphics = fin == '0';
        } else if (intermediate == '#' && fin == '8') {
            screenAlignment();
        }
    }

    void osc(byte[] data, int length) {
        int command = 0;
        int i = 0;
        while (i < length && data[i] >= '0' && data[i] <= '9' && command < 10000) {
            command = command * 10 + data[i++] - '0';
        }
        if (i == 0 || i >= length || data[i] != ';') {
            return;
        }
        if (command == 0 || command == 2) {
            title = Arrays.copyOfRange(data, i + 1, length);
            titleCommand = command;
        }
    }

    // ---------------------------------------------------------------- control sequences

    void csi(CsiParameters p, int fin) {
        switch (p.privateMarker) {
            case 0 -> {
                if (p.intermediate == 0) {
                    plainCsi(p, fin);
                } else if (p.intermediate == ' ' && fin == 'q') {
                    cursorShape = p.get(0, 0);
                } else if (p.intermediate == '!' && fin == 'p') {
                    softReset();
                }
            }
            case '?' -> {
                if (p.intermediate != 0) {
                    return;
                }
                switch (fin) {
                    case 'h' -> decModes(p, true);
                    case 'l' -> decModes(p, false);
                    case 'n' -> {
                        if (p.get(0, 0) == 6) {
                            reply("\033[?" + reportRow() + ";" + (x + 1) + ";1R");
                        }
                    }
                    case 'J' -> eraseInDisplay(p.get(0, 0));
                    case 'K' -> eraseInLine(p.get(0, 0));
                    default -> {
                        // DECRQM and other queries: not answered
                    }
                }
            }
            case '>' -> {
                if (fin == 'c' && p.intermediate == 0 && p.get(0, 0) == 0) {
                    reply(SECONDARY_ATTRIBUTES);
                }
            }
            default -> {
                // '=' and '<' sequences: none that changes the screen
            }
        }
    }

    private void plainCsi(CsiParameters p, int fin) {
        switch (fin) {
            case '@' -> {
                pendingWrap = false;
                insertCells(grid.row(y), p.atLeastOne(0));
            }
            case 'A' -> cursorUp(p.atLeastOne(0));
            case 'B', 'e' -> cursorDown(p.atLeastOne(0));
            case 'C', 'a' -> moveTo(x + p.atLeastOne(0), y);
            case 'D' -> moveTo(x - p.atLeastOne(0), y);
            case 'E' -> {
                cursorDown(p.atLeastOne(0));
                x = 0;
            }
            case 'F' -> {
                cursorUp(p.atLeastOne(0));
                x = 0;
            }
            case 'G', '`' -> moveTo(p.atLeastOne(0) - 1, y);
            case 'H', 'f' -> cursorPosition(p.atLeastOne(0), p.atLeastOne(1));
            case 'I' -> tabForward(p.atLeastOne(0));
            case 'J' -> eraseInDisplay(p.get(0, 0));
            case 'K' -> eraseInLine(p.get(0, 0));
            case 'L' -> insertLines(p.atLeastOne(0));
            case 'M' -> deleteLines(p.atLeastOne(0));
            case 'P' -> deleteCells(p.atLeastOne(0));
            case 'S' -> {
                if (p.count <= 1) {
                    scrollUp(p.atLeastOne(0));
                }
            }
            case 'T' -> {
                if (p.count <= 1) { // with 5 parameters it is xterm's mouse highlight tracking
                    grid.scrollDown(top, bottom, p.atLeastOne(0), blankStyle());
                }
            }
            case 'X' -> {
                pendingWrap = false;
                grid.row(y).erase(x, Math.min(columns, x + p.atLeastOne(0)), blankStyle());
            }
            case 'Z' -> tabBackward(p.atLeastOne(0));
            case 'b' -> repeat(p.atLeastOne(0));
            case 'c' -> {
                if (p.get(0, 0) == 0) {
                    reply(PRIMARY_ATTRIBUTES);
                }
            }
            case 'd' -> cursorPosition(p.atLeastOne(0), x + 1);
            case 'g' -> clearTabs(p.get(0, 0));
            case 'h' -> ansiModes(p, true);
            case 'l' -> ansiModes(p, false);
            case 'm' -> selectGraphicRendition(p);
            case 'n' -> {
                if (p.get(0, 0) == 5) {
                    reply("\033[0n");
                } else if (p.get(0, 0) == 6) {
                    reply("\033[" + reportRow() + ";" + (x + 1) + "R");
                }
            }
            case 'r' -> setScrollRegion(p.get(0, 0), p.get(1, 0));
            case 's' -> saveCursor();
            case 'u' -> restoreCursor();
            default -> {
                // not supported (see the class comment)
            }
        }
    }

    private int reportRow() {
        return origin ? y - top + 1 : y + 1;
    }

    private void reply(String text) {
        replies.accept(text.getBytes(StandardCharsets.US_ASCII));
    }

    // ---------------------------------------------------------------- cursor

    private void moveTo(int column, int row) {
        pendingWrap = false;
        x = Math.max(0, Math.min(columns - 1, column));
        y = Math.max(0, Math.min(rows - 1, row));
    }

    /** CUP and VPA: 1-based, relative to the scroll region and kept inside it in origin mode. */
    private void cursorPosition(int row, int column) {
        if (origin) {
            moveTo(column - 1, Math.min(bottom, top + row - 1));
        } else {
            moveTo(column - 1, row - 1);
        }
    }

    /** CUU stops at the top margin when the cursor is below it, else at the first row. */
    private void cursorUp(int count) {
        int limit = y >= top ? top : 0;
        moveTo(x, Math.max(limit, y - count));
    }

    private void cursorDown(int count) {
        int limit = y <= bottom ? bottom : rows - 1;
        moveTo(x, Math.min(limit, y + count));
    }

    /**
     * HT and CHT. At the last column they leave the last-column flag set, as tmux does (DEC STD
     * 070 resets it; xterm's behaviour here is not documented).
     */
    private void tabForward(int count) {
        for (int i = 0; i < count && x < columns - 1; i++) {
            pendingWrap = false;
            do {
                x++;
            } while (x < columns - 1 && !tabStops[x]);
        }
    }

    private void tabBackward(int count) {
        pendingWrap = false;
        for (int i = 0; i < count && x > 0; i++) {
            do {
                x--;
            } while (x > 0 && !tabStops[x]);
        }
    }

    private void clearTabs(int mode) {
        if (mode == 0) {
            tabStops[x] = false;
        } else if (mode == 3) {
            Arrays.fill(tabStops, false);
        }
    }

    void saveCursor() {
        SavedCursor saved = new SavedCursor(x, y, pendingWrap, style, origin, g0Graphics, g1Graphics, shifted);
        if (inAlternate) {
            savedAlternate = saved;
        } else {
            savedPrimary = saved;
        }
    }

    void restoreCursor() {
        SavedCursor saved = (inAlternate ? savedAlternate : savedPrimary).clampedTo(columns, rows);
        x = saved.x();
        y = saved.y();
        pendingWrap = saved.pendingWrap() && autowrap;
        style = saved.style();
        origin = saved.origin();
        g0Graphics = saved.g0Graphics();
        g1Graphics = saved.g1Graphics();
        shifted = saved.shifted();
    }

    // ---------------------------------------------------------------- scrolling and editing

    private void index() {
        if (y == bottom) {
            scrollUp(1);
        } else if (y < rows - 1) {
            y++;
        }
    }

    private void reverseIndex() {
        if (y == top) {
            grid.scrollDown(top, bottom, 1, blankStyle());
        } else if (y > 0) {
            y--;
        }
    }

    /**
     * Lines leave for the scrollback when the region is the whole primary screen (tmux's rule;
     * xterm also keeps them for a region that starts at the top, which would put a pager's or an
     * editor's partial scrolls into the history).
     */
    private void scrollUp(int count) {
        boolean keep = !inAlternate && top == 0 && bottom == rows - 1;
        grid.scrollUp(top, bottom, count, blankStyle(), keep ? scrollback : null);
    }

    private void insertLines(int count) {
        if (y >= top && y <= bottom) {
            grid.scrollDown(y, bottom, count, blankStyle());
            x = 0;
            pendingWrap = false;
        }
    }

    private void deleteLines(int count) {
        if (y >= top && y <= bottom) {
            grid.scrollUp(y, bottom, count, blankStyle(), null);
            x = 0;
            pendingWrap = false;
        }
    }

    private void insertCells(Row row, int count) {
        long blank = blankStyle();
        count = Math.min(count, columns - x);
        row.splitWideAt(x, blank);
        int keep = columns - x - count;
        // the cell that becomes the last one loses its right half when that is pushed off
        boolean headAtEdge = keep > 0 && row.text[x + keep] == Row.WIDE_TAIL;
        System.arraycopy(row.text, x, row.text, x + count, keep);
        System.arraycopy(row.style, x, row.style, x + count, keep);
        Cells.fill(row.text, x, x + count, Row.BLANK);
        Cells.fill(row.style, x, x + count, blank);
        if (headAtEdge) {
            row.text[columns - 1] = Row.BLANK;
        }
    }

    private void deleteCells(int count) {
        pendingWrap = false;
        Row row = grid.row(y);
        long blank = blankStyle();
        count = Math.min(count, columns - x);
        row.splitWideAt(x, blank);
        row.splitWideAt(x + count, blank);
        int keep = columns - x - count;
        System.arraycopy(row.text, x + count, row.text, x, keep);
        System.arraycopy(row.style, x + count, row.style, x, keep);
        Cells.fill(row.text, columns - count, columns, Row.BLANK);
        Cells.fill(row.style, columns - count, columns, blank);
    }

    private void eraseInDisplay(int mode) {
        long blank = blankStyle();
        pendingWrap = false;
        switch (mode) {
            case 0 -> {
                grid.row(y).erase(x, columns, blank);
                for (int r = y + 1; r < rows; r++) {
                    grid.row(r).reset(columns, blank);
                }
            }
            case 1 -> {
                for (int r = 0; r < y; r++) {
                    grid.row(r).reset(columns, blank);
                }
                grid.row(y).erase(0, x + 1, blank);
            }
            case 2 -> grid.erase(blank);
            case 3 -> scrollback.clear();
            default -> {
                // not an ED parameter
            }
        }
    }

    private void eraseInLine(int mode) {
        long blank = blankStyle();
        pendingWrap = false;
        Row row = grid.row(y);
        switch (mode) {
            case 0 -> row.erase(x, columns, blank);
            case 1 -> row.erase(0, x + 1, blank);
            case 2 -> row.erase(0, columns, blank);
            default -> {
                // not an EL parameter
            }
        }
    }

    private void repeat(int count) {
        if (lastPrinted < 0) {
            return;
        }
        int times = Math.min(count, columns * rows); // more would only overwrite the same screen
        for (int i = 0; i < times; i++) {
            print(lastPrinted);
        }
    }

    private void setScrollRegion(int first, int last) {
        int t = first == 0 ? 1 : first;
        int b = last == 0 ? rows : Math.min(last, rows);
        if (t < b) {
            top = t - 1;
            bottom = b - 1;
            cursorPosition(1, 1);
        }
    }

    private void screenAlignment() {
        for (int r = 0; r < rows; r++) {
            Row row = grid.row(r);
            row.reset(columns, 0);
            Arrays.fill(row.text, 'E');
        }
        top = 0;
        bottom = rows - 1;
        origin = false;
        moveTo(0, 0);
    }

    // ---------------------------------------------------------------- modes

    private void ansiModes(CsiParameters p, boolean set) {
        for (int i = 0; i < p.count; i++) {
            switch (p.get(i, 0)) {
                case 4 -> insert = set;
                case 20 -> newlineMode = set;
                default -> {
                    // others do not apply to a screen model
                }
            }
        }
    }

    private void decModes(CsiParameters p, boolean set) {
        for (int i = 0; i < p.count; i++) {
            int mode = p.get(i, 0);
            switch (mode) {
                case 1 -> applicationCursor = set;
                case 5 -> reverseVideo = set;
                case 6 -> {
                    origin = set;
                    cursorPosition(1, 1);
                }
                case 7 -> {
                    autowrap = set;
                    pendingWrap &= set;
                }
                case 12 -> cursorBlink = set;
                case 25 -> cursorVisible = set;
                case 66 -> applicationKeypad = set;
                case 9, 1000, 1002, 1003 -> {
                    if (set) {
                        mouseTracking = mode;
                    } else if (mouseTracking == mode) {
                        mouseTracking = 0;
                    }
                }
                case 1005, 1006, 1015 -> {
                    if (set) {
                        mouseEncoding = mode;
                    } else if (mouseEncoding == mode) {
                        mouseEncoding = 0;
                    }
                }
                case 1004 -> focusEvents = set;
                case 2004 -> bracketedPaste = set;
                case 47 -> switchScreen(set, false);
                case 1047 -> {
                    if (!set && inAlternate) {
                        grid.erase(0); // ?1047 l clears the alternate screen before leaving it
                    }
                    switchScreen(set, false);
                }
                case 1048 -> {
                    if (set) {
                        saveCursor();
                    } else {
                        restoreCursor();
                    }
                }
                case 1049 -> {
                    if (set && !inAlternate) {
                        saveCursor();
                        switchScreen(true, true);
                    } else if (!set && inAlternate) {
                        switchScreen(false, false);
                        restoreCursor();
                    }
                }
                default -> {
                    // others (synchronized output, meta key, …) do not change the screen
                }
            }
        }
    }

    private void switchScreen(boolean toAlternate, boolean clear) {
        if (toAlternate == inAlternate) {
            return;
        }
        if (toAlternate) {
            if (alternate == null) {
                alternate = new Grid(columns, rows);
            } else if (clear) {
                alternate.erase(0);
            }
            grid = alternate;
        } else {
            grid = primary;
        }
        inAlternate = toAlternate;
    }

    // ---------------------------------------------------------------- SGR

    private void selectGraphicRendition(CsiParameters p) {
        if (p.count == 0) {
            style = 0;
            return;
        }
        int i = 0;
        while (i < p.count) {
            int code = p.get(i, 0);
            int next = i + 1;
            while (next < p.count && p.subParameter[next]) {
                next++; // sub-parameters (after ':') belong to this code
            }
            int subCount = next - i - 1;
            switch (code) {
                case 0 -> style = 0;
                case 1 -> style |= CellStyle.BOLD;
                case 2 -> style |= CellStyle.DIM;
                case 3 -> style |= CellStyle.ITALIC;
                case 4 -> {
                    // 4:0 is "no underline"; 4:1…4:5 are underline styles, all shown as underline
                    if (subCount > 0 && p.get(i + 1, 1) == 0) {
                        style &= ~CellStyle.UNDERLINE;
                    } else {
                        style |= CellStyle.UNDERLINE;
                    }
                }
                case 5, 6 -> style |= CellStyle.BLINK;
                case 7 -> style |= CellStyle.INVERSE;
                case 8 -> style |= CellStyle.HIDDEN;
                case 9 -> style |= CellStyle.STRIKE;
                case 21 -> style |= CellStyle.UNDERLINE; // doubly underlined, in xterm
                case 22 -> style &= ~(CellStyle.BOLD | CellStyle.DIM);
                case 23 -> style &= ~CellStyle.ITALIC;
                case 24 -> style &= ~CellStyle.UNDERLINE;
                case 25 -> style &= ~CellStyle.BLINK;
                case 27 -> style &= ~CellStyle.INVERSE;
                case 28 -> style &= ~CellStyle.HIDDEN;
                case 29 -> style &= ~CellStyle.STRIKE;
                case 39 -> style = CellStyle.withForeground(style, CellStyle.DEFAULT, 0);
                case 49 -> style = CellStyle.withBackground(style, CellStyle.DEFAULT, 0);
                case 38, 48, 58 -> {
                    int[] colour = new int[2];
                    int consumed = subCount > 0 ? extendedColour(p, i + 1, subCount, true, colour)
                            : extendedColour(p, i + 1, p.count - i - 1, false, colour);
                    if (colour[0] != CellStyle.DEFAULT && code == 38) {
                        style = CellStyle.withForeground(style, colour[0], colour[1]);
                    } else if (colour[0] != CellStyle.DEFAULT && code == 48) {
                        style = CellStyle.withBackground(style, colour[0], colour[1]);
                    } // 58 is the underline colour: read past, not kept
                    if (subCount == 0) {
                        next = i + 1 + consumed;
                    }
                }
                default -> {
                    if (code >= 30 && code <= 37) {
                        style = CellStyle.withForeground(style, CellStyle.INDEXED, code - 30);
                    } else if (code >= 40 && code <= 47) {
                        style = CellStyle.withBackground(style, CellStyle.INDEXED, code - 40);
                    } else if (code >= 90 && code <= 97) {
                        style = CellStyle.withForeground(style, CellStyle.INDEXED, code - 90 + 8);
                    } else if (code >= 100 && code <= 107) {
                        style = CellStyle.withBackground(style, CellStyle.INDEXED, code - 100 + 8);
                    }
                }
            }
            i = next;
        }
    }

    /**
     * Reads {@code 5;n} or {@code 2;r;g;b} (the semicolon form) or {@code 5:n}, {@code 2:r:g:b},
     * {@code 2::r:g:b} / {@code 2:id:r:g:b} (the colon form, ITU T.416, with the colour space id)
     * from parameter {@code from} on; sets {@code colour} to kind and value; returns how many
     * parameters it read.
     */
    private static int extendedColour(CsiParameters p, int from, int available, boolean colonForm, int[] colour) {
        colour[0] = CellStyle.DEFAULT;
        if (available < 1) {
            return 0;
        }
        int kind = p.get(from, 0);
        if (kind == 5 && available >= 2) {
            int index = p.get(from + 1, 0);
            if (index <= 255) {
                colour[0] = CellStyle.INDEXED;
                colour[1] = index;
            }
            return 2;
        }
        if (kind == 2) {
            int first = colonForm && available >= 5 ? from + 2 : from + 1; // skip the colour space id
            if (first + 3 <= from + available) {
                int r = Math.min(255, p.get(first, 0));
                int g = Math.min(255, p.get(first + 1, 0));
                int b = Math.min(255, p.get(first + 2, 0));
                colour[0] = CellStyle.RGB;
                colour[1] = r << 16 | g << 8 | b;
                return first + 3 - from;
            }
            return available;
        }
        return 1;
    }

    // ---------------------------------------------------------------- resets and resize

    private void softReset() {
        cursorVisible = true;
        insert = false;
        origin = false;
        autowrap = true;
        applicationCursor = false;
        applicationKeypad = false;
        top = 0;
        bottom = rows - 1;
        g0Graphics = false;
        g1Graphics = false;
        shifted = false;
        style = 0;
        pendingWrap = false;
        savedPrimary = SavedCursor.HOME;
        savedAlternate = SavedCursor.HOME;
    }

    private void fullReset() {
        softReset();
        switchScreen(false, false);
        primary.erase(0);
        if (alternate != null) {
            alternate.erase(0);
        }
        newlineMode = false;
        reverseVideo = false;
        cursorBlink = false;
        bracketedPaste = false;
        focusEvents = false;
        mouseTracking = 0;
        mouseEncoding = 0;
        cursorShape = 0;
        lastPrinted = -1;
        tabStops = defaultTabStops(columns, 0, new boolean[columns]);
        moveTo(0, 0);
    }

    void resize(int newColumns, int newRows) {
        if (newColumns == columns && newRows == rows) {
            return;
        }
        int primaryCursor = inAlternate ? savedPrimary.y() : y;
        int removed = primary.resize(newColumns, newRows, primaryCursor, scrollback);
        int removedAlternate = alternate == null ? 0 : alternate.resize(newColumns, newRows, y, null);
        if (inAlternate) {
            y -= removedAlternate;
            savedPrimary = shiftedUp(savedPrimary, removed);
            savedAlternate = shiftedUp(savedAlternate, removedAlternate);
        } else {
            y -= removed;
            savedPrimary = shiftedUp(savedPrimary, removed);
        }
        boolean[] stops = Arrays.copyOf(tabStops, newColumns);
        if (newColumns > columns) {
            defaultTabStops(newColumns, columns, stops);
        }
        tabStops = stops;
        columns = newColumns;
        rows = newRows;
        // xterm and tmux reset the margins on a resize; the program redraws for the new size anyway
        top = 0;
        bottom = rows - 1;
        if (x >= columns) {
            x = columns - 1;
            pendingWrap = false;
        }
        pendingWrap &= x == columns - 1;
        y = Math.max(0, Math.min(rows - 1, y));
        savedPrimary = savedPrimary.clampedTo(columns, rows);
        savedAlternate = savedAlternate.clampedTo(columns, rows);
    }

    private static SavedCursor shiftedUp(SavedCursor saved, int rowsRemoved) {
        return new SavedCursor(saved.x(), Math.max(0, saved.y() - rowsRemoved), saved.pendingWrap(), saved.style(),
                saved.origin(), saved.g0Graphics(), saved.g1Graphics(), saved.shifted());
    }
}

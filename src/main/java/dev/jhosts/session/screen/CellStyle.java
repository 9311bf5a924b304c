package dev.jhosts.session.screen;

/**
 * A cell's rendition (SGR) packed into one {@code long}, so that a row keeps its styles in a
 * {@code long[]} and the fast path fills it with {@link Cells#fill}: no object per cell.
 *
 * <p>Layout: bits 0–7 the flags below; bits 8–9 the foreground's kind ({@link #DEFAULT},
 * {@link #INDEXED} 0–255, {@link #RGB}) and bits 10–33 its value; bits 34–35 and 36–59 the same
 * for the background. {@code 0} is the default rendition. The 16 ANSI colours (SGR 30–37, 90–97)
 * are stored as palette indexes 0–15, the same as {@code 38;5;0}–{@code 38;5;15}: the terminal
 * shows them alike, and a repaint writes one spelling back.
 */
final class CellStyle {
    static final long BOLD = 1;
    static final long DIM = 1 << 1;
    static final long ITALIC = 1 << 2;
    static final long UNDERLINE = 1 << 3;
    static final long BLINK = 1 << 4;
    static final long INVERSE = 1 << 5;
    static final long HIDDEN = 1 << 6;
    static final long STRIKE = 1 << 7;
    static final long FLAGS = 0xff;

    static final int DEFAULT = 0;
    static final int INDEXED = 1;
    static final int RGB = 2;

    private static final int FG_SHIFT = 8;
    private static final int BG_SHIFT = 34;
    private static final long COLOUR_MASK = (1L << 26) - 1;
    static final long FG_MASK = COLOUR_MASK << FG_SHIFT;
    /** What an erase keeps of the current rendition: its background (xterm's bce). */
    static final long BG_MASK = COLOUR_MASK << BG_SHIFT;

    private CellStyle() {}

    static long withForeground(long style, int kind, int value) {
        return (style & ~FG_MASK) | (colour(kind, value) << FG_SHIFT);
    }

    static long withBackground(long style, int kind, int value) {
        return (style & ~BG_MASK) | (colour(kind, value) << BG_SHIFT);
    }

    private static long colour(int kind, int value) {
        return kind | ((long) (value & 0xffffff) << 2);
    }

    static int foregroundKind(long style) {
        return (int) (style >>> FG_SHIFT) & 3;
    }

    static int foregroundValue(long style) {
        return (int) (style >>> (FG_SHIFT + 2)) & 0xffffff;
    }

    static int backgroundKind(long style) {
        return (int) (style >>> BG_SHIFT) & 3;
    }

    static int backgroundValue(long style) {
        return (int) (style >>> (BG_SHIFT + 2)) & 0xffffff;
    }

    /** Writes {@code ESC [ 0 ; … m}: the whole rendition from a reset, one spelling per style. */
    static void writeSgr(ByteSink out, long style) {
        out.ascii("\033[0");
        String[] flagCodes = {"1", "2", "3", "4", "5", "7", "8", "9"};
        for (int bit = 0; bit < 8; bit++) {
            if ((style & (1L << bit)) != 0) {
                out.ascii(";").ascii(flagCodes[bit]);
            }
        }
        writeColour(out, foregroundKind(style), foregroundValue(style), 30, 90, "38");
        writeColour(out, backgroundKind(style), backgroundValue(style), 40, 100, "48");
        out.ascii("m");
    }

    private static void writeColour(ByteSink out, int kind, int value, int base, int brightBase, String extended) {
        if (kind == INDEXED && value < 8) {
            out.ascii(";").decimal(base + value);
        } else if (kind == INDEXED && value < 16) {
            out.ascii(";").decimal(brightBase + value - 8);
        } else if (kind == INDEXED) {
            out.ascii(";").ascii(extended).ascii(";5;").decimal(value);
        } else if (kind == RGB) {
            out.ascii(";").ascii(extended).ascii(";2;").decimal((value >> 16) & 0xff)
                    .ascii(";").decimal((value >> 8) & 0xff).ascii(";").decimal(value & 0xff);
        }
    }

    /** A readable form for test failures and dumps: {@code b,u,fg=i1,bg=#102030}. */
    static String describe(long style) {
        StringBuilder text = new StringBuilder();
        String[] names = {"bold", "dim", "italic", "underline", "blink", "inverse", "hidden", "strike"};
        for (int bit = 0; bit < 8; bit++) {
            if ((style & (1L << bit)) != 0) {
                text.append(names[bit]).append(',');
            }
        }
        describeColour(text, "fg", foregroundKind(style), foregroundValue(style));
        describeColour(text, "bg", backgroundKind(style), backgroundValue(style));
        return text.toString();
    }

    private static void describeColour(StringBuilder text, String name, int kind, int value) {
        if (kind == INDEXED) {
            text.append(name).append("=i").append(value).append(',');
        } else if (kind == RGB) {
            text.append(name).append(String.format("=#%06x,", value));
        }
    }
}

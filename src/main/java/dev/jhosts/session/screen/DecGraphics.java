package dev.jhosts.session.screen;

/**
 * The DEC Special Graphics set (designated by {@code ESC ( 0}), stored as the Unicode characters
 * it draws, so that the model needs no charset per cell and a repaint writes plain UTF-8. The
 * mapping of 0x5F–0x7E is the one in DEC STD 070 and xterm's documentation.
 */
final class DecGraphics {
    private static final String GLYPHS =
            " \u25c6\u2592\u2409\u240c\u240d\u240a\u00b0\u00b1\u2424\u240b\u2518\u2510\u250c\u2514\u253c"
            + "\u23ba\u23bb\u2500\u23bc\u23bd\u251c\u2524\u2534\u252c\u2502\u2264\u2265\u03c0\u2260\u00a3\u00b7";

    private DecGraphics() {}

    static int map(int ascii) {
        return ascii >= 0x5f && ascii <= 0x7e ? GLYPHS.charAt(ascii - 0x5f) : ascii;
    }
}

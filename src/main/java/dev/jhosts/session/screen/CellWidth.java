package dev.jhosts.session.screen;

import org.jline.utils.WCWidth;

/** Columns a character takes, by JLine's {@code wcwidth} (the Markus Kuhn tables xterm also uses). */
final class CellWidth {
    private CellWidth() {}

    /** 0 for a combining mark, 2 for a wide character, 1 otherwise (also for what wcwidth calls -1). */
    static int of(int codePoint) {
        if (codePoint < 0x300) {
            return codePoint == Row.WIDE_TAIL ? 0 : 1;
        }
        int width = WCWidth.wcwidth(codePoint);
        return width < 0 ? 1 : width;
    }
}

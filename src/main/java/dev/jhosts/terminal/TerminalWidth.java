package dev.jhosts.terminal;

import org.jline.nativ.CLibrary;

/** A terminal's width, as a line redrawn in place needs it (it may change between two redraws). */
public final class TerminalWidth {
    /** What a terminal that says nothing is taken to be. */
    public static final int USUAL = 80;

    private TerminalWidth() {}

    /** The columns of the terminal open as descriptor {@code number} (TIOCGWINSZ), {@link #USUAL} when it says none. */
    public static int columns(int number) {
        try {
            CLibrary.WinSize size = new CLibrary.WinSize();
            if (CLibrary.ioctl(number, CLibrary.TIOCGWINSZ, size) == 0 && size.ws_col > 0) {
                return size.ws_col;
            }
        } catch (RuntimeException | LinkageError e) {
            // no native library: the usual width
        }
        return USUAL;
    }
}

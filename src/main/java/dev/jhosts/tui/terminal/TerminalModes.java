package dev.jhosts.tui.terminal;

import java.io.IOException;
import java.util.Arrays;
import org.jline.nativ.CLibrary;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The terminal's modes, saved and restored byte for byte through the native termios of
 * standard input. JLine's {@code Attributes} carry no line speed, so setting them alone writes
 * a zero speed (B0) into the terminal and {@code stty -g} changes; here the control flags and
 * speeds found at start are always written back with the raw modes, and the saved termios is
 * restored exactly.
 */
final class TerminalModes {
    private static final int STANDARD_INPUT = 0;

    private final CLibrary.Termios found;
    private CLibrary.Termios raw;

    private TerminalModes(CLibrary.Termios found) {
        this.found = found;
    }

    static TerminalModes capture() throws IOException {
        CLibrary.Termios termios = new CLibrary.Termios();
        if (CLibrary.tcgetattr(STANDARD_INPUT, termios) != 0) {
            throw new IOException("cannot read the terminal's modes (tcgetattr)");
        }
        return new TerminalModes(termios);
    }

    /**
     * Raw modes as {@code rawAttributes} say. The first time, JLine translates them (briefly with
     * a zero speed on the line), the speed is put back and the result kept; later calls write the
     * kept termios directly.
     */
    void enterRaw(Terminal jline, Attributes rawAttributes) throws IOException {
        if (raw == null) {
            jline.setAttributes(rawAttributes);
            CLibrary.Termios translated = new CLibrary.Termios();
            if (CLibrary.tcgetattr(STANDARD_INPUT, translated) != 0) {
                throw new IOException("cannot read the terminal's modes (tcgetattr)");
            }
            translated.c_cflag = found.c_cflag;
            translated.c_ispeed = found.c_ispeed;
            translated.c_ospeed = found.c_ospeed;
            raw = translated;
        }
        set(raw);
    }

    /** After JLine set attributes: puts the control flags and line speed found at start back. */
    void keepLineSpeed() {
        CLibrary.Termios now = new CLibrary.Termios();
        if (CLibrary.tcgetattr(STANDARD_INPUT, now) != 0) {
            return;
        }
        if (now.c_cflag == found.c_cflag && now.c_ispeed == found.c_ispeed && now.c_ospeed == found.c_ospeed) {
            return;
        }
        now.c_cflag = found.c_cflag;
        now.c_ispeed = found.c_ispeed;
        now.c_ospeed = found.c_ospeed;
        CLibrary.tcsetattr(STANDARD_INPUT, CLibrary.TCSANOW, now);
    }

    /** Writes back the modes found at start, exactly. */
    void restore() throws IOException {
        set(found);
    }

    private static void set(CLibrary.Termios termios) throws IOException {
        CLibrary.Termios copy = new CLibrary.Termios();
        copy.c_iflag = termios.c_iflag;
        copy.c_oflag = termios.c_oflag;
        copy.c_cflag = termios.c_cflag;
        copy.c_lflag = termios.c_lflag;
        copy.c_cc = Arrays.copyOf(termios.c_cc, termios.c_cc.length);
        copy.c_ispeed = termios.c_ispeed;
        copy.c_ospeed = termios.c_ospeed;
        if (CLibrary.tcsetattr(STANDARD_INPUT, CLibrary.TCSANOW, copy) != 0) {
            throw new IOException("cannot set the terminal's modes (tcsetattr)");
        }
    }
}

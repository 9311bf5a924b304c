package dev.jhosts.session;

import java.io.IOException;
import java.util.Arrays;
import org.jline.nativ.CLibrary;

/**
 * A terminal's termios as it was, for restoring it byte for byte. JLine's {@code Attributes}
 * carry no line speed: setting them writes a zero speed (B0) and {@code stty -g} would change.
 * So raw modes are set through JLine (portable flag names), then {@link #keepLineSpeed()} puts
 * the control flags and speeds back, and {@link #restore()} writes the saved termios exactly.
 */
public final class ExactModes {
    private final int fd;
    private final CLibrary.Termios saved;

    private ExactModes(int fd, CLibrary.Termios saved) {
        this.fd = fd;
        this.saved = saved;
    }

    /** The current modes of {@code fd} (0 for standard input). */
    public static ExactModes capture(int fd) throws IOException {
        CLibrary.Termios termios = new CLibrary.Termios();
        if (CLibrary.tcgetattr(fd, termios) != 0) {
            throw new IOException("cannot read the terminal's modes (tcgetattr)");
        }
        return new ExactModes(fd, termios);
    }

    /** After JLine set attributes: puts the saved control flags and line speed back. */
    public void keepLineSpeed() {
        CLibrary.Termios now = new CLibrary.Termios();
        if (CLibrary.tcgetattr(fd, now) != 0) {
            return;
        }
        if (now.c_cflag == saved.c_cflag && now.c_ispeed == saved.c_ispeed && now.c_ospeed == saved.c_ospeed) {
            return;
        }
        now.c_cflag = saved.c_cflag;
        now.c_ispeed = saved.c_ispeed;
        now.c_ospeed = saved.c_ospeed;
        CLibrary.tcsetattr(fd, CLibrary.TCSANOW, now);
    }

    /** Writes the saved modes back exactly; false when the terminal is gone (hangup). */
    public boolean restore() {
        CLibrary.Termios copy = new CLibrary.Termios();
        copy.c_iflag = saved.c_iflag;
        copy.c_oflag = saved.c_oflag;
        copy.c_cflag = saved.c_cflag;
        copy.c_lflag = saved.c_lflag;
        copy.c_cc = Arrays.copyOf(saved.c_cc, saved.c_cc.length);
        copy.c_ispeed = saved.c_ispeed;
        copy.c_ospeed = saved.c_ospeed;
        return CLibrary.tcsetattr(fd, CLibrary.TCSANOW, copy) == 0;
    }
}

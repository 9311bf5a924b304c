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

    /**
     * The saved modes as one line of text, for a client of the server to write back on its own
     * terminal should the server be gone ({@link #decoded}).
     */
    public String encoded() {
        StringBuilder text = new StringBuilder();
        for (long value : new long[] {saved.c_iflag, saved.c_oflag, saved.c_cflag, saved.c_lflag, saved.c_ispeed,
                saved.c_ospeed}) {
            text.append(Long.toHexString(value)).append(':');
        }
        for (byte b : saved.c_cc) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    /** The modes {@link #encoded} tells, for {@code fd}; fails on text that is not such a line. */
    public static ExactModes decoded(int fd, String text) {
        String[] fields = text.split(":", -1);
        if (fields.length != 7 || fields[6].length() % 2 != 0) {
            throw new IllegalArgumentException("not a terminal's modes: " + text);
        }
        CLibrary.Termios termios = new CLibrary.Termios();
        termios.c_iflag = Long.parseUnsignedLong(fields[0], 16);
        termios.c_oflag = Long.parseUnsignedLong(fields[1], 16);
        termios.c_cflag = Long.parseUnsignedLong(fields[2], 16);
        termios.c_lflag = Long.parseUnsignedLong(fields[3], 16);
        termios.c_ispeed = Long.parseUnsignedLong(fields[4], 16);
        termios.c_ospeed = Long.parseUnsignedLong(fields[5], 16);
        byte[] cc = new byte[fields[6].length() / 2];
        for (int i = 0; i < cc.length; i++) {
            cc[i] = (byte) Integer.parseInt(fields[6].substring(2 * i, 2 * i + 2), 16);
        }
        termios.c_cc = cc;
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

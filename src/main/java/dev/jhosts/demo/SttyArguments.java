package dev.jhosts.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.channel.PtyMode;

/**
 * The terminal modes of an SSH pty-req (RFC 4254 §8, the encoded modes OpenSSH's client takes
 * from the user's terminal) as {@code stty} arguments, which the session's wrapper runs on the
 * new pseudo-terminal before the shell starts: pty4j opens the PTY with the kernel's defaults
 * and has no way to set termios. Characters go as {@code ^X}, {@code ^?} or {@code undef}
 * (OpenSSH sends 255, {@code _POSIX_VDISABLE}, for a disabled one); flags as {@code NAME} or
 * {@code -NAME}. Left out: speeds, character size and parity (a pseudo-terminal refuses to
 * change them, and stty then applies nothing), and PENDIN (GNU stty does not know it: one
 * unknown word and stty sets nothing at all).
 */
final class SttyArguments {
    private static final int DISABLED = 255;
    private static final Map<PtyMode, String> CHARACTERS = new EnumMap<>(PtyMode.class);
    private static final Map<PtyMode, String> FLAGS = new EnumMap<>(PtyMode.class);

    static {
        CHARACTERS.put(PtyMode.VINTR, "intr");
        CHARACTERS.put(PtyMode.VQUIT, "quit");
        CHARACTERS.put(PtyMode.VERASE, "erase");
        CHARACTERS.put(PtyMode.VKILL, "kill");
        CHARACTERS.put(PtyMode.VEOF, "eof");
        CHARACTERS.put(PtyMode.VEOL, "eol");
        CHARACTERS.put(PtyMode.VEOL2, "eol2");
        CHARACTERS.put(PtyMode.VSTART, "start");
        CHARACTERS.put(PtyMode.VSTOP, "stop");
        CHARACTERS.put(PtyMode.VSUSP, "susp");
        CHARACTERS.put(PtyMode.VREPRINT, "rprnt");
        CHARACTERS.put(PtyMode.VWERASE, "werase");
        CHARACTERS.put(PtyMode.VLNEXT, "lnext");
        CHARACTERS.put(PtyMode.VDISCARD, "discard");
        for (PtyMode flag : List.of(PtyMode.IGNPAR, PtyMode.PARMRK, PtyMode.INPCK, PtyMode.ISTRIP, PtyMode.INLCR,
                PtyMode.IGNCR, PtyMode.ICRNL, PtyMode.IUCLC, PtyMode.IXON, PtyMode.IXANY, PtyMode.IXOFF,
                PtyMode.IMAXBEL, PtyMode.IUTF8, PtyMode.ISIG, PtyMode.ICANON, PtyMode.XCASE, PtyMode.ECHO,
                PtyMode.ECHOE, PtyMode.ECHOK, PtyMode.ECHONL, PtyMode.NOFLSH, PtyMode.TOSTOP, PtyMode.IEXTEN,
                PtyMode.ECHOCTL, PtyMode.ECHOKE, PtyMode.OPOST, PtyMode.OLCUC, PtyMode.ONLCR,
                PtyMode.OCRNL, PtyMode.ONOCR, PtyMode.ONLRET)) {
            FLAGS.put(flag, flag.name().toLowerCase(Locale.ROOT));
        }
    }

    private SttyArguments() {}

    /** The stty words for {@code modes}, in the order of the modes' opcodes. */
    static List<String> of(Map<PtyMode, Integer> modes) {
        List<String> words = new ArrayList<>();
        modes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(PtyMode.BY_OPCODE))
                .forEach(mode -> add(words, mode.getKey(), mode.getValue()));
        return words;
    }

    private static void add(List<String> words, PtyMode mode, Integer value) {
        if (value == null) {
            return;
        }
        String character = CHARACTERS.get(mode);
        if (character != null) {
            character(value).ifPresent(text -> {
                words.add(character);
                words.add(text);
            });
            return;
        }
        String flag = FLAGS.get(mode);
        if (flag != null) {
            words.add(value != 0 ? flag : "-" + flag);
        }
    }

    /** A control character as stty reads it: {@code ^C}, {@code ^?}, {@code undef}; others are skipped. */
    private static Optional<String> character(int value) {
        if (value == 0 || value == DISABLED) {
            return Optional.of("undef");
        }
        if (value == 127) {
            return Optional.of("^?");
        }
        if (value < 32) {
            return Optional.of("^" + (char) (value + 64));
        }
        if (value < 127 && value != ' ') {
            return Optional.of(String.valueOf((char) value));
        }
        return Optional.empty();
    }
}

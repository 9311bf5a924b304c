package dev.jhosts.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A key that jhosts takes for itself while a session has the terminal (detach, next or previous
 * session), as the bytes the terminal sends for it. Written in settings as {@code ^X} (a control
 * character), {@code F1}…{@code F12}, {@code S-F1}…{@code S-F12} (with Shift), or {@code none}.
 *
 * <p>The function keys are matched as xterm (and tmux, and the Linux console for F5–F12) sends
 * them; a key must arrive whole in one read, which a terminal's one write per key gives, so that a
 * lone Esc is never held back from the remote program.
 *
 * @param name as written in settings, for help texts
 * @param bytes what the terminal sends; empty for none
 */
public record SessionKey(String name, byte[] bytes) {
    public static final SessionKey NONE = new SessionKey("none", new byte[0]);

    /** xterm's sequences: F1–F4 are SS3 P–S, F5–F12 are CSI n ~ (ctlseqs, "PC-Style Function Keys"). */
    private static final Map<Integer, String> FUNCTION_CODES = Map.of(
            5, "15", 6, "17", 7, "18", 8, "19", 9, "20", 10, "21", 11, "23", 12, "24");

    public SessionKey {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isNone() {
        return bytes.length == 0;
    }

    /** Whether the key's bytes start at {@code offset} in {@code data}, before {@code end}. */
    boolean matchesAt(byte[] data, int offset, int end) {
        if (bytes.length == 0 || end - offset < bytes.length) {
            return false;
        }
        return Arrays.equals(bytes, 0, bytes.length, data, offset, offset + bytes.length);
    }

    int length() {
        return bytes.length;
    }

    /** The key written as {@code text}, if it is one of the forms above. */
    public static Optional<SessionKey> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("none")) {
            return Optional.of(NONE);
        }
        if (trimmed.length() == 2 && trimmed.charAt(0) == '^') {
            char control = Character.toUpperCase(trimmed.charAt(1));
            if (control >= '@' && control <= '_') {
                return Optional.of(new SessionKey("^" + control, new byte[] {(byte) (control & 0x1f)}));
            }
            return Optional.empty();
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        boolean shift = upper.startsWith("S-");
        String function = shift ? upper.substring(2) : upper;
        if (!function.matches("F([1-9]|1[0-2])")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(function.substring(1));
        String sequence;
        if (number <= 4) {
            char letter = (char) ('P' + number - 1);
            sequence = shift ? "\033[1;2" + letter : "\033O" + letter;
        } else {
            sequence = "\033[" + FUNCTION_CODES.get(number) + (shift ? ";2~" : "~");
        }
        return Optional.of(new SessionKey((shift ? "S-" : "") + function, sequence.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKey key && key.name.equals(name) && Arrays.equals(key.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return name;
    }
}

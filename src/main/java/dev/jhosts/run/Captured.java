package dev.jhosts.run;

import java.nio.charset.StandardCharsets;

/**
 * What one stream of one host printed, as kept for {@code --json}: at most {@link #LIMIT} bytes.
 *
 * @param bytes the first bytes printed
 * @param truncated whether more came than was kept
 */
public record Captured(byte[] bytes, boolean truncated) {
    /** The most kept per stream and host. */
    public static final int LIMIT = 8 << 20;

    public static final Captured NOTHING = new Captured(new byte[0], false);

    public Captured {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** As text (UTF-8; malformed bytes become U+FFFD). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

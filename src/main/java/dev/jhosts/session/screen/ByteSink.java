package dev.jhosts.session.screen;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for the sequences a repaint or a reply is made of. */
final class ByteSink {
    private byte[] bytes = new byte[256];
    private int length;

    ByteSink ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put(text.charAt(i));
        }
        return this;
    }

    ByteSink decimal(int value) {
        return ascii(Integer.toString(value));
    }

    ByteSink put(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
        return this;
    }

    ByteSink bytes(byte[] more) {
        for (byte b : more) {
            put(b);
        }
        return this;
    }

    /** Appends {@code codePoint} in UTF-8 (a lone surrogate or an invalid value as U+FFFD). */
    ByteSink codePoint(int codePoint) {
        if (codePoint < 0x80) {
            return put(codePoint);
        }
        if (codePoint >= 0xd800 && codePoint <= 0xdfff || codePoint > 0x10ffff) {
            codePoint = 0xfffd;
        }
        if (codePoint < 0x800) {
            return put(0xc0 | codePoint >> 6).put(0x80 | codePoint & 0x3f);
        }
        if (codePoint < 0x10000) {
            return put(0xe0 | codePoint >> 12).put(0x80 | codePoint >> 6 & 0x3f).put(0x80 | codePoint & 0x3f);
        }
        return put(0xf0 | codePoint >> 18).put(0x80 | codePoint >> 12 & 0x3f)
                .put(0x80 | codePoint >> 6 & 0x3f).put(0x80 | codePoint & 0x3f);
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}

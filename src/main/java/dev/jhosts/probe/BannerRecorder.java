package dev.jhosts.probe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Passes the server's bytes on to JSch and notes its identification line (RFC 4253 §4.2: the
 * first line starting {@code SSH-}; lines before it may be anything) and when it arrived. The
 * line comes from the network: it is kept printable before anyone shows it.
 */
final class BannerRecorder extends FilterInputStream {
    /** RFC 4253: the identification string is at most 255 characters with its CR LF. */
    private static final int MAX_LINE = 255;
    /** Lines before the banner that are looked at; JSch itself gives up much later. */
    private static final int MAX_PRE_BANNER_BYTES = 64 * 1024;

    private final StringBuilder line = new StringBuilder();
    private int seen;
    private volatile String banner;
    private volatile long arrivedNanos;

    BannerRecorder(InputStream in) {
        super(in);
    }

    /** The banner, once its line has ended. */
    Optional<String> banner() {
        return Optional.ofNullable(banner);
    }

    /** {@link System#nanoTime()} when the banner's line ended; only with {@link #banner()}. */
    long arrivedNanos() {
        return arrivedNanos;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            note((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        for (int i = 0; i < count && banner == null && seen < MAX_PRE_BANNER_BYTES; i++) {
            note(buffer[offset + i]);
        }
        return count;
    }

    private void note(byte b) {
        if (banner != null || seen >= MAX_PRE_BANNER_BYTES) {
            return;
        }
        seen++;
        if (b == '\n') {
            String text = line.toString();
            line.setLength(0);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.startsWith("SSH-")) {
                arrivedNanos = System.nanoTime();
                banner = printable(text);
            }
        } else if (line.length() < MAX_LINE) {
            line.append((char) (b & 0xff));
        }
    }

    /** Control and non-ASCII characters become '?': a banner must not drive the user's terminal. */
    static String printable(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return out.toString();
    }
}

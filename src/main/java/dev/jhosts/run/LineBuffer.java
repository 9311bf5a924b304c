package dev.jhosts.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of one stream to whole lines (without their LF), as they come; a line longer than
 * {@link #MAX_LINE} bytes is cut there, so that a stream without newlines cannot grow it
 * without bound. Not thread-safe: one per stream of one host.
 */
public final class LineBuffer {
    public static final int MAX_LINE = 64 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** The lines completed by these bytes. */
    public List<String> add(byte[] bytes, int offset, int length) {
        List<String> lines = new ArrayList<>();
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                lines.add(take());
                start = i + 1;
            } else if (pending.size() + (i - start) >= MAX_LINE) {
                pending.write(bytes, start, i - start);
                lines.add(take());
                start = i;
            }
        }
        pending.write(bytes, start, offset + length - start);
        return lines;
    }

    /** The last line, when the stream ended without a LF after it. */
    public List<String> finish() {
        return pending.size() == 0 ? List.of() : List.of(take());
    }

    private String take() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}

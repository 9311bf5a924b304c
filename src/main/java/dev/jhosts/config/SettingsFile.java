package dev.jhosts.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The text of one settings file (the user's file or a file it includes), read only when it is
 * a regular file of bounded size: a FIFO, {@code /dev/zero} or a terminal would make the
 * configuration parser wait or read for ever.
 *
 * @param path the file, as named
 * @param text its content
 */
record SettingsFile(Path path, String text) {
    /** Far more than any settings file needs (100,000 host entries fit). */
    static final long MAX_BYTES = 8L << 20;

    /** Reads {@code path}; every problem is a {@link SettingsException} without a line. */
    static SettingsFile read(Path path) throws SettingsException {
        String problem = problemWith(path);
        if (problem != null) {
            throw new SettingsException(path, 0, problem, null);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new SettingsException(path, 0, "larger than " + (MAX_BYTES >> 20) + " MiB; not read", null);
            }
            return new SettingsFile(path, utf8(path, bytes));
        } catch (NoSuchFileException e) {
            throw new SettingsException(path, 0, "no such file", e);
        } catch (IOException e) {
            throw new SettingsException(path, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * {@code bytes} decoded as UTF-8, which HOCON requires; anything else is refused at its line
     * rather than read as replacement characters (a Latin-1 file would otherwise give a host name
     * or a path that is not the one written).
     */
    private static String utf8(Path path, byte[] bytes) throws SettingsException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new SettingsException(path, line, String.format("not UTF-8: byte %d of the line is 0x%02x; "
                    + "save the file as UTF-8", offset - lineStart + 1, bytes[offset] & 0xff), null);
        }
        return out.flip().toString();
    }

    /** Why {@code path} cannot be read as settings, or null when it can. */
    static String problemWith(Path path) {
        if (!Files.exists(path)) {
            return "no such file";
        }
        if (!Files.isRegularFile(path)) {
            return Files.isDirectory(path) ? "is a directory, not a settings file"
                    : "not a regular file (a device, FIFO or socket); not read";
        }
        if (!Files.isReadable(path)) {
            return "cannot be read (permission denied)";
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                return "larger than " + (MAX_BYTES >> 20) + " MiB; not read";
            }
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        }
        return null;
    }

    /**
     * The line of the {@code include} statement that names {@code name} (Typesafe Config does
     * not tell an includer where the statement stands), else of the first line naming it, else 0.
     */
    int lineOfInclude(String name) {
        String quoted = "\"" + name + "\"";
        Pattern include = Pattern.compile("^\\s*include\\b");
        String[] lines = text.split("\n", -1);
        int mention = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(quoted) || lines[i].contains(name)) {
                if (include.matcher(lines[i]).find() || lines[i].contains("include ")) {
                    return i + 1;
                }
                mention = mention == 0 ? i + 1 : mention;
            }
        }
        return mention;
    }
}

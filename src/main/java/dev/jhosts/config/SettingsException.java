package dev.jhosts.config;

import java.nio.file.Path;

/**
 * A settings file that cannot be used; {@link #getMessage()} is one line: {@code FILE:LINE: what}.
 * Whatever {@code what} quotes from the file is escaped and, past {@value #MAX_WHAT} characters,
 * cut in the middle, so that no file (a key of megabytes, a path of control characters) can make
 * the line unreadable.
 */
public final class SettingsException extends Exception {
    /** The longest {@code what}: about a line and a half of a wide terminal. */
    static final int MAX_WHAT = 300;

    private final Path file;
    private final int line;
    private final String what;

    public SettingsException(Path file, int line, String what, Throwable cause) {
        super(Printable.escaped(file.toString()) + (line > 0 ? ":" + line : "") + ": " + bounded(what), cause);
        this.file = file;
        this.line = line;
        this.what = bounded(what);
    }

    public Path file() {
        return file;
    }

    /** The line in {@link #file()}, or 0 when the problem has no line (an unreadable file). */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    String what() {
        return what;
    }

    private static String bounded(String what) {
        String escaped = Printable.escaped(what);
        if (escaped.length() <= MAX_WHAT) {
            return escaped;
        }
        int head = MAX_WHAT - MAX_WHAT / 4 - 3;
        int tail = escaped.length() - MAX_WHAT / 4;
        // never half of a surrogate pair on either side of the cut
        head -= Character.isHighSurrogate(escaped.charAt(head - 1)) ? 1 : 0;
        tail += Character.isLowSurrogate(escaped.charAt(tail)) ? 1 : 0;
        return escaped.substring(0, head) + "..." + escaped.substring(tail);
    }
}

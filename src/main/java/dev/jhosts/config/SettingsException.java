package dev.jhosts.config;

import java.nio.file.Path;

/** A settings file that cannot be used; {@link #getMessage()} is one line: {@code FILE:LINE: what}. */
public final class SettingsException extends Exception {
    private final Path file;
    private final int line;

    public SettingsException(Path file, int line, String what, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The line in {@link #file()}, or 0 when the problem has no line (an unreadable file). */
    public int line() {
        return line;
    }
}

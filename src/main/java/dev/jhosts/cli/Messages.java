package dev.jhosts.cli;

import dev.jhosts.config.Printable;

/**
 * The lines jhosts' commands print about what they did: each one line, its text escaped by
 * {@link Printable}, since it may hold a host name from the command line, a value from a config
 * file or what a server sent, any of which can carry line breaks and terminal escape sequences.
 */
final class Messages {
    private Messages() {}

    /** {@code jhosts: TEXT}: an error or a note on stderr. */
    static String line(String text) {
        return "jhosts: " + Printable.oneLine(text);
    }

    /** {@code jhosts: warning: TEXT}. */
    static String warning(String text) {
        return "jhosts: warning: " + Printable.oneLine(text);
    }

    /** A line of a command's output (a table row, a probe's result) as it is, but escaped: one line. */
    static String output(String text) {
        return Printable.escaped(text);
    }
}

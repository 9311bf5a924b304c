package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits ssh_config lines as OpenSSH 9.x does ({@code process_config_line_depth},
 * {@code strdelim} and {@code argv_split} in readconf.c and misc.c).
 *
 * <ul>
 *   <li>the line ends at its first NUL byte (ssh reads it as a C string) and trailing
 *       whitespace (space, tab, CR, LF, form feed) is dropped;
 *   <li>the keyword ends at whitespace, a double quote or one {@code =}, so {@code Key value},
 *       {@code Key=value} and {@code Key = value} are the same; a keyword starting with
 *       {@code #} makes the line a comment;
 *   <li>arguments are split on spaces and tabs; single and double quotes group, backslash
 *       escapes a quote, a backslash or (outside quotes) a space; a word that starts with
 *       {@code #} ends the arguments, a {@code #} inside a word does not.
 * </ul>
 */
final class ConfigLineParser {
    private static final ConfigLine BLANK = new ConfigLine.Blank();

    private final Set<String> keywordsWithArguments;

    /** Arguments are split only for {@code keywordsWithArguments} (lower case), to keep reading cheap. */
    ConfigLineParser(Set<String> keywordsWithArguments) {
        this.keywordsWithArguments = Set.copyOf(keywordsWithArguments);
    }

    ConfigLine parse(byte[] bytes, int start, int end) {
        int limit = start;
        while (limit < end && bytes[limit] != 0) {
            limit++;
        }
        while (limit > start && isTrailingSpace(bytes[limit - 1])) {
            limit--;
        }
        Cursor cursor = new Cursor(bytes, start, limit);
        Word keyword = cursor.delimited();
        if (keyword != null && keyword.isEmpty()) {
            keyword = cursor.delimited();
        }
        if (keyword == null || keyword.isEmpty()) {
            return BLANK;
        }
        if (bytes[keyword.start] == '#') {
            return new ConfigLine.Comment(text(bytes, keyword.start + 1, limit));
        }
        String name = keyword.text(bytes).toLowerCase(Locale.ROOT);
        int rest = cursor.skipWhitespace();
        if (rest >= limit) {
            return new ConfigLine.Malformed(name, "no argument after keyword \"" + name + "\"");
        }
        int restAfterEquals = rest;
        while (restAfterEquals < limit && (isWhitespace(bytes[restAfterEquals]) || bytes[restAfterEquals] == '=')) {
            restAfterEquals++;
        }
        String restText = text(bytes, restAfterEquals, limit);
        if (!keywordsWithArguments.contains(name)) {
            return new ConfigLine.Directive(name, List.of(), restText, "");
        }
        List<String> arguments = new ArrayList<>(4);
        int commentStart = splitArguments(bytes, rest, limit, arguments);
        if (commentStart == INVALID_QUOTES) {
            return new ConfigLine.Malformed(name, "invalid quotes");
        }
        String comment = commentStart < 0 ? "" : text(bytes, commentStart + 1, limit);
        return new ConfigLine.Directive(name, arguments, restText, comment);
    }

    private static final int INVALID_QUOTES = -2;

    /**
     * OpenSSH's argv_split with terminate_on_comment: adds the words to {@code into}; returns the
     * index of the {@code #} that ended them, -1 when none did, or {@link #INVALID_QUOTES}.
     */
    private static int splitArguments(byte[] bytes, int from, int to, List<String> into) {
        byte[] word = new byte[to - from];
        int i = from;
        while (i < to) {
            byte c = bytes[i];
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                return i;
            }
            int length = 0;
            byte quote = 0;
            for (; i < to; i++) {
                c = bytes[i];
                if (c == '\\' && i + 1 < to && isEscapable(bytes[i + 1], quote)) {
                    i++;
                    word[length++] = bytes[i];
                } else if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    word[length++] = c;
                }
            }
            if (quote != 0) {
                return INVALID_QUOTES;
            }
            into.add(new String(word, 0, length, StandardCharsets.UTF_8));
        }
        return -1;
    }

    private static boolean isEscapable(byte next, byte quote) {
        return next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' ');
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isTrailingSpace(byte c) {
        return isWhitespace(c) || c == '\f';
    }

    private static String text(byte[] bytes, int from, int to) {
        return from >= to ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** A word of the line: bytes [start, end) with an optional hole where a quote was removed. */
    private record Word(int start, int end, int quoteAt) {
        boolean isEmpty() {
            return end - start - (quoteAt >= 0 ? 1 : 0) <= 0;
        }

        String text(byte[] bytes) {
            if (quoteAt < 0) {
                return ConfigLineParser.text(bytes, start, end);
            }
            return ConfigLineParser.text(bytes, start, quoteAt) + ConfigLineParser.text(bytes, quoteAt + 1, end);
        }
    }

    /** OpenSSH's strdelim over one line: words end at whitespace, a quote, or one '='. */
    private static final class Cursor {
        private final byte[] bytes;
        private final int limit;
        private int position;
        private boolean exhausted;

        Cursor(byte[] bytes, int start, int limit) {
            this.bytes = bytes;
            this.position = start;
            this.limit = limit;
        }

        /** The next word, or null when the line has none left or a quote is not closed. */
        Word delimited() {
            if (exhausted) {
                return null;
            }
            int old = position;
            int stop = old;
            while (stop < limit && !isWhitespace(bytes[stop]) && bytes[stop] != '"' && bytes[stop] != '=') {
                stop++;
            }
            if (stop >= limit) {
                exhausted = true;
                position = limit;
                return new Word(old, limit, -1);
            }
            if (bytes[stop] == '"') {
                int close = stop + 1;
                while (close < limit && bytes[close] != '"') {
                    close++;
                }
                if (close >= limit) {
                    exhausted = true;
                    return null;
                }
                position = skipWhitespaceFrom(close + 1);
                return new Word(old, close, stop);
            }
            boolean separatorWasEquals = bytes[stop] == '=';
            position = skipWhitespaceFrom(stop + 1);
            if (!separatorWasEquals && position < limit && bytes[position] == '=') {
                position = skipWhitespaceFrom(position + 1);
            }
            return new Word(old, stop, -1);
        }

        int skipWhitespace() {
            return exhausted ? limit : skipWhitespaceFrom(position);
        }

        private int skipWhitespaceFrom(int index) {
            while (index < limit && isWhitespace(bytes[index])) {
                index++;
            }
            return index;
        }
    }
}

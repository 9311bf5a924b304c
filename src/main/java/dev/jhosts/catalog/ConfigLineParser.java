package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 *
 * Lines with keywords the catalogue does not read cost one pass over their bytes and no
 * allocation. Not thread-safe: one parser per reader.
 */
final class ConfigLineParser {
    private static final ConfigLine BLANK = new ConfigLine.Blank();
    private static final ConfigLine ORDINARY_COMMENT = new ConfigLine.Comment("");
    private static final ConfigLine OTHER = new ConfigLine.Directive(Keyword.OTHER, List.of(), "", "");
    private static final int INVALID_QUOTES = -2;

    private final byte[] commentMarker;
    private final Cursor cursor = new Cursor();
    private byte[] word = new byte[256];

    /** Comments whose text starts with {@code commentMarker} (after blanks, ignoring case) are kept. */
    ConfigLineParser(String commentMarker) {
        this.commentMarker = commentMarker.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    ConfigLine parse(byte[] bytes, int start, int end) {
        int limit = start;
        while (limit < end && bytes[limit] != 0) {
            limit++;
        }
        while (limit > start && isTrailingSpace(bytes[limit - 1])) {
            limit--;
        }
        cursor.reset(bytes, start, limit);
        boolean found = cursor.next();
        if (found && cursor.wordIsEmpty()) {
            found = cursor.next();
        }
        if (!found || cursor.wordIsEmpty()) {
            return BLANK;
        }
        if (bytes[cursor.wordStart] == '#') {
            return comment(bytes, cursor.wordStart + 1, limit);
        }
        Keyword keyword = cursor.quoteAt < 0
                ? Keyword.of(bytes, cursor.wordStart, cursor.wordEnd)
                : keywordNamed(cursor.wordText());
        int rest = cursor.skipWhitespace();
        if (rest >= limit) {
            String name = keyword == Keyword.OTHER ? cursor.wordText().toLowerCase(Locale.ROOT) : keyword.text();
            return new ConfigLine.Malformed(name, "no argument after keyword \"" + name + "\"");
        }
        switch (keyword.needs()) {
            case NOTHING:
                return OTHER;
            case REST:
                int from = rest;
                while (from < limit && (isWhitespace(bytes[from]) || bytes[from] == '=')) {
                    from++;
                }
                return new ConfigLine.Directive(keyword, List.of(), text(bytes, from, limit), "");
            default:
                List<String> arguments = new ArrayList<>(4);
                int commentStart = splitArguments(bytes, rest, limit, arguments);
                if (commentStart == INVALID_QUOTES) {
                    return new ConfigLine.Malformed(keyword.text(), "invalid quotes");
                }
                String comment = commentStart < 0 ? "" : text(bytes, commentStart + 1, limit);
                String whole = keyword.needs() == Keyword.Needs.ARGUMENTS_AND_REST ? text(bytes, rest, limit) : "";
                return new ConfigLine.Directive(keyword, arguments, whole, comment);
        }
    }

    private static Keyword keywordNamed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Keyword.of(bytes, 0, bytes.length);
    }

    private ConfigLine comment(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        if (to - i < commentMarker.length || !AsciiCase.regionMatches(commentMarker, bytes, i)) {
            return ORDINARY_COMMENT;
        }
        return new ConfigLine.Comment(text(bytes, from, to));
    }

    /**
     * OpenSSH's argv_split with terminate_on_comment: adds the words to {@code into}; returns the
     * index of the {@code #} that ended them, -1 when none did, or {@link #INVALID_QUOTES}.
     */
    private int splitArguments(byte[] bytes, int from, int to, List<String> into) {
        if (word.length < to - from) {
            word = new byte[to - from];
        }
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

    /**
     * OpenSSH's strdelim over one line: words end at whitespace, a double quote or one '='. The
     * current word is [wordStart, wordEnd) less the byte at quoteAt (a removed opening quote).
     */
    private static final class Cursor {
        private byte[] bytes;
        private int limit;
        private int position;
        private boolean exhausted;
        int wordStart;
        int wordEnd;
        int quoteAt;

        void reset(byte[] bytes, int start, int limit) {
            this.bytes = bytes;
            this.position = start;
            this.limit = limit;
            this.exhausted = false;
        }

        /** Moves to the next word; false when the line has none left or a quote is not closed. */
        boolean next() {
            if (exhausted) {
                return false;
            }
            int old = position;
            int stop = old;
            while (stop < limit && !isWhitespace(bytes[stop]) && bytes[stop] != '"' && bytes[stop] != '=') {
                stop++;
            }
            quoteAt = -1;
            wordStart = old;
            if (stop >= limit) {
                exhausted = true;
                position = limit;
                wordEnd = limit;
                return true;
            }
            if (bytes[stop] == '"') {
                int close = stop + 1;
                while (close < limit && bytes[close] != '"') {
                    close++;
                }
                if (close >= limit) {
                    exhausted = true;
                    return false;
                }
                position = skipWhitespaceFrom(close + 1);
                wordEnd = close;
                quoteAt = stop;
                return true;
            }
            boolean separatorWasEquals = bytes[stop] == '=';
            position = skipWhitespaceFrom(stop + 1);
            if (!separatorWasEquals && position < limit && bytes[position] == '=') {
                position = skipWhitespaceFrom(position + 1);
            }
            wordEnd = stop;
            return true;
        }

        boolean wordIsEmpty() {
            return wordEnd - wordStart - (quoteAt >= 0 ? 1 : 0) <= 0;
        }

        String wordText() {
            if (quoteAt < 0) {
                return text(bytes, wordStart, wordEnd);
            }
            return text(bytes, wordStart, quoteAt) + text(bytes, quoteAt + 1, wordEnd);
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

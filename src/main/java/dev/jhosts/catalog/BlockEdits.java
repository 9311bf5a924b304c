package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The text changes of a host edit, made the way a careful person makes them in an editor: a
 * value is changed on its own line (indentation, keyword spelling, separator and a trailing
 * comment kept); an option the block lacks is one new line after the block's last option, with
 * the indentation and line ending the file already uses; nothing else moves.
 *
 * <p>Where a block ends: at the next Host or Match line, less the blank lines and comments right
 * above it (not indented deeper than that line), which belong to the next block; the comments
 * right above a Host line (no blank line between) belong to its block, so removing the block
 * removes them and leaves its neighbours' comments alone.
 */
final class BlockEdits {
    /** One option to set in the block: {@code value} as written in the file, empty to remove the option. */
    record Change(String keyword, String value) {}

    /**
     * A block: {@code header} is its Host line, {@code lead} the first of the comment lines that
     * belong to it above the header, {@code end} the index after its last line, {@code optionsEnd}
     * the index after its last option before any Include line (the header's next line when it has none).
     */
    record Block(int lead, int header, int optionsEnd, int end) {}

    private BlockEdits() {}

    static Block block(ConfigDocument document, int header) {
        int next = header + 1;
        while (next < document.size() && !document.line(next).opensBlock()) {
            next++;
        }
        String nextIndentation = next < document.size()
                ? document.line(next).indentation() : document.line(header).indentation();
        int end = next;
        while (end > header + 1 && belongsToNext(document.line(end - 1), nextIndentation)) {
            end--;
        }
        // A new option goes after the last option before any Include of the block: what the
        // Included file sets comes at the Include's place, and the first value wins.
        int optionsEnd = header + 1;
        for (int i = header + 1; i < end && !document.line(i).is("include"); i++) {
            if (!document.line(i).keyword().isEmpty()) {
                optionsEnd = i + 1;
            }
        }
        String indentation = document.line(header).indentation();
        int lead = header;
        while (lead > 0 && document.line(lead - 1).isComment()
                && document.line(lead - 1).indentation().length() <= indentation.length()) {
            lead--;
        }
        return new Block(lead, header, optionsEnd, end);
    }

    private static boolean belongsToNext(ConfigDocument.Line line, String nextIndentation) {
        return line.isBlank() || (line.isComment() && line.indentation().length() <= nextIndentation.length());
    }

    /** The block's options changed; changes apply in order. */
    static ConfigDocument set(ConfigDocument document, int header, List<Change> changes) {
        ConfigDocument current = document;
        for (Change change : changes) {
            current = setOne(current, header, change);
        }
        return current;
    }

    private static ConfigDocument setOne(ConfigDocument document, int header, Change change) {
        Block block = block(document, header);
        List<ConfigDocument.Line> lines = new ArrayList<>(document.lines());
        if (change.value().isEmpty()) {
            // Every line of the option goes: for most options ssh takes the first, so removing
            // only that one would bring the next into effect.
            for (int i = block.end() - 1; i > header; i--) {
                if (lines.get(i).is(change.keyword())) {
                    lines.remove(i);
                }
            }
            return ConfigDocument.of(lines);
        }
        for (int i = header + 1; i < block.end(); i++) {
            if (lines.get(i).is(change.keyword())) {
                lines.set(i, lines.get(i).withText(withValue(lines.get(i).text(), change.value())));
                return ConfigDocument.of(lines);
            }
        }
        String ending = lines.get(header).ending().isEmpty() ? document.ending() : lines.get(header).ending();
        String indentation = blockIndentation(document, block);
        insert(lines, block.optionsEnd(), List.of(indentation + change.keyword() + " " + change.value()), ending);
        return ConfigDocument.of(lines);
    }

    private static String blockIndentation(ConfigDocument document, Block block) {
        for (int i = block.header() + 1; i < block.end(); i++) {
            if (!document.line(i).keyword().isEmpty()) {
                return document.line(i).indentation();
            }
        }
        return document.optionIndentation();
    }

    /**
     * Inserts {@code texts} at {@code at}; a last line without an ending gets one first, and
     * a file that ended without a line ending still does.
     */
    private static void insert(List<ConfigDocument.Line> lines, int at, List<String> texts, String ending) {
        boolean endedWithoutEnding = at == lines.size() && at > 0 && lines.get(at - 1).ending().isEmpty();
        if (at > 0 && lines.get(at - 1).ending().isEmpty()) {
            lines.set(at - 1, lines.get(at - 1).withEnding(ending));
        }
        List<ConfigDocument.Line> added = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            boolean last = i == texts.size() - 1;
            added.add(new ConfigDocument.Line(texts.get(i), last && endedWithoutEnding ? "" : ending));
        }
        lines.addAll(at, added);
    }

    /**
     * The lines of the block at {@code header} that hold a {@code # jhosts:} comment, as the
     * catalogue reads them: the Host line (a trailing comment) and the comment lines up to the
     * next Host or Match line.
     */
    static List<Integer> notesLines(ConfigDocument document, int header) {
        List<Integer> found = new ArrayList<>();
        for (int i = header; i < document.size() && (i == header || !document.line(i).opensBlock()); i++) {
            if (notesStart(document.line(i), i == header) >= 0) {
                found.add(i);
            }
        }
        return found;
    }

    /** The text of the notes comment of {@code line} after its {@code #}; empty when it has none. */
    static String notesText(ConfigDocument.Line line, boolean hostLine) {
        int hash = commentStart(line.text(), hostLine);
        return hash < 0 ? "" : line.text().substring(hash + 1);
    }

    /**
     * The block at {@code header} with its notes set to {@code notes}: the notes comment at line
     * {@code at} rewritten in place from its {@code jhosts:} on (what comes before kept: the
     * indentation, the Host line's words); without one ({@code at} negative), one new comment line
     * after the block's last option, indented as its options; empty notes remove the comment line
     * (on the Host line, the trailing comment and the blanks before it).
     */
    static ConfigDocument setNotes(ConfigDocument document, int header, int at, String notesComment) {
        List<ConfigDocument.Line> lines = new ArrayList<>(document.lines());
        if (at < 0) {
            if (notesComment.isEmpty()) {
                return document;
            }
            Block block = block(document, header);
            String ending = lines.get(header).ending().isEmpty() ? document.ending() : lines.get(header).ending();
            insert(lines, block.optionsEnd(), List.of(blockIndentation(document, block) + "# " + notesComment), ending);
            return ConfigDocument.of(lines);
        }
        ConfigDocument.Line line = lines.get(at);
        String text = line.text();
        if (notesComment.isEmpty()) {
            if (at == header) {
                int hash = commentStart(text, true);
                int end = hash;
                while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                    end--;
                }
                lines.set(at, line.withText(text.substring(0, end)));
            } else {
                lines.remove(at);
            }
            return ConfigDocument.of(lines);
        }
        lines.set(at, line.withText(text.substring(0, notesStart(line, at == header)) + notesComment));
        return ConfigDocument.of(lines);
    }

    /** Where {@code jhosts:} starts in the line's notes comment; negative when it has none. */
    private static int notesStart(ConfigDocument.Line line, boolean hostLine) {
        int hash = commentStart(line.text(), hostLine);
        if (hash < 0) {
            return -1;
        }
        int start = skipBlanks(line.text(), hash + 1);
        return line.text().regionMatches(true, start, NotesComment.MARKER, 0, NotesComment.MARKER.length()) ? start : -1;
    }

    /** Where the line's comment starts (its {@code #}): a comment line's, or a Host line's trailing one; else negative. */
    private static int commentStart(String text, boolean hostLine) {
        if (!hostLine) {
            return text.stripLeading().startsWith("#") ? text.indexOf('#') : -1;
        }
        List<Word> words = words(text, afterKeyword(text));
        int after = skipBlanks(text, words.isEmpty() ? afterKeyword(text) : words.get(words.size() - 1).end());
        return after < text.length() && text.charAt(after) == '#' ? after : -1;
    }

    /** {@code text} with the value after its keyword replaced; a trailing comment stays. */
    static String withValue(String text, String value) {
        int valueStart = afterKeyword(text);
        if (valueStart < text.length() && text.charAt(valueStart) == '=') {
            valueStart = skipBlanks(text, valueStart + 1);
        }
        List<Word> words = words(text, valueStart);
        int valueEnd = words.isEmpty() ? valueStart : words.get(words.size() - 1).end();
        return text.substring(0, valueStart) + value + text.substring(valueEnd);
    }

    /** The value of an option line as ssh reads it: its words, unquoted, joined by a blank. */
    static String value(String text) {
        int valueStart = afterKeyword(text);
        if (valueStart < text.length() && text.charAt(valueStart) == '=') {
            valueStart = skipBlanks(text, valueStart + 1);
        }
        return String.join(" ", words(text, valueStart).stream().map(Word::text).toList());
    }

    /** A word of a line: where it is, and its text with quotes and escapes removed. */
    private record Word(int start, int end, String text) {}

    /** Where the words after the keyword start: past the indentation, the keyword and the blanks after it. */
    private static int afterKeyword(String text) {
        int i = skipBlanks(text, 0);
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '=') {
            i++;
        }
        return skipBlanks(text, i);
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * The words from {@code from} on, split as ssh's argv_split splits them (blanks separate;
     * quotes group; a backslash escapes a quote, a backslash or, outside quotes, a blank), up to
     * a word starting with {@code #}, which starts a comment.
     */
    private static List<Word> words(String text, int from) {
        List<Word> words = new ArrayList<>();
        int position = from;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\t') {
                position++;
                continue;
            }
            if (c == '#') {
                break;
            }
            int start = position;
            StringBuilder word = new StringBuilder();
            char quote = 0;
            for (; position < text.length(); position++) {
                c = text.charAt(position);
                if (c == '\\' && position + 1 < text.length() && escapable(text.charAt(position + 1), quote)) {
                    word.append(text.charAt(++position));
                } else if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            }
            words.add(new Word(start, position, word.toString()));
        }
        return words;
    }

    private static boolean escapable(char next, char quote) {
        return next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' ');
    }

    /** The document without the block at {@code header}, its own leading comments with it. */
    static ConfigDocument removeBlock(ConfigDocument document, int header) {
        Block block = block(document, header);
        List<ConfigDocument.Line> lines = new ArrayList<>(document.lines());
        int from = block.lead();
        int to = block.end();
        // One blank line between the neighbours stays: the blanks after the block go when there
        // is one before it (or it starts the file).
        if (from == 0 || lines.get(from - 1).isBlank()) {
            while (to < lines.size() && lines.get(to).isBlank()) {
                to++;
            }
        }
        if (to == lines.size()) {
            // The last block: the blank lines that separated it go too.
            while (from > 0 && lines.get(from - 1).isBlank()) {
                from--;
            }
        }
        lines.subList(from, to).clear();
        return ConfigDocument.of(lines);
    }

    /** The Host line at {@code header} without the word {@code alias}. */
    static ConfigDocument removeName(ConfigDocument document, int header, String alias) {
        List<ConfigDocument.Line> lines = new ArrayList<>(document.lines());
        ConfigDocument.Line line = lines.get(header);
        lines.set(header, line.withText(withoutWord(line.text(), alias)));
        return ConfigDocument.of(lines);
    }

    /**
     * {@code alias} moved out of the several-name Host line at {@code header} into a block of its
     * own, right after the original one, with a copy of its lines; returns the document and the
     * new block's header index.
     */
    static Split split(ConfigDocument document, int header, String alias) {
        Block block = block(document, header);
        List<ConfigDocument.Line> lines = new ArrayList<>(document.lines());
        ConfigDocument.Line original = lines.get(header);
        lines.set(header, original.withText(withoutWord(original.text(), alias)));
        String ending = original.ending().isEmpty() ? document.ending() : original.ending();
        List<String> texts = new ArrayList<>();
        boolean separated = block.end() < lines.size() && lines.get(block.end()).isBlank();
        if (separated) {
            texts.add("");
        }
        int newHeader = block.end() + texts.size();
        // The notes at the end of the shared Host line are the alias's too: they go with it.
        int notes = notesStart(original, true);
        texts.add(original.indentation() + original.keyword() + " " + alias
                + (notes < 0 ? "" : "   " + original.text().substring(commentStart(original.text(), true))));
        for (int i = header + 1; i < block.end(); i++) {
            texts.add(lines.get(i).text());
        }
        insert(lines, block.end(), texts, ending);
        return new Split(ConfigDocument.of(lines), newHeader);
    }

    record Split(ConfigDocument document, int header) {}

    /** Where a new host's block goes: before the Host * and Match blocks that end the file, else at its end. */
    static ConfigDocument addBlock(ConfigDocument document, String alias, List<Change> changes) {
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < document.size(); i++) {
            if (document.line(i).opensBlock()) {
                headers.add(i);
            }
        }
        int at = document.size();
        for (int h = headers.size() - 1; h >= 0 && catchAll(document.line(headers.get(h))); h--) {
            at = block(document, headers.get(h)).lead();
        }
        List<ConfigDocument.Line> lines = new ArrayList<>(document.lines());
        String ending = document.ending();
        String indentation = document.optionIndentation();
        List<String> texts = new ArrayList<>();
        if (at > 0 && !lines.get(at - 1).isBlank()) {
            texts.add("");
        }
        texts.add("Host " + alias);
        for (Change change : changes) {
            if (!change.value().isEmpty()) {
                texts.add(indentation + change.keyword() + " " + change.value());
            }
        }
        if (at < lines.size()) {
            texts.add("");
        }
        insert(lines, at, texts, ending);
        return ConfigDocument.of(lines);
    }

    /** A Match line, or a Host line that names no host alone (only patterns such as {@code *}). */
    private static boolean catchAll(ConfigDocument.Line header) {
        if (header.is("match")) {
            return true;
        }
        for (String word : ConfigDocument.arguments(header)) {
            if (!word.isEmpty() && HostPattern.of(word).isPlain() && !HostPattern.of(word).negated()) {
                return false;
            }
        }
        return true;
    }

    /** The Host line's text without the word naming {@code alias} (and the blanks that separated it). */
    static String withoutWord(String text, String alias) {
        List<Word> words = words(text, afterKeyword(text));
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (!word.text().equals(alias)) {
                continue;
            }
            if (i > 0) {
                // Not the first name: the blanks before it go with it.
                return text.substring(0, words.get(i - 1).end()) + text.substring(word.end());
            }
            return text.substring(0, word.start()) + text.substring(skipBlanks(text, word.end()));
        }
        return text;
    }
}

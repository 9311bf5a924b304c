package dev.jhosts.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text changes of an edit of one entry of jhosts' {@code hosts} setting (HOCON), made the way
 * a careful person makes them by hand: a value is replaced where it stands (its quoting kept when
 * the new value allows it), a field the entry lacks goes on a new line after its last field with
 * that line's indentation and line ending (inside an inline {@code { ... }} after its last field,
 * with the entry's own separators), a removed field takes its line only when it is alone on it;
 * nothing else moves. Comments, blank lines, tabs, CRLF and every other entry stay byte for byte.
 *
 * <p>The text is read by a small HOCON tokenizer that knows comments, quoted and triple-quoted
 * strings, substitutions, includes and the separators; an entry it cannot place exactly (built
 * with a substitution, from an include, listed twice, a field written twice) is refused with its
 * line rather than guessed at. What it writes is checked by jhosts' own settings loader before
 * anything is replaced ({@link SettingsHostEditor}).
 */
final class SettingsHostText {
    /** What ends an unquoted word in HOCON (besides whitespace and comments). */
    private static final String NOT_IN_UNQUOTED_TEXT = "$\"{}[]:=,+#`^?!@*&\\";
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    /** Unquoted words HOCON reads as something else than a string. */
    private static final Set<String> NOT_STRINGS = Set.of("true", "false", "null", "yes", "no", "on", "off",
            "include");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final int MAX_DEPTH = 200;

    /** One field's new value. */
    sealed interface Value {
        /** A string. */
        record Text(String text) implements Value {}

        /** A number as typed: written bare when it is digits, else quoted (and the loader says why not). */
        record Number(String typed) implements Value {}

        /** A list of strings (tags). */
        record Words(List<String> words) implements Value {
            public Words {
                words = List.copyOf(words);
            }
        }

        /** The field is removed. */
        record Absent() implements Value {}
    }

    /** One field of the entry set to {@code value}. */
    record Change(String key, Value value) {}

    /** The text cannot be edited safely; one line, naming the file and line. */
    static final class Unsafe extends Exception {
        private static final long serialVersionUID = 1L;

        Unsafe(String message) {
            super(message);
        }
    }

    private enum Kind {
        SPACE, NEWLINE, COMMENT, STRING, UNQUOTED, SUBSTITUTION, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET,
        COMMA, COLON, EQUALS, PLUS_EQUALS, END
    }

    private record Token(Kind kind, int start, int end, int line) {}

    /** A value: one or more pieces (tokens, objects, lists) written one after the other. */
    private record Written(List<Object> pieces, int start, int end) {
        boolean single(Class<?> type) {
            return pieces.size() == 1 && type.isInstance(pieces.get(0));
        }
    }

    private record Member(List<String> path, Token firstKey, int keyStart, int keyEnd, Kind separator, Written value) {}

    private record Include(int line) {}

    private record Obj(Token open, Token close, List<Member> members, List<Include> includes) {}

    private record Arr(Token open, Token close, List<Written> elements) {}

    private final Path file;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    private SettingsHostText(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** {@code text} with the fields of {@code alias}'s entry changed as {@code changes} say. */
    static String set(Path file, String text, String alias, List<Change> changes) throws Unsafe {
        SettingsHostText reader = new SettingsHostText(file, text);
        Obj entry = reader.entry(alias);
        List<Edit> edits = new ArrayList<>();
        for (Change change : changes) {
            reader.change(entry, change, edits);
        }
        return applied(text, edits);
    }

    /** {@code text} without {@code alias}'s entry (and the comment lines right above it, which are its own). */
    static String remove(Path file, String text, String alias) throws Unsafe {
        SettingsHostText reader = new SettingsHostText(file, text);
        Obj entry = reader.entry(alias);
        return applied(text, List.of(reader.removal(entry)));
    }

    private record Edit(int start, int end, String replacement) {}

    /**
     * {@code text} with the edits made from the last to the first, so that each offset still
     * holds; several new fields at one place go in the order of the changes.
     */
    private static String applied(String text, List<Edit> edits) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> edits.get(i).start()).thenComparingInt(i -> edits.get(i).end())
                .thenComparingInt(i -> i).reversed());
        StringBuilder result = new StringBuilder(text);
        for (int i : order) {
            Edit edit = edits.get(i);
            result.replace(edit.start(), edit.end(), edit.replacement());
        }
        return result.toString();
    }

    // ---- locating the entry

    private Obj entry(String alias) throws Unsafe {
        tokenize();
        Obj root = root();
        List<Obj> found = new ArrayList<>();
        List<Integer> opaque = new ArrayList<>();
        for (Member member : root.members()) {
            List<String> path = member.path();
            if (path.equals(List.of("hosts")) || path.equals(List.of("jhosts", "hosts"))) {
                entries(member, found, opaque);
            } else if (path.equals(List.of("jhosts")) && member.value().single(Obj.class)) {
                for (Member inner : ((Obj) member.value().pieces().get(0)).members()) {
                    if (inner.path().equals(List.of("hosts"))) {
                        entries(inner, found, opaque);
                    }
                }
            }
        }
        List<Obj> matches = found.stream().filter(entry -> alias.equals(aliasOf(entry))).toList();
        if (matches.size() > 1) {
            throw new Unsafe(where(matches.get(1).open().line()) + ": " + alias + " has another entry at line "
                    + matches.get(0).open().line() + ": remove one of them first");
        }
        if (matches.isEmpty()) {
            if (!opaque.isEmpty()) {
                throw new Unsafe(where(opaque.get(0)) + ": the hosts setting is built there with a substitution or "
                        + "an append, and jhosts cannot place the entry of " + alias + " in the text: edit it by hand");
            }
            throw new Unsafe(file + ": no entry of " + alias + " in a hosts = [ ... ] list of the file (changed "
                    + "since jhosts read it?); nothing written");
        }
        Obj entry = matches.get(0);
        checkPlain(entry, alias);
        return entry;
    }

    private void entries(Member member, List<Obj> found, List<Integer> opaque) {
        Written value = member.value();
        if (member.separator() != Kind.PLUS_EQUALS && value.single(Arr.class)) {
            for (Written element : ((Arr) value.pieces().get(0)).elements()) {
                if (element.single(Obj.class)) {
                    found.add((Obj) element.pieces().get(0));
                } else {
                    opaque.add(lineAt(element.start()));
                }
            }
        } else if (member.separator() == Kind.PLUS_EQUALS && value.single(Obj.class)) {
            found.add((Obj) value.pieces().get(0));
        } else {
            opaque.add(member.firstKey().line());
        }
    }

    private String aliasOf(Obj entry) {
        for (Member member : entry.members()) {
            if ((member.path().equals(List.of("alias")) || member.path().equals(List.of("name")))
                    && member.value().single(Token.class)) {
                Token token = (Token) member.value().pieces().get(0);
                if (token.kind() == Kind.STRING || token.kind() == Kind.UNQUOTED) {
                    return stringOf(token);
                }
            }
        }
        return "";
    }

    /** Refused when the entry holds what the tokenizer cannot vouch for: an include, a substitution, a dotted key. */
    private void checkPlain(Obj entry, String alias) throws Unsafe {
        if (!entry.includes().isEmpty()) {
            throw new Unsafe(where(entry.includes().get(0).line()) + ": the entry of " + alias + " includes another "
                    + "file; jhosts does not edit it: edit it by hand");
        }
        for (int i = tokens.indexOf(entry.open()); i < tokens.size() && tokens.get(i) != entry.close(); i++) {
            if (tokens.get(i).kind() == Kind.SUBSTITUTION) {
                throw new Unsafe(where(tokens.get(i).line()) + ": the entry of " + alias + " uses a substitution (${...}); "
                        + "jhosts does not edit what it cannot read as written: edit it by hand");
            }
        }
        for (Member member : entry.members()) {
            if (member.path().size() != 1 || member.value().pieces().stream().anyMatch(piece -> !(piece instanceof Token)
                    && !(piece instanceof Arr)) || member.separator() == Kind.PLUS_EQUALS) {
                throw new Unsafe(where(member.firstKey().line()) + ": the entry of " + alias + " has a field jhosts "
                        + "cannot edit safely (a dotted key, an object or +=): edit it by hand");
            }
        }
    }

    // ---- the changes

    private void change(Obj entry, Change change, List<Edit> edits) throws Unsafe {
        List<Member> same = entry.members().stream().filter(member -> member.path().get(0).equals(change.key())).toList();
        if (same.size() > 1) {
            throw new Unsafe(where(same.get(1).firstKey().line()) + ": the entry sets " + change.key() + " twice (also "
                    + "at line " + same.get(0).firstKey().line() + "): remove one first");
        }
        boolean quoted = quotedStyle(entry);
        if (same.size() == 1) {
            Member member = same.get(0);
            if (change.value() instanceof Value.Absent) {
                edits.add(fieldRemoval(entry, member));
                return;
            }
            if (member.value().pieces().size() != 1) {
                throw new Unsafe(where(member.firstKey().line()) + ": the value of " + change.key() + " is written in "
                        + "several pieces; jhosts does not rewrite it: edit it by hand");
            }
            Object piece = member.value().pieces().get(0);
            boolean wasQuoted = piece instanceof Token token ? token.kind() == Kind.STRING
                    : piece instanceof Arr list ? listQuoted(list, quoted) : quoted;
            if (piece instanceof Arr list && change.value() instanceof Value.Words words) {
                edits.add(new Edit(member.value().start(), member.value().end(), listRendered(list, words, wasQuoted)));
                return;
            }
            edits.add(new Edit(member.value().start(), member.value().end(), rendered(change.value(), wasQuoted)));
            return;
        }
        if (change.value() instanceof Value.Absent) {
            return;
        }
        edits.add(fieldAddition(entry, change.key(), rendered(change.value(), quoted)));
    }

    /** Whether the entry writes its strings quoted: as its alias is written. */
    private boolean quotedStyle(Obj entry) {
        for (Member member : entry.members()) {
            if (member.value().single(Token.class)) {
                Token token = (Token) member.value().pieces().get(0);
                if (token.kind() == Kind.STRING) {
                    return true;
                }
                if (token.kind() == Kind.UNQUOTED && !NUMBER.matcher(text(token)).matches()
                        && !NOT_STRINGS.contains(text(token))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean listQuoted(Arr list, boolean otherwise) {
        for (Written element : list.elements()) {
            if (element.single(Token.class)) {
                return ((Token) element.pieces().get(0)).kind() == Kind.STRING;
            }
        }
        return otherwise;
    }

    /**
     * The new list in the old one's layout: one element a line, with their indentation, commas and
     * line ending, when the old one is written so; else on one line. A list with comments
     * between its elements is refused: rewriting it would lose them.
     */
    private String listRendered(Arr list, Value.Words words, boolean quoted) throws Unsafe {
        int open = tokens.indexOf(list.open());
        int close = tokens.indexOf(list.close());
        for (int i = open; i < close; i++) {
            if (tokens.get(i).kind() == Kind.COMMENT) {
                throw new Unsafe(where(tokens.get(i).line()) + ": the list there has comments between its elements, "
                        + "which rewriting it would lose: edit it by hand");
            }
        }
        int afterOpen = open + 1;
        while (tokens.get(afterOpen).kind() == Kind.SPACE) {
            afterOpen++;
        }
        boolean oneALine = !list.elements().isEmpty() && tokens.get(afterOpen).kind() == Kind.NEWLINE
                && text.substring(lineStart(list.close().start()), list.close().start()).isBlank()
                && list.elements().stream().allMatch(element -> element.single(Token.class)
                        && text.substring(lineStart(element.start()), element.start()).isBlank()
                        && indexAfterValue(element.end()) < tokens.size()
                        && tokens.get(indexAfterValue(element.end())).kind() == Kind.NEWLINE);
        if (!oneALine) {
            return rendered(words, quoted);
        }
        String newline = text(tokens.get(afterOpen));
        Written first = list.elements().get(0);
        String indentation = text.substring(lineStart(first.start()), first.start());
        Written last = list.elements().get(list.elements().size() - 1);
        boolean lastComma = commaAfter(last.end()) >= 0;
        boolean commas = lastComma || (list.elements().size() > 1 && commaAfter(first.end()) >= 0);
        StringBuilder written = new StringBuilder(text.substring(list.open().start(), tokens.get(afterOpen).end()));
        for (int i = 0; i < words.words().size(); i++) {
            boolean comma = commas && (lastComma || i < words.words().size() - 1);
            written.append(indentation).append(word(words.words().get(i), quoted)).append(comma ? "," : "")
                    .append(newline);
        }
        return written.append(text, lineStart(list.close().start()), list.close().end()).toString();
    }

    private static String rendered(Value value, boolean quoted) {
        if (value instanceof Value.Text given) {
            return word(given.text(), quoted);
        }
        if (value instanceof Value.Number given) {
            return NUMBER.matcher(given.typed()).matches() ? given.typed() : quote(given.typed());
        }
        if (value instanceof Value.Words given) {
            List<String> words = new ArrayList<>();
            for (String word : given.words()) {
                words.add(word(word, quoted));
            }
            return "[" + String.join(", ", words) + "]";
        }
        return "";
    }

    private static String word(String value, boolean quoted) {
        boolean plain = PLAIN_WORD.matcher(value).matches() && !NOT_STRINGS.contains(value.toLowerCase(Locale.ROOT));
        return quoted || !plain ? quote(value) : value;
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** A new field after the entry's last: a line of its own in a multi-line entry, else inline. */
    private Edit fieldAddition(Obj entry, String key, String value) {
        Member last = entry.members().stream().max(Comparator.comparingInt(member -> member.value().end())).orElseThrow();
        Member first = entry.members().stream().min(Comparator.comparingInt(Member::keyStart)).orElseThrow();
        String keyText = text.charAt(first.keyStart()) == '"' ? quote(key) : key;
        String separator = text.substring(first.keyEnd(), first.value().start());
        String field = keyText + separator + value;
        int lineStart = lineStart(last.keyStart());
        boolean alone = text.substring(lineStart, last.keyStart()).isBlank();
        int after = indexAfterValue(last.value().end());
        int newline = after < tokens.size() && tokens.get(after).kind() == Kind.NEWLINE ? after : -1;
        if (alone && newline >= 0 && tokens.get(newline).start() < entry.close().start()) {
            // The last field ends its line: the new one is a line of the same shape below it.
            String indentation = text.substring(lineStart, last.keyStart());
            Token ending = tokens.get(newline);
            boolean lastHasComma = commaAfter(last.value().end()) >= 0;
            boolean othersHaveCommas = entry.members().stream().anyMatch(member -> member != last
                    && commaAfter(member.value().end()) >= 0);
            String line = indentation + field + (lastHasComma ? "," : "") + text.substring(ending.start(), ending.end());
            if (!lastHasComma && othersHaveCommas) {
                // Commas between fields only (JSON's way): the old last field gets one.
                return new Edit(last.value().end(), ending.end(), "," + text.substring(last.value().end(), ending.end())
                        + line);
            }
            return new Edit(ending.end(), ending.end(), line);
        }
        String between = ", ";
        List<Member> ordered = entry.members().stream().sorted(Comparator.comparingInt(Member::keyStart)).toList();
        if (ordered.size() > 1) {
            String gap = text.substring(ordered.get(0).value().end(), ordered.get(1).keyStart());
            if (!gap.contains("\n") && !gap.contains("#") && !gap.contains("//")) {
                between = gap.contains(",") ? gap : between;
            }
        }
        return new Edit(last.value().end(), last.value().end(), between + field);
    }

    /** A field taken out: its whole line when it is alone on it, else with the comma that separates it. */
    private Edit fieldRemoval(Obj entry, Member member) {
        int lineStart = lineStart(member.keyStart());
        boolean aloneBefore = text.substring(lineStart, member.keyStart()).isBlank();
        int after = indexAfterValue(member.value().end());
        if (aloneBefore && after < tokens.size() && tokens.get(after).kind() == Kind.NEWLINE
                && tokens.get(after).start() < entry.close().start() && lineStart > entry.open().end()) {
            return new Edit(lineStart, tokens.get(after).end(), "");
        }
        int comma = commaAfter(member.value().end());
        if (comma >= 0) {
            int end = tokens.get(comma).end();
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                end++;
            }
            return new Edit(member.keyStart(), end, "");
        }
        // The last field of the line: the separator before it goes with it.
        return new Edit(withCommaBefore(member.keyStart()), member.value().end(), "");
    }

    /** {@code start}, or where the comma before it (and the blanks before that) begins when one separates it. */
    private int withCommaBefore(int start) {
        int index = tokenAt(start) - 1;
        while (index >= 0 && tokens.get(index).kind() == Kind.SPACE) {
            index--;
        }
        if (index < 0 || tokens.get(index).kind() != Kind.COMMA) {
            return start;
        }
        int from = tokens.get(index).start();
        while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
            from--;
        }
        return from;
    }

    /** The entry taken out of its list, with its own comment lines above it when it has its lines to itself. */
    private Edit removal(Obj entry) {
        int lineStart = lineStart(entry.open().start());
        boolean aloneBefore = text.substring(lineStart, entry.open().start()).isBlank();
        int after = indexAfterValue(entry.close().end());
        int end = entry.close().end();
        int comma = commaAfter(entry.close().end());
        if (comma >= 0) {
            end = tokens.get(comma).end();
            after = indexAfterValue(end);
        }
        boolean aloneAfter = after >= tokens.size() || tokens.get(after).kind() == Kind.NEWLINE
                || tokens.get(after).kind() == Kind.END;
        if (aloneBefore && aloneAfter) {
            int to = after < tokens.size() ? tokens.get(after).end() : text.length();
            String indentation = text.substring(lineStart, entry.open().start());
            int from = lineStart;
            while (from > 0) {
                int previous = lineStart(from - 1);
                String line = text.substring(previous, from).replaceAll("\r?\n$", "");
                String comment = line.startsWith(indentation) ? line.substring(indentation.length()) : "";
                if (comment.startsWith("#") || comment.startsWith("//")) {
                    from = previous;
                } else {
                    break;
                }
            }
            return new Edit(from, to, "");
        }
        if (comma >= 0) {
            int stop = end;
            while (stop < text.length() && (text.charAt(stop) == ' ' || text.charAt(stop) == '\t')) {
                stop++;
            }
            return new Edit(entry.open().start(), stop, "");
        }
        return new Edit(withCommaBefore(entry.open().start()), entry.close().end(), "");
    }

    /** The index of the first token at or after {@code offset} that is not a blank, a comma or a comment. */
    private int indexAfterValue(int offset) {
        int index = tokenAt(offset);
        while (index < tokens.size() && (tokens.get(index).kind() == Kind.SPACE || tokens.get(index).kind() == Kind.COMMA
                || tokens.get(index).kind() == Kind.COMMENT)) {
            index++;
        }
        return index;
    }

    /** The index of a comma right after {@code offset} (blanks between), or -1. */
    private int commaAfter(int offset) {
        int index = tokenAt(offset);
        while (index < tokens.size() && tokens.get(index).kind() == Kind.SPACE) {
            index++;
        }
        return index < tokens.size() && tokens.get(index).kind() == Kind.COMMA ? index : -1;
    }

    private int tokenAt(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (tokens.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int lineStart(int offset) {
        int start = offset;
        while (start > 0 && text.charAt(start - 1) != '\n') {
            start--;
        }
        return start;
    }

    private int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private String where(int line) {
        return file + ":" + line;
    }

    // ---- the parser

    private Obj root() throws Unsafe {
        position = 0;
        skip(Set.of(Kind.SPACE, Kind.NEWLINE, Kind.COMMENT));
        if (peek().kind() == Kind.OPEN_BRACE) {
            Obj root = object(0);
            skip(Set.of(Kind.SPACE, Kind.NEWLINE, Kind.COMMENT));
            if (peek().kind() != Kind.END) {
                throw unreadable(peek());
            }
            return root;
        }
        return objectBody(null, Kind.END, 0);
    }

    private Obj object(int depth) throws Unsafe {
        Token open = tokens.get(position++);
        return objectBody(open, Kind.CLOSE_BRACE, depth + 1);
    }

    private Obj objectBody(Token open, Kind close, int depth) throws Unsafe {
        if (depth > MAX_DEPTH) {
            throw new Unsafe(where(peek().line()) + ": nested too deep for jhosts to edit: edit it by hand");
        }
        List<Member> members = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        while (true) {
            skip(Set.of(Kind.SPACE, Kind.NEWLINE, Kind.COMMENT, Kind.COMMA));
            Token next = peek();
            if (next.kind() == close) {
                Token closing = next;
                if (close != Kind.END) {
                    position++;
                }
                return new Obj(open, closing, members, includes);
            }
            if (next.kind() == Kind.UNQUOTED && text(next).equals("include") && isInclude()) {
                includes.add(new Include(next.line()));
                while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.COMMA && peek().kind() != close
                        && peek().kind() != Kind.END) {
                    position++;
                }
                continue;
            }
            members.add(member(close, depth));
        }
    }

    private boolean isInclude() {
        int index = position + 1;
        while (index < tokens.size() && tokens.get(index).kind() == Kind.SPACE) {
            index++;
        }
        Token after = tokens.get(index);
        return index > position + 1 && (after.kind() == Kind.STRING || after.kind() == Kind.UNQUOTED);
    }

    private Member member(Kind close, int depth) throws Unsafe {
        Token firstKey = peek();
        int keyStart = firstKey.start();
        int keyEnd = keyStart;
        List<String> path = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        while (peek().kind() == Kind.STRING || peek().kind() == Kind.UNQUOTED || peek().kind() == Kind.SPACE) {
            Token token = tokens.get(position++);
            if (token.kind() == Kind.UNQUOTED) {
                for (char c : text(token).toCharArray()) {
                    if (c == '.') {
                        path.add(part.toString());
                        part.setLength(0);
                    } else {
                        part.append(c);
                    }
                }
            } else if (token.kind() == Kind.STRING) {
                part.append(stringOf(token));
            } else {
                part.append(text(token));
            }
            if (token.kind() != Kind.SPACE) {
                keyEnd = token.end();
            }
        }
        path.add(part.toString().strip());
        if (keyEnd == keyStart) {
            throw unreadable(peek());
        }
        Kind separator = peek().kind();
        if (separator == Kind.COLON || separator == Kind.EQUALS || separator == Kind.PLUS_EQUALS) {
            position++;
            skip(Set.of(Kind.SPACE, Kind.NEWLINE, Kind.COMMENT));
        } else if (separator != Kind.OPEN_BRACE) {
            throw unreadable(peek());
        }
        Written value = value(Set.of(Kind.NEWLINE, Kind.COMMA, Kind.COMMENT, close), depth);
        return new Member(List.copyOf(path), firstKey, keyStart, keyEnd, separator, value);
    }

    private Written value(Set<Kind> ends, int depth) throws Unsafe {
        List<Object> pieces = new ArrayList<>();
        int start = peek().start();
        int end = start;
        while (!ends.contains(peek().kind()) && peek().kind() != Kind.END) {
            Token token = peek();
            switch (token.kind()) {
                case OPEN_BRACE -> {
                    Obj object = object(depth);
                    pieces.add(object);
                    end = object.close().end();
                }
                case OPEN_BRACKET -> {
                    Arr list = list(depth + 1);
                    pieces.add(list);
                    end = list.close().end();
                }
                case STRING, UNQUOTED, SUBSTITUTION -> {
                    position++;
                    pieces.add(token);
                    end = token.end();
                }
                case SPACE -> position++;
                default -> throw unreadable(token);
            }
        }
        if (pieces.isEmpty()) {
            throw unreadable(peek());
        }
        return new Written(pieces, start, end);
    }

    private Arr list(int depth) throws Unsafe {
        if (depth > MAX_DEPTH) {
            throw new Unsafe(where(peek().line()) + ": nested too deep for jhosts to edit: edit it by hand");
        }
        Token open = tokens.get(position++);
        List<Written> elements = new ArrayList<>();
        while (true) {
            skip(Set.of(Kind.SPACE, Kind.NEWLINE, Kind.COMMENT, Kind.COMMA));
            if (peek().kind() == Kind.CLOSE_BRACKET) {
                return new Arr(open, tokens.get(position++), elements);
            }
            if (peek().kind() == Kind.END) {
                throw unreadable(peek());
            }
            elements.add(value(Set.of(Kind.NEWLINE, Kind.COMMA, Kind.COMMENT, Kind.CLOSE_BRACKET), depth));
        }
    }

    private void skip(Set<Kind> kinds) {
        while (kinds.contains(peek().kind())) {
            position++;
        }
    }

    private Token peek() {
        return tokens.get(Math.min(position, tokens.size() - 1));
    }

    private Unsafe unreadable(Token token) {
        return new Unsafe(where(token.line()) + ": jhosts cannot read the settings there well enough to edit them "
                + "safely: edit the entry by hand");
    }

    private String text(Token token) {
        return text.substring(token.start(), token.end());
    }

    /** A string token's value (an unquoted word as written). */
    private String stringOf(Token token) {
        String written = text(token);
        if (token.kind() != Kind.STRING) {
            return written;
        }
        if (written.startsWith("\"\"\"")) {
            return written.substring(3, written.length() - 3);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < written.length() - 1; i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length() - 1) {
                char escaped = written.charAt(++i);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (i + 4 < written.length()) {
                            value.append((char) Integer.parseInt(written.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    // ---- the tokenizer

    private void tokenize() throws Unsafe {
        int at = 0;
        int line = 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            int start = at;
            int startLine = line;
            Kind kind;
            if (c == '\n' || (c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n')) {
                at += c == '\r' ? 2 : 1;
                line++;
                kind = Kind.NEWLINE;
            } else if (isBlank(c)) {
                while (at < text.length() && isBlank(text.charAt(at))
                        && !(text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n')) {
                    at++;
                }
                kind = Kind.SPACE;
            } else if (c == '#' || text.startsWith("//", at)) {
                while (at < text.length() && text.charAt(at) != '\n'
                        && !(text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n')) {
                    at++;
                }
                kind = Kind.COMMENT;
            } else if (text.startsWith("\"\"\"", at)) {
                int close = text.indexOf("\"\"\"", at + 3);
                if (close < 0) {
                    throw new Unsafe(where(line) + ": a string that does not end");
                }
                at = close + 3;
                while (at < text.length() && text.charAt(at) == '"') {
                    at++;
                }
                line += (int) text.substring(start, at).chars().filter(ch -> ch == '\n').count();
                kind = Kind.STRING;
            } else if (c == '"') {
                at++;
                while (at < text.length() && text.charAt(at) != '"') {
                    if (text.charAt(at) == '\n') {
                        throw new Unsafe(where(line) + ": a string that does not end on its line");
                    }
                    at += text.charAt(at) == '\\' ? 2 : 1;
                }
                if (at >= text.length()) {
                    throw new Unsafe(where(line) + ": a string that does not end");
                }
                at++;
                kind = Kind.STRING;
            } else if (text.startsWith("${", at)) {
                int close = text.indexOf('}', at);
                if (close < 0 || text.substring(at, close).contains("\n")) {
                    throw new Unsafe(where(line) + ": a substitution that does not end on its line");
                }
                at = close + 1;
                kind = Kind.SUBSTITUTION;
            } else if (text.startsWith("+=", at)) {
                at += 2;
                kind = Kind.PLUS_EQUALS;
            } else if ("{}[],:=".indexOf(c) >= 0) {
                at++;
                kind = switch (c) {
                    case '{' -> Kind.OPEN_BRACE;
                    case '}' -> Kind.CLOSE_BRACE;
                    case '[' -> Kind.OPEN_BRACKET;
                    case ']' -> Kind.CLOSE_BRACKET;
                    case ',' -> Kind.COMMA;
                    case ':' -> Kind.COLON;
                    default -> Kind.EQUALS;
                };
            } else if (NOT_IN_UNQUOTED_TEXT.indexOf(c) >= 0) {
                throw new Unsafe(where(line) + ": '" + c + "' where jhosts cannot read it");
            } else {
                while (at < text.length() && !isBlank(text.charAt(at)) && text.charAt(at) != '\n'
                        && NOT_IN_UNQUOTED_TEXT.indexOf(text.charAt(at)) < 0 && !text.startsWith("//", at)) {
                    at++;
                }
                kind = Kind.UNQUOTED;
            }
            tokens.add(new Token(kind, start, at, startLine));
        }
        tokens.add(new Token(Kind.END, text.length(), text.length(), line));
    }

    private static boolean isBlank(char c) {
        return c != '\n' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF');
    }
}

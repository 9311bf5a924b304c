package dev.jhosts.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import dev.jhosts.config.SettingsOutline.Assignment;
import dev.jhosts.config.SettingsOutline.Include;
import dev.jhosts.config.SettingsOutline.Placement;
import dev.jhosts.config.SettingsOutline.Reference;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a settings file's text, without recursion, before Typesafe Config parses it:
 * refuses nesting deeper than {@link TextLimits#MAX_DEPTH} at its line (Typesafe Config's parser
 * and resolver recurse once per level, and 5,000 overflow the stack), counts substitutions, and
 * writes down the {@link SettingsOutline} of the file. It knows HOCON's comments, quoted and
 * triple-quoted strings, substitutions, keys with dots and quotes (read by Typesafe Config's own
 * {@link ConfigUtil#splitPath}), values that run on after an object, and include statements,
 * well enough to find the same keys Typesafe Config finds in every file it accepts. On a file it
 * would refuse the outline is of no use, and none is used: Typesafe Config's error is reported.
 *
 * <p>Every step consumes at least one character, so it ends on any text.
 */
final class SettingsScanner {
    /** What ends an unquoted word in HOCON (besides whitespace and comments). */
    private static final String NOT_IN_UNQUOTED_TEXT = "$\"{}[]:=,+#`^?!@*&\\";

    /** An object (or the file's top level) or a list being read. */
    private static final class Frame {
        /** The path of the keys inside (for an object). */
        final List<String> prefix;
        /** {@code '}'}, {@code ']'}, or 0 for the top level. */
        final char close;
        /** Levels it adds to the depth: a list or braces one, {@code a.b.c { } } three. */
        final int levels;
        /** The key everything inside belongs to (inside a list), else null. */
        final Assignment owner;
        /** In an object: the key whose value is being read; null while a key is expected. */
        Assignment value;
        /**
         * The keys set in each object of the namespace this object is in, by the object's path
         * there: the settings' own (shared by every file), or a list element's; null in a list.
         */
        final Map<List<String>, Set<String>> keys;
        /** This object's path in {@link #keys}. */
        final List<String> local;
        /** The key (as written here) of the value being read. */
        List<String> field = List.of();
        /** Pieces of the value being read (words, strings, substitutions, objects, lists), and whether the last was a word. */
        int pieces;
        boolean inWord;
        /** In a list: its elements so far. */
        int elements;

        Frame(List<String> prefix, char close, int levels, Assignment owner, Map<List<String>, Set<String>> keys,
                List<String> local) {
            this.prefix = prefix;
            this.close = close;
            this.levels = levels;
            this.owner = owner;
            this.keys = keys;
            this.local = local;
        }

        boolean isList() {
            return close == ']';
        }
    }

    private final TextLimits limits;
    private final Path file;
    private final String text;
    private final Placement placement;
    private final SettingsOutline outline;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int position;
    private int line = 1;
    private int depth;
    private int nextOrder;

    private SettingsScanner(TextLimits limits, Path file, String text, Placement placement) {
        this.limits = limits;
        this.file = file;
        this.text = text;
        this.placement = placement;
        this.outline = new SettingsOutline(file);
    }

    /** The outline of {@code text}, whose content stands at {@code placement}. */
    static SettingsOutline scan(TextLimits limits, Path file, String text, Placement placement)
            throws SettingsException {
        SettingsScanner scanner = new SettingsScanner(limits, file, text, placement);
        scanner.run();
        return scanner.outline;
    }

    private void run() throws SettingsException {
        boolean inList = placement.owner() != null;
        frames.push(new Frame(placement.prefix(), '\0', 0, placement.owner(), inList ? new HashMap<>() : limits.keys(),
                inList ? List.of() : placement.prefix()));
        while (position < text.length()) {
            int start = position;
            char c = text.charAt(position);
            Frame frame = frames.peek();
            if (c == '\n') {
                newLine();
                frame.pieces = 0;  // the value ends, or the list's next element starts
                frame.inWord = false;
                if (!frame.isList()) {
                    frame.value = null;
                }
            } else if (isCommentAt(position)) {
                skipToEndOfLine();
            } else if (frame.isList() || frame.value != null) {
                value(frame, frame.isList() ? frame.owner : frame.value, c);
            } else {
                key(frame, c);
            }
            if (position == start) {
                position++;  // never the case; the guarantee that the scan ends does not rest on it
            }
        }
    }

    /** One step inside a value: a string, a substitution, an object or list opening or closing, a character. */
    private void value(Frame frame, Assignment value, char c) throws SettingsException {
        piece(frame, c);
        if (frame.owner == null && !isWhitespace(c) && c != ',' && c != '}') {
            // the value's own level, not inside an object or list of it
            value.object |= c == '{';
            value.plain |= c != '{' && c != '$';
        }
        if (c == ',' && !frame.isList()) {
            frame.value = null;
            position++;
        } else if (c == ',') {
            frame.pieces = 0;  // the next element of the list
            position++;
            value.literal++;
        } else if (c == '"') {
            int start = position;
            skipString();
            value.literal += position - start;
        } else if (c == '$') {
            if (next() != '{') {
                throw strayDollar("value");
            }
            value.references.add(new Reference(substitutionPath()));
        } else if (c == '{') {
            position++;
            value.literal++;
            // in a list, frame.owner is the list's key, and each element is an object of its own
            open(frame.isList() ? new Frame(value.key, '}', 1, frame.owner, new HashMap<>(), List.of())
                    : new Frame(value.key, '}', 1, frame.owner, frame.keys, concat(frame.local, frame.field)));
        } else if (c == '[') {
            position++;
            value.literal++;
            open(new Frame(value.key, ']', 1, value, null, null));
        } else if (c == '}' || c == ']') {
            position++;
            close(c);
        } else {
            position++;
            value.literal++;
        }
    }

    /** One step where a key is expected: a key with its separator, an include, or the end of an object. */
    private void key(Frame frame, char c) throws SettingsException {
        if (isWhitespace(c) || c == ',') {
            position++;
        } else if (c == '}' || c == ']') {
            position++;
            close(c);
        } else if (c == '{') {
            position++;
            open(new Frame(frame.prefix, '}', 1, frame.owner, frame.keys, frame.local));  // the braces around a whole file
        } else if (c == '[') {
            // not HOCON (Typesafe Config refuses it); read as a list to stay in step with the brackets
            position++;
            Assignment list = assignment(frame, frame.prefix, line);
            frame.value = list;
            open(new Frame(list.key, ']', 1, list, null, null));
        } else if (isIncludeAt(position)) {
            include(frame);
        } else {
            int keyLine = line;
            List<String> key = keyPath(readKey(), keyLine);
            List<String> path = concat(frame.prefix, key);
            register(frame, key, keyLine);
            skipWhitespaceAndComments();
            if (position < text.length() && (text.charAt(position) == '=' || text.charAt(position) == ':')) {
                position++;
                frame.value = assignment(frame, path, keyLine);
                startValue(frame, key);
                skipWhitespaceAndComments();
            } else if (text.startsWith("+=", position)) {
                // "a += x" is "a = ${?a} [x]", written with the key as the file has it
                position += 2;
                limits.substitution(file, keyLine);
                frame.value = assignment(frame, path, keyLine);
                frame.value.append = frame.owner == null;
                frame.value.references.add(new Reference(path.subList(Math.min(placement.prefix().size(), path.size()),
                        path.size())));
                startValue(frame, key);
                skipWhitespaceAndComments();
            } else if (position < text.length() && text.charAt(position) == '{') {
                position++;
                frame.value = assignment(frame, path, keyLine);
                frame.value.object = true;
                startValue(frame, key);
                open(new Frame(frame.owner != null ? frame.prefix : path, '}', key.size(), frame.owner, frame.keys,
                        concat(frame.local, key)));
            }
            // else: a key without a separator, which Typesafe Config refuses
        }
    }

    private static void startValue(Frame frame, List<String> key) {
        frame.field = key;
        frame.pieces = 0;
        frame.inWord = false;
    }

    /**
     * Counts the pieces of a value, and the elements of a list: Typesafe Config's time to join
     * pieces grows with the square of their number, and a list longer than any jhosts reads would
     * only cost time and memory before the loader refuses it.
     */
    private void piece(Frame frame, char c) throws SettingsException {
        boolean word = !isWhitespace(c) && "\",{}[]$".indexOf(c) < 0;
        boolean starts = word ? !frame.inWord : c == '"' || c == '$' || c == '{' || c == '[';
        frame.inWord = word;
        if (starts && frame.pieces == 0 && frame.isList() && ++frame.elements > TextLimits.MAX_ELEMENTS) {
            throw new SettingsException(file, line, "a list of more than " + TextLimits.MAX_ELEMENTS
                    + " elements; the longest jhosts reads is hosts, of at most " + SettingsLoader.MAX_HOST_ENTRIES, null);
        }
        if (starts && ++frame.pieces > TextLimits.MAX_PIECES) {
            throw new SettingsException(file, line, "a value of more than " + TextLimits.MAX_PIECES
                    + " pieces (words, strings, substitutions); put it in double quotes", null);
        }
    }

    /**
     * Notes {@code key}, written in {@code frame}'s object: Typesafe Config merges a key set again
     * with what it held, copying the object, so that many keys set one at a time into one object
     * take time that grows with the square of their number.
     */
    private void register(Frame frame, List<String> key, int keyLine) throws SettingsException {
        if (frame.keys == null) {
            return;
        }
        List<String> object = frame.local;
        for (int i = 0; i < key.size(); i++) {
            Set<String> set = frame.keys.computeIfAbsent(object, path -> new HashSet<>());
            if (!set.add(key.get(i)) && i == 0) {
                limits.keySetAgain(file, keyLine);
            }
            if (set.size() > TextLimits.MAX_KEYS) {
                throw new SettingsException(file, keyLine, "more than " + TextLimits.MAX_KEYS
                        + " keys in one object; jhosts' settings have about 30", null);
            }
            object = concat(object, List.of(key.get(i)));
        }
    }

    /** The assignment a key in {@code frame} starts; inside a list, the list's own. */
    private Assignment assignment(Frame frame, List<String> path, int keyLine) {
        if (frame.owner != null) {
            frame.owner.literal += path.size();
            return frame.owner;
        }
        int[] order = Arrays.copyOf(placement.order(), placement.order().length + 1);
        order[order.length - 1] = nextOrder++;
        Assignment assignment = new Assignment(file, keyLine, path, placement.prefix(), order);
        outline.assignments.add(assignment);
        return assignment;
    }

    private void open(Frame frame) throws SettingsException {
        depth += frame.levels;
        requireDepth(depth, line);
        frames.push(frame);
    }

    /** Closes the innermost object or list if {@code c} is its end; a stray one is Typesafe Config's to report. */
    private void close(char c) {
        Frame frame = frames.peek();
        if (frame.close == c) {
            frames.pop();
            depth -= frame.levels;
        }
    }

    /**
     * {@code include "f"}, {@code include file("f")}, {@code required(...)} around either, and
     * the {@code url(...)} and {@code classpath(...)} forms (which the includer refuses): where
     * the included file's content goes.
     */
    private void include(Frame frame) {
        int includeLine = line;
        position += "include".length();
        skipWhitespaceAndComments();
        if (text.startsWith("required(", position)) {
            position += "required(".length();
            skipWhitespaceAndComments();
        }
        for (String kind : List.of("file(", "url(", "classpath(")) {
            if (text.startsWith(kind, position)) {
                position += kind.length();
                skipWhitespaceAndComments();
                break;
            }
        }
        if (position >= text.length() || text.charAt(position) != '"') {
            return;  // not an include Typesafe Config accepts
        }
        int start = position;
        skipString();
        String name = unquoted(text.substring(start, position));
        int[] order = Arrays.copyOf(placement.order(), placement.order().length + 1);
        order[order.length - 1] = nextOrder++;
        List<String> prefix = frame.owner != null ? frame.owner.key : frame.prefix;
        outline.add(new Include(name, includeLine, new Placement(prefix, order, frame.owner)));
        while (position < text.length() && (text.charAt(position) == ')' || isWhitespace(text.charAt(position))
                && text.charAt(position) != '\n')) {
            position++;
        }
    }

    /** A key's text, up to its separator (or whatever ends it); quoted parts may hold anything. */
    private String readKey() throws SettingsException {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                skipString();
            } else if (c == '\n' || "=:{}[],#".indexOf(c) >= 0 || isCommentAt(position)
                    || c == '+' && next() == '=') {
                break;
            } else if (c == '$') {
                throw strayDollar("key");
            } else {
                position++;
            }
        }
        return text.substring(start, position);
    }

    /** HOCON refuses a {@code $} outside quotes that does not start {@code ${...}} (Typesafe Config's words for it confuse). */
    private SettingsException strayDollar(String where) {
        return new SettingsException(file, line, "a '$' outside quotes must start a substitution ${...}; "
                + "put the " + where + " in double quotes to keep the '$'", null);
    }

    /** The path a key names, as Typesafe Config reads it, after checking its depth. */
    private List<String> keyPath(String written, int keyLine) throws SettingsException {
        requireDepth(depth + unquotedDots(written) + 1, keyLine);
        try {
            return ConfigUtil.splitPath(written);
        } catch (ConfigException e) {
            return List.of(written);  // Typesafe Config refuses the file
        }
    }

    /** {@code ${path}} or {@code ${?path}}: its path as written, after checking its depth and counting it. */
    private List<String> substitutionPath() throws SettingsException {
        int substitutionLine = line;
        limits.substitution(file, substitutionLine);
        position += 2;
        if (position < text.length() && text.charAt(position) == '?') {
            position++;
        }
        int start = position;
        while (position < text.length() && text.charAt(position) != '}' && text.charAt(position) != '\n') {
            if (text.charAt(position) == '"') {
                skipString();
            } else {
                position++;
            }
        }
        String written = text.substring(start, position);
        if (position < text.length() && text.charAt(position) == '}') {
            position++;
        }
        requireDepth(depth + unquotedDots(written) + 1, substitutionLine);
        try {
            return ConfigUtil.splitPath(written);
        } catch (ConfigException e) {
            return List.of(written);  // Typesafe Config refuses the file
        }
    }

    private void requireDepth(int levels, int where) throws SettingsException {
        limits.depth(file, where, levels);
    }

    /** A quoted string, or a triple-quoted one (which may span lines and has no escapes). */
    private void skipString() {
        if (text.startsWith("\"\"\"", position)) {
            int end = text.indexOf("\"\"\"", position + 3);
            int stop = end < 0 ? text.length() : end + 3;
            while (stop < text.length() && text.charAt(stop) == '"') {
                stop++;
            }
            for (int i = position; i < stop; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            position = stop;
            return;
        }
        position++;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\\') {
                position += position + 1 < text.length() && text.charAt(position + 1) != '\n' ? 2 : 1;
            } else if (c == '"') {
                position++;
                return;
            } else if (c == '\n') {
                return;  // unterminated: Typesafe Config refuses it
            } else {
                position++;
            }
        }
    }

    private void skipWhitespaceAndComments() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                newLine();
            } else if (isCommentAt(position)) {
                skipToEndOfLine();
            } else if (isWhitespace(c)) {
                position++;
            } else {
                return;
            }
        }
    }

    private void skipToEndOfLine() {
        while (position < text.length() && text.charAt(position) != '\n') {
            position++;
        }
    }

    private void newLine() {
        line++;
        position++;
    }

    private char next() {
        return position + 1 < text.length() ? text.charAt(position + 1) : '\0';
    }

    private boolean isCommentAt(int at) {
        char c = text.charAt(at);
        return c == '#' || c == '/' && at + 1 < text.length() && text.charAt(at + 1) == '/';
    }

    /** The word {@code include} on its own, where a key may start: HOCON's include statement. */
    private boolean isIncludeAt(int at) {
        if (!text.startsWith("include", at)) {
            return false;
        }
        int after = at + "include".length();
        if (after >= text.length()) {
            return true;
        }
        char c = text.charAt(after);
        return isWhitespace(c) || NOT_IN_UNQUOTED_TEXT.indexOf(c) >= 0 || isCommentAt(after);
    }

    /** Dots outside quotes: one fewer than the segments of a path. */
    private static int unquotedDots(String written) {
        int dots = 0;
        boolean quoted = false;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dots++;
            }
        }
        return dots;
    }

    /** HOCON's whitespace: Java's, and the no-break spaces and byte-order mark. */
    static boolean isWhitespace(char c) {
        return c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF' || Character.isWhitespace(c);
    }

    /** The text of a quoted string as written ({@code "a\"b"}, {@code """a"""}). */
    private static String unquoted(String quoted) {
        if (quoted.startsWith("\"\"\"")) {
            return quoted.length() >= 6 ? quoted.substring(3, quoted.length() - 3) : "";
        }
        String inner = quoted.length() >= 2 && quoted.endsWith("\"") ? quoted.substring(1, quoted.length() - 1)
                : quoted.substring(1);
        try {
            List<String> path = ConfigUtil.splitPath("\"" + inner + "\"");
            return path.size() == 1 ? path.get(0) : inner;
        } catch (ConfigException e) {
            return inner;
        }
    }

    private static List<String> concat(List<String> prefix, List<String> key) {
        if (prefix.isEmpty()) {
            return key;
        }
        List<String> path = new ArrayList<>(prefix.size() + key.size());
        path.addAll(prefix);
        path.addAll(key);
        return List.copyOf(path);
    }
}

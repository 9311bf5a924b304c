package dev.jhosts.config;

import java.nio.file.Path;

/**
 * Refuses settings text that Typesafe Config would choke on, before it sees it, at the line
 * where it goes wrong. Its parser and resolver recurse once per level, so 5,000 nested objects
 * (or a key path of 5,000 segments, {@code a.a.a…}) overflow the stack: at most {@value
 * #MAX_DEPTH} levels, where jhosts' deepest setting has four ({@code jhosts { hosts = [ {
 * tags = [ ] } ] }}). Its resolver takes time that grows much faster than linearly with
 * substitutions that build on each other (800 lines of {@code prelaunch += x} take 12 s, 400
 * take 0.8 s): at most {@value #MAX_SUBSTITUTIONS} substitutions and {@code +=} in all the files
 * of one load, which is what one instance counts.
 *
 * <p>One pass over the text without recursion: it knows HOCON's comments ({@code #}, {@code
 * //}), quoted and triple-quoted strings and substitutions ({@code ${a.b}}) well enough not to
 * count braces inside them, and counts each dotted segment of a key (or of a substitution path)
 * as a level. It only ever refuses; whatever it lets through is still parsed by Typesafe Config.
 */
final class TextLimits {
    /** Levels of objects, lists and key segments together. */
    static final int MAX_DEPTH = 64;
    /** {@code ${…}} and {@code +=} together, in all files of one load. */
    static final int MAX_SUBSTITUTIONS = 100;

    private int substitutions;

    /** Throws at the first line of {@code text} that goes over a limit. */
    void check(Path file, String text) throws SettingsException {
        new Scan(file, text).run();
    }

    /** One pass over one file's text. */
    private final class Scan {
        private final Path file;
        private final String text;
        private int position;
        private int line = 1;
        private int depth;

        Scan(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        void run() throws SettingsException {
            // segments of the unquoted word just read, counted when what follows makes it a key
            int pendingSegments = 0;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '\n') {
                    line++;
                    position++;
                    pendingSegments = 0;
                } else if (c == '#' || c == '/' && next() == '/') {
                    skipToEndOfLine();
                } else if (c == '"') {
                    skipString();
                } else if (c == '$' && next() == '{') {
                    skipSubstitution();
                } else if (c == '{' || c == '[') {
                    enter(1 + Math.max(0, pendingSegments - 1));
                    pendingSegments = 0;
                    position++;
                } else if (c == '}' || c == ']') {
                    depth = Math.max(0, depth - 1);
                    pendingSegments = 0;
                    position++;
                } else if (c == '+' && next() == '=') {
                    substitution();
                    require(depth + pendingSegments);
                    pendingSegments = 0;
                    position += 2;
                } else if (c == '=' || c == ':') {
                    require(depth + pendingSegments);
                    pendingSegments = 0;
                    position++;
                } else if (c == ',') {
                    pendingSegments = 0;
                    position++;
                } else if (Character.isWhitespace(c)) {
                    position++;
                } else {
                    pendingSegments = wordSegments();
                }
            }
        }

        /**
         * A key followed by an object ({@code a.b.c { … }}) opens one level per segment; the
         * closing brace closes only one, so the extra segments stay counted until the end of the
         * file. That overcounts in a file with many dotted-key objects, which is harmless at a
         * limit sixteen times what jhosts needs.
         */
        private void enter(int levels) throws SettingsException {
            depth += levels;
            require(depth);
        }

        private void require(int levels) throws SettingsException {
            if (levels > MAX_DEPTH) {
                throw new SettingsException(file, line, "nested too deeply (more than " + MAX_DEPTH
                        + " levels of objects, lists and key segments); jhosts' settings need at most 4", null);
            }
        }

        private void substitution() throws SettingsException {
            if (++substitutions > MAX_SUBSTITUTIONS) {
                throw new SettingsException(file, line, "more than " + MAX_SUBSTITUTIONS
                        + " substitutions (${...}) and appends (+=) in the settings; write the value out instead", null);
            }
        }

        private char next() {
            return position + 1 < text.length() ? text.charAt(position + 1) : '\0';
        }

        private void skipToEndOfLine() {
            while (position < text.length() && text.charAt(position) != '\n') {
                position++;
            }
        }

        /** A quoted string, or a triple-quoted one (which may span lines and has no escapes). */
        private void skipString() {
            if (text.startsWith("\"\"\"", position)) {
                int end = text.indexOf("\"\"\"", position + 3);
                int stop = end < 0 ? text.length() : end + 3;
                countLines(position, stop);
                position = stop;
                while (position < text.length() && text.charAt(position) == '"') {
                    position++;
                }
                return;
            }
            position++;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '\\') {
                    position += 2;
                } else if (c == '"') {
                    position++;
                    return;
                } else if (c == '\n') {
                    return;  // unterminated: Typesafe Config reports it
                } else {
                    position++;
                }
            }
        }

        /** {@code ${path}} or {@code ${?path}}: its path segments count as levels where it stands. */
        private void skipSubstitution() throws SettingsException {
            substitution();
            int segments = 1;
            position += 2;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '}' || c == '\n') {
                    position += c == '}' ? 1 : 0;
                    break;
                } else if (c == '"') {
                    skipString();
                } else {
                    segments += c == '.' ? 1 : 0;
                    position++;
                }
            }
            require(depth + segments);
        }

        /** An unquoted word (or a number); returns its dotted segments. */
        private int wordSegments() {
            int segments = 1;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (Character.isWhitespace(c) || "\"{}[]:=,#$".indexOf(c) >= 0 || c == '/' && next() == '/'
                        || c == '+' && next() == '=') {
                    break;
                }
                segments += c == '.' ? 1 : 0;
                position++;
            }
            return segments;
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
        }
    }
}

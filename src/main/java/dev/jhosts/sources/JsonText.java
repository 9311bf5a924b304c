package dev.jhosts.sources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for what an inventory prints: objects become {@link Map}s (in
 * order; a repeated key keeps its last value), arrays {@link List}s, strings {@link String}s,
 * numbers {@link BigDecimal}s, {@code true}/{@code false} {@link Boolean}s and {@code null}
 * {@link #NULL}. The text is untrusted: nesting is bounded (a few hundred nested arrays would
 * otherwise cost a deep recursion), and every error says where, as {@code line:column}.
 */
final class JsonText {
    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private JsonText(String text) {
        this.text = text;
    }

    /** Thrown for text that is not JSON; the message is one line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The one value {@code text} holds (surrounding white space allowed). */
    static Object parse(String text) throws Malformed {
        JsonText reader = new JsonText(text);
        reader.skipSpace();
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw reader.problem("text after the JSON value");
        }
        return value;
    }

    /** Whether {@code text} starts, after white space, with {@code c}. */
    static boolean startsWith(String text, char c) {
        for (int i = 0; i < text.length(); i++) {
            char here = text.charAt(i);
            if (!isSpace(here)) {
                return here == c;
            }
        }
        return false;
    }

    private Object value(int depth) throws Malformed {
        if (depth >= MAX_DEPTH) {
            throw problem("nested more than " + MAX_DEPTH + " deep");
        }
        if (at >= text.length()) {
            throw problem("the text ends where a value should be");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", NULL);
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw problem("unexpected " + shown(c));
        }
    }

    private Map<String, Object> object(int depth) throws Malformed {
        at++; // {
        Map<String, Object> object = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw problem("expected a key in double quotes");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            object.put(key, value(depth + 1));
            skipSpace();
            char next = peek();
            at++;
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                at--;
                throw problem("expected , or } in an object");
            }
        }
    }

    private List<Object> array(int depth) throws Malformed {
        at++; // [
        List<Object> array = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            skipSpace();
            array.add(value(depth + 1));
            skipSpace();
            char next = peek();
            at++;
            if (next == ']') {
                return array;
            }
            if (next != ',') {
                at--;
                throw problem("expected , or ] in an array");
            }
        }
    }

    private String string() throws Malformed {
        at++; // "
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw problem("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                at--;
                throw problem("a control character inside a string (it must be escaped)");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw problem("a string is not closed");
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw problem("\\u needs four hex digits");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(at + i), 16);
                        if (digit < 0) {
                            throw problem("\\u needs four hex digits");
                        }
                        code = code * 16 + digit;
                    }
                    at += 4;
                    out.append((char) code);
                }
                default -> {
                    at--;
                    throw problem("unknown escape \\" + shown(escape));
                }
            }
        }
    }

    private BigDecimal number() throws Malformed {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw problem("a number needs digits");
        }
        if (peek() == '.') {
            at++;
            if (!isDigit(peek())) {
                throw problem("a number needs digits after its '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw problem("a number needs digits in its exponent");
            }
            int exponentStart = at;
            digits();
            if (at - exponentStart > 4) {
                throw problem("a number's exponent is too large");
            }
        }
        if (at - start > 64) {
            throw problem("a number of more than 64 characters");
        }
        return new BigDecimal(text.substring(start, at));
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private Object word(String word, Object value) throws Malformed {
        if (!text.startsWith(word, at)) {
            throw problem("unexpected " + shown(text.charAt(at)));
        }
        at += word.length();
        return value;
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw problem("expected " + c);
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String shown(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("character U+%04X", (int) c);
    }

    private Malformed problem(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Malformed("not JSON at " + line + ":" + column + ": " + what);
    }
}

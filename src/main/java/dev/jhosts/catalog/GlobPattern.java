package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One path component of a glob(3) pattern: {@code *}, {@code ?}, bracket expressions
 * ({@code [a-z]}, {@code [!x]}, {@code [^x]}) and backslash escapes. As in glob(3) without
 * GLOB_PERIOD, a leading dot in a name must be matched by a literal dot.
 */
final class GlobPattern {
    private sealed interface Token {}

    private record Literal(char c) implements Token {}

    private record AnyOne() implements Token {}

    private record AnyRun() implements Token {}

    private record Bracket(List<char[]> ranges, boolean negated) implements Token {
        boolean matches(char c) {
            for (char[] range : ranges) {
                if (c >= range[0] && c <= range[1]) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    private final List<Token> tokens;

    private GlobPattern(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Whether {@code component} holds characters glob treats specially. */
    static boolean hasWildcards(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** The component with backslash escapes removed, for a component without wildcards. */
    static String literal(String component) {
        StringBuilder out = new StringBuilder(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '\\' && i + 1 < component.length()) {
                c = component.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    static GlobPattern compile(String component) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            if (c == '\\' && i + 1 < component.length()) {
                tokens.add(new Literal(component.charAt(i + 1)));
                i += 2;
            } else if (c == '*') {
                tokens.add(new AnyRun());
                i++;
            } else if (c == '?') {
                tokens.add(new AnyOne());
                i++;
            } else if (c == '[') {
                int end = bracketEnd(component, i);
                if (end < 0) {
                    tokens.add(new Literal('['));
                    i++;
                } else {
                    tokens.add(bracket(component.substring(i + 1, end)));
                    i = end + 1;
                }
            } else {
                tokens.add(new Literal(c));
                i++;
            }
        }
        return new GlobPattern(List.copyOf(tokens));
    }

    /** The index of the ']' closing the bracket opened at {@code open}, or -1. */
    private static int bracketEnd(String text, int open) {
        int i = open + 1;
        if (i < text.length() && (text.charAt(i) == '!' || text.charAt(i) == '^')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == ']') {
            i++;
        }
        for (; i < text.length(); i++) {
            if (text.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static Bracket bracket(String body) {
        boolean negated = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
        String set = negated ? body.substring(1) : body;
        List<char[]> ranges = new ArrayList<>();
        for (int i = 0; i < set.length(); i++) {
            char from = set.charAt(i);
            if (from == '\\' && i + 1 < set.length()) {
                from = set.charAt(++i);
            }
            char to = from;
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                to = set.charAt(i + 2);
                i += 2;
            }
            ranges.add(new char[] {from, to});
        }
        return new Bracket(List.copyOf(ranges), negated);
    }

    boolean matches(String name) {
        if (name.startsWith(".") && !(!tokens.isEmpty() && tokens.get(0) instanceof Literal l && l.c() == '.')) {
            return false;
        }
        int t = 0;
        int n = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (n < name.length()) {
            if (t < tokens.size() && matchesOne(tokens.get(t), name.charAt(n))) {
                t++;
                n++;
            } else if (t < tokens.size() && tokens.get(t) instanceof AnyRun) {
                starAt = t++;
                resumeAt = n;
            } else if (starAt >= 0) {
                t = starAt + 1;
                n = ++resumeAt;
            } else {
                return false;
            }
        }
        while (t < tokens.size() && tokens.get(t) instanceof AnyRun) {
            t++;
        }
        return t == tokens.size();
    }

    private static boolean matchesOne(Token token, char c) {
        if (token instanceof Literal literal) {
            return literal.c() == c;
        }
        if (token instanceof AnyOne) {
            return c != '/';
        }
        if (token instanceof Bracket bracket) {
            return c != '/' && bracket.matches(c);
        }
        return false;
    }
}

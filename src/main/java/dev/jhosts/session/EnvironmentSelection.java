package dev.jhosts.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Picks environment variables the way ssh's SendEnv patterns do. */
final class EnvironmentSelection {
    private EnvironmentSelection() {}

    /** "NAME=value" for each variable the patterns select, sorted by name. */
    static List<String> select(Map<String, String> env, List<String> patterns) {
        List<String> selected = new ArrayList<>();
        new TreeMap<>(env).forEach((name, value) -> {
            if (selected(name, patterns)) {
                selected.add(name + "=" + value);
            }
        });
        return selected;
    }

    private static boolean selected(String name, List<String> patterns) {
        boolean selected = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("-")) {
                if (matches(name, pattern.substring(1))) {
                    selected = false;
                }
            } else if (matches(name, pattern)) {
                selected = true;
            }
        }
        return selected;
    }

    /** ssh's match_pattern: {@code *} any run, {@code ?} any one character. */
    static boolean matches(String text, String pattern) {
        return matches(text, 0, pattern, 0);
    }

    private static boolean matches(String text, int t, String pattern, int p) {
        for (; p < pattern.length(); p++, t++) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = t; rest <= text.length(); rest++) {
                    if (matches(text, rest, pattern, p + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
        }
        return t == text.length();
    }
}

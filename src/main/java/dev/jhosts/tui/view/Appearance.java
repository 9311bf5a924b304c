package dev.jhosts.tui.view;

import java.util.Locale;
import java.util.Map;

/**
 * How the screen looks on this terminal: colours or not ({@code NO_COLOR}, {@code TERM=dumb}),
 * Unicode symbols or ASCII (a non-UTF-8 locale, or the Linux console).
 */
public record Appearance(Theme theme, Glyphs glyphs, boolean unicode) {
    public static Appearance of(boolean colour, boolean unicode) {
        return new Appearance(colour ? Theme.COLOUR : Theme.MONOCHROME, unicode ? Glyphs.UNICODE : Glyphs.ASCII, unicode);
    }

    /**
     * From the environment: {@code NO_COLOR} set and not empty, or {@code TERM} dumb, turns colour
     * off; the locale ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG}) decides UTF-8;
     * {@code TERM=linux} (the console's fonts lack most symbols) gets ASCII symbols too.
     */
    public static Appearance fromEnvironment(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        boolean colour = env.getOrDefault("NO_COLOR", "").isEmpty() && !term.equals("dumb");
        return of(colour, localeIsUtf8(env) && !term.equals("linux"));
    }

    public static boolean localeIsUtf8(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = env.getOrDefault(name, "");
            if (!value.isEmpty()) {
                String lower = value.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return false;
    }
}

package dev.jhosts.tui.view;

import com.googlecode.lanterna.TextCharacter;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Lanterna characters of printable ASCII in the theme's styles, each made once: making one
 * runs Lanterna's grapheme and width analysis, which dominated the drawing of a frame. Other
 * text is made afresh each time. Used by the drawing thread only.
 */
final class CharacterCache {
    /** Styles are the theme's constants; a bound all the same, in case of others. */
    private static final int MAX_STYLES = 64;

    private final Map<Style, TextCharacter[]> asciiByStyle = new IdentityHashMap<>();

    TextCharacter of(String text, Style style) {
        if (text.length() != 1 || text.charAt(0) < 0x20 || text.charAt(0) >= 0x7f) {
            return make(text, style);
        }
        if (asciiByStyle.size() >= MAX_STYLES && !asciiByStyle.containsKey(style)) {
            asciiByStyle.clear();
        }
        TextCharacter[] characters = asciiByStyle.computeIfAbsent(style, unused -> new TextCharacter[0x7f]);
        char c = text.charAt(0);
        if (characters[c] == null) {
            characters[c] = make(text, style);
        }
        return characters[c];
    }

    private static TextCharacter make(String text, Style style) {
        return TextCharacter.fromString(text, style.foreground(), style.background(), style.sgr())[0];
    }
}

package dev.jhosts.tui.view;

import com.googlecode.lanterna.TextCharacter;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Lanterna characters in the theme's styles, each made once: making one runs Lanterna's
 * grapheme and width analysis (a {@code BreakIterator} per character), which dominated the
 * drawing of a frame, rules and box drawing included. Printable ASCII sits in an array per
 * style, other text in a bounded map per style. Used by the drawing thread only.
 */
final class CharacterCache {
    /** Styles are the theme's constants; a bound all the same, in case of others. */
    private static final int MAX_STYLES = 64;
    /** Distinct non-ASCII texts kept per style (host names may bring any script). */
    private static final int MAX_OTHERS = 1024;

    private final Map<Style, TextCharacter[]> asciiByStyle = new IdentityHashMap<>();
    private final Map<Style, Map<String, TextCharacter>> othersByStyle = new IdentityHashMap<>();

    TextCharacter of(String text, Style style) {
        if (text.length() == 1 && text.charAt(0) >= 0x20 && text.charAt(0) < 0x7f) {
            return ascii(text, style);
        }
        if (othersByStyle.size() >= MAX_STYLES && !othersByStyle.containsKey(style)) {
            othersByStyle.clear();
        }
        Map<String, TextCharacter> others = othersByStyle.computeIfAbsent(style, unused -> new HashMap<>());
        TextCharacter character = others.get(text);
        if (character == null) {
            if (others.size() >= MAX_OTHERS) {
                others.clear();
            }
            character = make(text, style);
            others.put(text, character);
        }
        return character;
    }

    private TextCharacter ascii(String text, Style style) {
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

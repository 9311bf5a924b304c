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

    private final Map<Style, InStyle> byStyle = new IdentityHashMap<>();

    TextCharacter of(String text, Style style) {
        if (byStyle.size() >= MAX_STYLES && !byStyle.containsKey(style)) {
            byStyle.clear();
        }
        return byStyle.computeIfAbsent(style, InStyle::new).of(text);
    }

    /** The characters made in one style. */
    private static final class InStyle {
        private final Style style;
        private final TextCharacter[] ascii = new TextCharacter[0x7f];
        private final Map<String, TextCharacter> others = new HashMap<>();

        InStyle(Style style) {
            this.style = style;
        }

        TextCharacter of(String text) {
            if (text.length() == 1 && text.charAt(0) >= 0x20 && text.charAt(0) < 0x7f) {
                char c = text.charAt(0);
                if (ascii[c] == null) {
                    ascii[c] = make(text);
                }
                return ascii[c];
            }
            TextCharacter character = others.get(text);
            if (character == null) {
                if (others.size() >= MAX_OTHERS) {
                    others.clear();
                }
                character = make(text);
                others.put(text, character);
            }
            return character;
        }

        private TextCharacter make(String text) {
            return TextCharacter.fromString(text, style.foreground(), style.background(), style.sgr())[0];
        }
    }
}

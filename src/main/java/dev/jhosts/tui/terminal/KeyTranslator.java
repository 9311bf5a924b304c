package dev.jhosts.tui.terminal;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.jhosts.tui.state.Key;
import java.util.Optional;

/**
 * Lanterna key strokes to jhosts {@link Key}s. Characters outside the BMP arrive as two strokes
 * (surrogate halves) and are joined here, so one translator serves one input stream.
 */
final class KeyTranslator {
    private char pendingHighSurrogate;

    Optional<Key> translate(KeyStroke stroke) {
        KeyType type = stroke.getKeyType();
        if (type == KeyType.Character) {
            return character(stroke);
        }
        pendingHighSurrogate = 0;
        switch (type) {
            case ArrowUp: return named(Key.Name.UP);
            case ArrowDown: return named(Key.Name.DOWN);
            case ArrowLeft: return named(Key.Name.LEFT);
            case ArrowRight: return named(Key.Name.RIGHT);
            case PageUp: return named(Key.Name.PAGE_UP);
            case PageDown: return named(Key.Name.PAGE_DOWN);
            case Home: return named(Key.Name.HOME);
            case End: return named(Key.Name.END);
            case Enter: return named(Key.Name.ENTER);
            case Escape: return named(Key.Name.ESCAPE);
            case Backspace: return named(Key.Name.BACKSPACE);
            case Delete: return named(Key.Name.DELETE);
            case Tab: return named(Key.Name.TAB);
            case ReverseTab: return named(Key.Name.BACK_TAB);
            case F1: return named(Key.Name.F1);
            case F2: return named(Key.Name.F2);
            case F3: return named(Key.Name.F3);
            case F4: return named(Key.Name.F4);
            case F5: return named(Key.Name.F5);
            case F6: return named(Key.Name.F6);
            case F7: return named(Key.Name.F7);
            case F8: return named(Key.Name.F8);
            case F9: return named(Key.Name.F9);
            case F10: return named(Key.Name.F10);
            case F11: return named(Key.Name.F11);
            case F12: return named(Key.Name.F12);
            default: return Optional.empty();
        }
    }

    private Optional<Key> character(KeyStroke stroke) {
        char c = stroke.getCharacter();
        if (stroke.isCtrlDown() && !stroke.isAltDown()) {
            pendingHighSurrogate = 0;
            return Optional.of(Key.ctrl(Character.toLowerCase(c)));
        }
        if (stroke.isAltDown()) {
            pendingHighSurrogate = 0;
            return Optional.empty();
        }
        if (Character.isHighSurrogate(c)) {
            pendingHighSurrogate = c;
            return Optional.empty();
        }
        if (Character.isLowSurrogate(c)) {
            char high = pendingHighSurrogate;
            pendingHighSurrogate = 0;
            return high == 0 ? Optional.empty() : Optional.of(new Key.Typed(Character.toCodePoint(high, c)));
        }
        pendingHighSurrogate = 0;
        return Optional.of(Key.typed(c));
    }

    private static Optional<Key> named(Key.Name name) {
        return Optional.of(Key.named(name));
    }
}

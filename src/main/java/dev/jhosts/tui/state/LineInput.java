package dev.jhosts.tui.state;

import java.util.Optional;

/**
 * A one-line text input, edited at its end as the filter is: typed characters, Backspace, ^W
 * (a word), ^U (everything). {@link #edited} is the input after a key, when the key edits it.
 */
public record LineInput(String text) {
    public static final LineInput EMPTY = new LineInput("");

    /** The input after {@code key}, or empty when the key is not an editing key. */
    public Optional<LineInput> edited(Key key) {
        if (key instanceof Key.Typed typed) {
            return Optional.of(new LineInput(text + new String(Character.toChars(typed.codePoint()))));
        }
        if (key.equals(Key.named(Key.Name.BACKSPACE)) || key.equals(Key.ctrl('h'))) {
            return Optional.of(new LineInput(text.isEmpty() ? text : text.substring(0, text.offsetByCodePoints(text.length(), -1))));
        }
        if (key.equals(Key.ctrl('u'))) {
            return Optional.of(EMPTY);
        }
        if (key.equals(Key.ctrl('w'))) {
            String trimmed = text.stripTrailing();
            int space = trimmed.lastIndexOf(' ');
            return Optional.of(new LineInput(space < 0 ? "" : trimmed.substring(0, space + 1)));
        }
        return Optional.empty();
    }
}

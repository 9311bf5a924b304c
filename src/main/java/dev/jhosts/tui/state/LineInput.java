package dev.jhosts.tui.state;

import java.util.Optional;

/**
 * A one-line text input, edited at its end as the filter is: typed characters, and the input
 * lines' keys ({@link FormAction}: a character, a word, everything). {@link #edited} is the input after a key, when the key edits it.
 */
public record LineInput(String text) {
    public static final LineInput EMPTY = new LineInput("");

    /** The input after {@code key}, or empty when the key does not edit it ({@code forms} binds the editing keys). */
    public Optional<LineInput> edited(KeyTable<FormAction> forms, Key key) {
        Optional<FormAction> action = forms.action(key);
        if (action.isPresent()) {
            return switch (action.get()) {
                case DELETE_CHAR -> Optional.of(new LineInput(text.isEmpty() ? text
                        : text.substring(0, text.offsetByCodePoints(text.length(), -1))));
                case CLEAR -> Optional.of(EMPTY);
                case DELETE_WORD -> {
                    String trimmed = text.stripTrailing();
                    int space = trimmed.lastIndexOf(' ');
                    yield Optional.of(new LineInput(space < 0 ? "" : trimmed.substring(0, space + 1)));
                }
                default -> Optional.empty();
            };
        }
        if (key instanceof Key.Typed typed) {
            return Optional.of(new LineInput(text + new String(Character.toChars(typed.codePoint()))));
        }
        return Optional.empty();
    }
}

package dev.jhosts.tui.state;

import dev.jhosts.session.SessionKey;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keys as the settings write them and as the help shows them. The settings take {@code Enter},
 * {@code Esc}, {@code Tab}, {@code S-Tab}, {@code Backspace}, {@code Delete}, {@code Up},
 * {@code Down}, {@code Left}, {@code Right}, {@code PgUp}, {@code PgDn}, {@code Home},
 * {@code End}, {@code Space}, {@code F1}…{@code F12} (any case), {@code C-x} (also {@code Ctrl-x}
 * or {@code ^x}) for Ctrl with a letter, and one printable character ({@code ?}, {@code y},
 * {@code Y}). A terminal sends the same byte for some of these, so {@code C-m} and {@code C-j}
 * are Enter, {@code C-i} is Tab, {@code C-h} is Backspace and {@code C-[} is Esc.
 */
public final class KeyNames {
    private KeyNames() {}

    private static final Map<String, Key.Name> NAMED = Map.ofEntries(
            Map.entry("up", Key.Name.UP), Map.entry("down", Key.Name.DOWN), Map.entry("left", Key.Name.LEFT),
            Map.entry("right", Key.Name.RIGHT), Map.entry("pgup", Key.Name.PAGE_UP),
            Map.entry("pageup", Key.Name.PAGE_UP), Map.entry("pgdn", Key.Name.PAGE_DOWN),
            Map.entry("pagedown", Key.Name.PAGE_DOWN), Map.entry("home", Key.Name.HOME), Map.entry("end", Key.Name.END),
            Map.entry("enter", Key.Name.ENTER), Map.entry("return", Key.Name.ENTER), Map.entry("esc", Key.Name.ESCAPE),
            Map.entry("escape", Key.Name.ESCAPE), Map.entry("backspace", Key.Name.BACKSPACE),
            Map.entry("delete", Key.Name.DELETE), Map.entry("del", Key.Name.DELETE), Map.entry("tab", Key.Name.TAB),
            Map.entry("s-tab", Key.Name.BACK_TAB), Map.entry("backtab", Key.Name.BACK_TAB),
            Map.entry("f1", Key.Name.F1), Map.entry("f2", Key.Name.F2), Map.entry("f3", Key.Name.F3),
            Map.entry("f4", Key.Name.F4), Map.entry("f5", Key.Name.F5), Map.entry("f6", Key.Name.F6),
            Map.entry("f7", Key.Name.F7), Map.entry("f8", Key.Name.F8), Map.entry("f9", Key.Name.F9),
            Map.entry("f10", Key.Name.F10), Map.entry("f11", Key.Name.F11), Map.entry("f12", Key.Name.F12));

    /** What the settings' error says keys look like. */
    public static final String FORMS = "Enter, Esc, Tab, S-Tab, Backspace, Delete, Up, Down, Left, Right, PgUp, PgDn, "
            + "Home, End, Space, F1 to F12, C-a to C-z, or one printable character";

    /** What the settings' error says a session's keys look like. */
    public static final String SESSION_FORMS = "C-x (C-a to C-z, C-\\, C-], C-^, C-_), F1 to F12, S-F1 to S-F12, or none";

    /** The key {@code text} names, in its one spelling ({@link #canonical}). */
    public static Optional<Key> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return text.equals(" ") ? Optional.of(Key.typed(' ')) : Optional.empty();
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("space")) {
            return Optional.of(Key.typed(' '));
        }
        Key.Name name = NAMED.get(lower);
        if (name != null) {
            return Optional.of(Key.named(name));
        }
        Optional<Character> control = controlLetter(trimmed);
        if (control.isPresent()) {
            char c = control.get();
            if (c >= 'a' && c <= 'z') {
                return Optional.of(canonical(Key.ctrl(c)));
            }
            return c == '[' ? Optional.of(Key.named(Key.Name.ESCAPE)) : Optional.empty();
        }
        if (trimmed.codePointCount(0, trimmed.length()) == 1) {
            int codePoint = trimmed.codePointAt(0);
            if (!Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)) {
                return Optional.of(new Key.Typed(codePoint));
            }
        }
        return Optional.empty();
    }

    /** The character after {@code C-}, {@code Ctrl-} or {@code ^}, in lower case. */
    private static Optional<Character> controlLetter(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"ctrl-", "c-", "^"}) {
            if (lower.startsWith(prefix) && text.length() == prefix.length() + 1) {
                return Optional.of(lower.charAt(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * A session's key {@code text} names ({@link SessionKey}'s forms, with {@code C-x} and
     * {@code Ctrl-x} for {@code ^X}); {@code none} is {@link SessionKey#NONE}.
     */
    public static Optional<SessionKey> parseSessionKey(String text) {
        String trimmed = text.strip();
        Optional<Character> control = controlLetter(trimmed);
        if (control.isPresent()) {
            return SessionKey.parse("^" + Character.toUpperCase(control.get()));
        }
        if (trimmed.startsWith("^")) {
            return Optional.empty();
        }
        return SessionKey.parse(trimmed);
    }

    /**
     * The one spelling of a key whose bytes a terminal shares with another: Ctrl-M and Ctrl-J
     * are Enter, Ctrl-I is Tab, Ctrl-H is Backspace.
     */
    public static Key canonical(Key key) {
        if (key instanceof Key.Ctrl ctrl) {
            switch (ctrl.letter()) {
                case 'm', 'j' -> {
                    return Key.named(Key.Name.ENTER);
                }
                case 'i' -> {
                    return Key.named(Key.Name.TAB);
                }
                case 'h' -> {
                    return Key.named(Key.Name.BACKSPACE);
                }
                default -> {
                    return key;
                }
            }
        }
        return key;
    }

    /** The key as the help and the footer show it: {@code ^R}, {@code Enter}, {@code Space}, {@code ?}. */
    public static String shown(Key key) {
        if (key instanceof Key.Typed typed) {
            return typed.codePoint() == ' ' ? "Space" : new String(Character.toChars(typed.codePoint()));
        }
        if (key instanceof Key.Ctrl ctrl) {
            return "^" + Character.toUpperCase(ctrl.letter());
        }
        return switch (((Key.Named) key).name()) {
            case UP -> "Up";
            case DOWN -> "Down";
            case LEFT -> "Left";
            case RIGHT -> "Right";
            case PAGE_UP -> "PgUp";
            case PAGE_DOWN -> "PgDn";
            case HOME -> "Home";
            case END -> "End";
            case ENTER -> "Enter";
            case ESCAPE -> "Esc";
            case BACKSPACE -> "Backspace";
            case DELETE -> "Delete";
            case TAB -> "Tab";
            case BACK_TAB -> "S-Tab";
            default -> ((Key.Named) key).name().name();
        };
    }

    /** The key as the manual page writes it: {@code Ctrl-R} for {@code ^R}, else as {@link #shown}. */
    public static String written(String shown) {
        return shown.length() == 2 && shown.charAt(0) == '^' ? "Ctrl-" + shown.charAt(1) : shown;
    }
}

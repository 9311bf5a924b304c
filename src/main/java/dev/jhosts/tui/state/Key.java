package dev.jhosts.tui.state;

/** A key the user pressed, decoded from the terminal's bytes. */
public sealed interface Key {

    /** A printable character (a Unicode code point). */
    record Typed(int codePoint) implements Key {}

    /** Ctrl with a letter, in lower case ({@code 'c'} for Ctrl-C). */
    record Ctrl(char letter) implements Key {}

    /** A key with a name. */
    record Named(Name name) implements Key {}

    /** Keys with names. */
    enum Name {
        UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END,
        ENTER, ESCAPE, BACKSPACE, DELETE, TAB, BACK_TAB, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12
    }

    static Key typed(char c) {
        return new Typed(c);
    }

    static Key ctrl(char letter) {
        return new Ctrl(letter);
    }

    static Key named(Name name) {
        return new Named(name);
    }
}

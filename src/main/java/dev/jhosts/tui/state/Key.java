package dev.jhosts.tui.state;

/** A key the user pressed, decoded from the terminal's bytes. */
public sealed interface Key {

    // The keys' equals and hashCode are written out: they are the key tables' map keys, hashed
    // while the settings are read, and a record's generated ones are linked at their first call
    // through java.lang.runtime.ObjectMethods, whose first use spins method handles for tens of
    // milliseconds of a cold start (records elsewhere keep the generated ones).

    /** A printable character (a Unicode code point). */
    record Typed(int codePoint) implements Key {
        @Override
        public boolean equals(Object other) {
            return other instanceof Typed typed && typed.codePoint == codePoint;
        }

        @Override
        public int hashCode() {
            return codePoint;
        }
    }

    /** Ctrl with a letter, in lower case ({@code 'c'} for Ctrl-C). */
    record Ctrl(char letter) implements Key {
        @Override
        public boolean equals(Object other) {
            return other instanceof Ctrl ctrl && ctrl.letter == letter;
        }

        @Override
        public int hashCode() {
            return 0x4000_0000 | letter; // apart from every code point
        }
    }

    /** A key with a name. */
    record Named(Name name) implements Key {
        @Override
        public boolean equals(Object other) {
            return other instanceof Named named && named.name == name;
        }

        @Override
        public int hashCode() {
            return 0x2000_0000 | name.ordinal(); // apart from every code point
        }
    }

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

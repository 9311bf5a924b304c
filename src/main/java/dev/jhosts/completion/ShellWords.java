package dev.jhosts.completion;

/** Literal words in the completion scripts' languages. */
final class ShellWords {
    private ShellWords() {}

    /** {@code text} as one word of sh, bash or zsh: single quotes, a quote as {@code '\''}. */
    static String single(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** {@code text} as one word of fish: single quotes, a quote or backslash escaped. */
    static String fish(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

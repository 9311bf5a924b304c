package dev.jhosts.config;

/**
 * Text from a file, the command line or a server made safe for a one-line message: control
 * characters (a newline in a host name, an escape sequence) are shown escaped instead of
 * breaking the line or reaching the terminal. The one place jhosts escapes what it prints:
 * the command line's messages go through {@code cli.Messages}, which uses it.
 */
public final class Printable {
    private Printable() {}

    /** {@code text} in single quotes, with control characters as {@code \n}, {@code \t}, {@code \x1b}. */
    public static String quoted(String text) {
        return "'" + escaped(text) + "'";
    }

    /** {@code text} as one line: line breaks (and the blanks around them) as "; ", the rest escaped. */
    public static String oneLine(String text) {
        return escaped(text.strip().replaceAll("\\s*\\R\\s*", "; "));
    }

    /** {@code text} with control characters escaped. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether {@code text} holds a control character (C0, DEL or C1). */
    public static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> isControl((char) c));
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0;
    }
}

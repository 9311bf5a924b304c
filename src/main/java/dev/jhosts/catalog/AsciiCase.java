package dev.jhosts.catalog;

/** Case rules as OpenSSH applies them: ASCII letters only, like C's tolower in the C locale. */
final class AsciiCase {
    private AsciiCase() {}

    /** Whether {@code bytes} at {@code from} start with {@code lowerCase}, ignoring ASCII case. */
    static boolean regionMatches(byte[] lowerCase, byte[] bytes, int from) {
        if (bytes.length - from < lowerCase.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            int c = bytes[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} with ASCII capitals made small; other characters stay as they are. */
    static String lowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = text.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return text;
    }
}

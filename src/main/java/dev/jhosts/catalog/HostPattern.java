package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;

/**
 * One word of a {@code Host} line, matched as OpenSSH's {@code match_pattern} does: {@code *}
 * for any bytes, {@code ?} for one byte, everything else literally and case-sensitively. A
 * leading {@code !} negates it.
 */
record HostPattern(String text, boolean negated, boolean isPlain, byte[] bytes) {

    /** Whether the pattern matches every name: it is made of {@code *} only. */
    boolean matchesEverything() {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if (b != '*') {
                return false;
            }
        }
        return true;
    }

    /** {@code isPlain}: the pattern has no wildcard, so it names exactly one host. */
    static HostPattern of(String word) {
        boolean negated = word.startsWith("!");
        String text = negated ? word.substring(1) : word;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean plain = true;
        for (byte b : bytes) {
            if (b == '*' || b == '?') {
                plain = false;
                break;
            }
        }
        return new HostPattern(text, negated, plain, bytes);
    }

    boolean matches(byte[] name) {
        return matches(bytes, name);
    }

    /** The pattern's longest run of literal bytes (no {@code *}, no {@code ?}); empty when it has none. */
    static byte[] longestLiteralRun(byte[] pattern) {
        int bestFrom = 0;
        int bestTo = 0;
        int from = 0;
        for (int i = 0; i <= pattern.length; i++) {
            if (i == pattern.length || pattern[i] == '*' || pattern[i] == '?') {
                if (i - from > bestTo - bestFrom) {
                    bestFrom = from;
                    bestTo = i;
                }
                from = i + 1;
            }
        }
        return java.util.Arrays.copyOfRange(pattern, bestFrom, bestTo);
    }

    /** OpenSSH's {@code match_pattern}: {@code *} any bytes, {@code ?} one byte, the rest literally. */
    static boolean matches(byte[] bytes, byte[] name) {
        int p = 0;
        int n = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (n < name.length) {
            if (p < bytes.length && (bytes[p] == '?' || bytes[p] == name[n])) {
                p++;
                n++;
            } else if (p < bytes.length && bytes[p] == '*') {
                starAt = p++;
                resumeAt = n;
            } else if (starAt >= 0) {
                p = starAt + 1;
                n = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < bytes.length && bytes[p] == '*') {
            p++;
        }
        return p == bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostPattern that && that.negated == negated && that.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + (negated ? 1 : 0);
    }

    @Override
    public String toString() {
        return negated ? "!" + text : text;
    }
}

package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;

/**
 * One word of a {@code Host} line, matched as OpenSSH's {@code match_pattern} does: {@code *}
 * for any bytes, {@code ?} for one byte, everything else literally and case-sensitively. A
 * leading {@code !} negates it.
 */
record HostPattern(String text, boolean negated, byte[] bytes) {

    static HostPattern of(String word) {
        boolean negated = word.startsWith("!");
        String text = negated ? word.substring(1) : word;
        return new HostPattern(text, negated, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A pattern with no wildcard names exactly one host. */
    boolean isPlain() {
        for (byte b : bytes) {
            if (b == '*' || b == '?') {
                return false;
            }
        }
        return true;
    }

    boolean matches(byte[] name) {
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

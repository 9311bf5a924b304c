package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument of a Match criterion such as {@code host} or {@code user}: a comma-separated list
 * of patterns, each possibly negated with {@code !}, matched as OpenSSH's
 * {@code match_pattern_list} (match.c) does: a negated pattern that matches makes the list fail;
 * otherwise one matching pattern is enough. For {@code host} and {@code originalhost}
 * ({@code match_hostname}) both the name and the patterns are compared in lower case (ASCII).
 * A pattern of 1023 bytes or more makes the list fail where it is reached, as ssh's fixed buffer
 * does.
 */
final class PatternList {
    /** ssh copies each pattern into {@code char sub[1024]} and gives up at 1023 bytes. */
    private static final int LONGEST = 1022;

    private final List<Item> items;
    private final boolean lowerCase;
    private final String text;

    private record Item(byte[] pattern, boolean negated, boolean tooLong) {}

    private PatternList(List<Item> items, boolean lowerCase, String text) {
        this.items = List.copyOf(items);
        this.lowerCase = lowerCase;
        this.text = text;
    }

    /** {@code lowerCase}: the list of a {@code host} or {@code originalhost} criterion. */
    static PatternList of(String list, boolean lowerCase) {
        byte[] bytes = list.getBytes(StandardCharsets.UTF_8);
        List<Item> items = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            boolean negated = bytes[i] == '!';
            if (negated) {
                i++;
            }
            int start = i;
            while (i < bytes.length && bytes[i] != ',') {
                i++;
            }
            byte[] pattern = new byte[i - start];
            for (int k = 0; k < pattern.length; k++) {
                byte b = bytes[start + k];
                pattern[k] = lowerCase && b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
            }
            items.add(new Item(pattern, negated, pattern.length > LONGEST));
            if (i < bytes.length) {
                i++;
            }
        }
        return new PatternList(items, lowerCase, list);
    }

    /** Whether the list matches (ssh's result 1; no match and a negated match are both false). */
    boolean matches(String subject) {
        String name = lowerCase ? AsciiCase.lowerCase(subject) : subject;
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        boolean positive = false;
        for (Item item : items) {
            if (item.tooLong()) {
                return false;
            }
            if (HostPattern.matches(item.pattern(), bytes)) {
                if (item.negated()) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /**
     * For each positive pattern, its longest run of literal bytes (lower case for host lists):
     * a subject the list matches holds one of them. Empty when a positive pattern has no literal
     * byte, a pattern is too long, or there is no positive pattern.
     */
    java.util.Optional<List<byte[]>> literalRuns() {
        List<byte[]> runs = new ArrayList<>();
        for (Item item : items) {
            if (item.tooLong()) {
                return java.util.Optional.empty();
            }
            if (!item.negated()) {
                byte[] run = HostPattern.longestLiteralRun(item.pattern());
                if (run.length == 0) {
                    return java.util.Optional.empty();
                }
                runs.add(run);
            }
        }
        return runs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(runs);
    }

    @Override
    public String toString() {
        return text;
    }
}

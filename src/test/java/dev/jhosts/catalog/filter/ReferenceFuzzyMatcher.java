package dev.jhosts.catalog.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first, quadratic version of {@link FuzzyMatcher}, kept as the reference its faster
 * version must agree with. Fuzzy matching: the pattern's characters must appear in the text in order, ignoring case.
 * Among all such alignments the best scoring one is kept: every matched character counts,
 * contiguous runs, word starts and a match at the very start count extra, skipped characters
 * cost a little.
 */
final class ReferenceFuzzyMatcher {
    static final int MATCH = FuzzyMatcher.MATCH;
    static final int CONSECUTIVE = FuzzyMatcher.CONSECUTIVE;
    static final int WORD_START = FuzzyMatcher.WORD_START;
    static final int PREFIX = FuzzyMatcher.PREFIX;
    static final int GAP = FuzzyMatcher.GAP;
    static final int LEADING_GAP_LIMIT = FuzzyMatcher.LEADING_GAP_LIMIT;

    private ReferenceFuzzyMatcher() {}

    /** The best alignment of {@code pattern} in {@code text}, or empty when it does not match. */
    public static Optional<FuzzyMatch> match(String pattern, String text) {
        int m = pattern.length();
        int n = text.length();
        if (m == 0) {
            return Optional.of(new FuzzyMatch(0, List.of()));
        }
        if (m > n || !isSubsequence(pattern, text)) {
            return Optional.empty();
        }
        // best[i][j]: best score of pattern[0..i] with pattern[i] matched at text[j]; from[i][j] the
        // text index of pattern[i-1] in that alignment.
        int[][] best = new int[m][n];
        int[][] from = new int[m][n];
        for (int[] row : best) {
            java.util.Arrays.fill(row, Integer.MIN_VALUE);
        }
        for (int j = 0; j < n; j++) {
            if (same(pattern.charAt(0), text.charAt(j))) {
                int leading = Math.min(j, LEADING_GAP_LIMIT) * GAP;
                best[0][j] = MATCH + bonus(text, j) + (j == 0 ? PREFIX : 0) - leading;
                from[0][j] = -1;
            }
        }
        for (int i = 1; i < m; i++) {
            for (int j = i; j < n; j++) {
                if (!same(pattern.charAt(i), text.charAt(j))) {
                    continue;
                }
                int bestScore = Integer.MIN_VALUE;
                int bestFrom = -1;
                for (int k = i - 1; k < j; k++) {
                    if (best[i - 1][k] == Integer.MIN_VALUE) {
                        continue;
                    }
                    int step = k == j - 1 ? CONSECUTIVE : -GAP * (j - k - 1);
                    int candidate = best[i - 1][k] + step;
                    if (candidate > bestScore) {
                        bestScore = candidate;
                        bestFrom = k;
                    }
                }
                if (bestFrom >= 0) {
                    best[i][j] = bestScore + MATCH + bonus(text, j);
                    from[i][j] = bestFrom;
                }
            }
        }
        int end = -1;
        for (int j = m - 1; j < n; j++) {
            if (best[m - 1][j] != Integer.MIN_VALUE && (end < 0 || best[m - 1][j] > best[m - 1][end])) {
                end = j;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        int[] positions = new int[m];
        for (int i = m - 1, j = end; i >= 0; i--) {
            positions[i] = j;
            j = from[i][j];
        }
        List<Integer> list = new ArrayList<>(m);
        for (int position : positions) {
            list.add(position);
        }
        return Optional.of(new FuzzyMatch(best[m - 1][end], list));
    }

    private static boolean isSubsequence(String pattern, String text) {
        int i = 0;
        for (int j = 0; j < text.length() && i < pattern.length(); j++) {
            if (same(pattern.charAt(i), text.charAt(j))) {
                i++;
            }
        }
        return i == pattern.length();
    }

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** Extra for a character that starts a word: after a separator, or a lower-to-upper change. */
    private static int bonus(String text, int index) {
        if (index == 0) {
            return WORD_START;
        }
        char previous = text.charAt(index - 1);
        char current = text.charAt(index);
        if (!Character.isLetterOrDigit(previous) && Character.isLetterOrDigit(current)) {
            return WORD_START;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(current)) {
            return WORD_START;
        }
        if (!Character.isDigit(previous) && Character.isDigit(current)) {
            return WORD_START / 2;
        }
        return 0;
    }
}

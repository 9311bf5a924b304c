package dev.jhosts.tui.filter;

import java.util.List;
import java.util.Optional;

/**
 * Fuzzy matching: the pattern's characters must appear in the text in order, ignoring case.
 * Among all such alignments the best scoring one is kept: every matched character counts,
 * contiguous runs, word starts and a match at the very start count extra, skipped characters
 * cost a little.
 */
public final class FuzzyMatcher {
    static final int MATCH = 16;
    static final int CONSECUTIVE = 15;
    static final int WORD_START = 10;
    static final int PREFIX = 12;
    static final int GAP = 1;
    static final int LEADING_GAP_LIMIT = 6;

    private FuzzyMatcher() {}

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
        // best[i*n+j]: best score of pattern[0..i] with pattern[i] matched at text[j]; from[i*n+j] the
        // text index of pattern[i-1] in that alignment. Linear in n per pattern character: the
        // best earlier alignment across a gap is kept as a running maximum (a gap costs GAP per
        // skipped character, so best[i-1][k] - GAP*(j-k-1) is ranked by best[i-1][k] + GAP*k).
        int[] best = new int[m * n];
        int[] from = new int[m * n];
        java.util.Arrays.fill(best, Integer.MIN_VALUE);
        for (int j = 0; j < n; j++) {
            if (same(pattern.charAt(0), text.charAt(j))) {
                int leading = Math.min(j, LEADING_GAP_LIMIT) * GAP;
                best[j] = MATCH + bonus(text, j) + (j == 0 ? PREFIX : 0) - leading;
                from[j] = -1;
            }
        }
        for (int i = 1; i < m; i++) {
            int previous = (i - 1) * n;
            int row = i * n;
            char wanted = pattern.charAt(i);
            int gapBest = Integer.MIN_VALUE;
            int gapFrom = -1;
            for (int j = i; j < n; j++) {
                int k = j - 2;
                if (k >= i - 1 && best[previous + k] != Integer.MIN_VALUE && best[previous + k] + GAP * k > gapBest) {
                    gapBest = best[previous + k] + GAP * k;
                    gapFrom = k;
                }
                if (!same(wanted, text.charAt(j))) {
                    continue;
                }
                int bestScore = Integer.MIN_VALUE;
                int bestFrom = -1;
                if (gapFrom >= 0) {
                    bestScore = gapBest - GAP * (j - 1);
                    bestFrom = gapFrom;
                }
                int adjacent = best[previous + j - 1];
                if (adjacent != Integer.MIN_VALUE && adjacent + CONSECUTIVE > bestScore) {
                    bestScore = adjacent + CONSECUTIVE;
                    bestFrom = j - 1;
                }
                if (bestFrom >= 0) {
                    best[row + j] = bestScore + MATCH + bonus(text, j);
                    from[row + j] = bestFrom;
                }
            }
        }
        int last = (m - 1) * n;
        int end = -1;
        for (int j = m - 1; j < n; j++) {
            if (best[last + j] != Integer.MIN_VALUE && (end < 0 || best[last + j] > best[last + end])) {
                end = j;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        Integer[] positions = new Integer[m];
        for (int i = m - 1, j = end; i >= 0; i--) {
            positions[i] = j;
            j = from[i * n + j];
        }
        return Optional.of(new FuzzyMatch(best[last + end], List.of(positions)));
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

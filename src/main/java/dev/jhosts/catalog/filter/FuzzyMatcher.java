package dev.jhosts.catalog.filter;

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
        return match(pattern, text, new MatchTable());
    }

    /** {@link #match(String, String)} with a working table to reuse. */
    static Optional<FuzzyMatch> match(String pattern, String text, MatchTable table) {
        int m = pattern.length();
        if (m == 0) {
            return Optional.of(new FuzzyMatch(0, List.of()));
        }
        int end = align(pattern, text, table);
        if (end < 0) {
            return Optional.empty();
        }
        int n = text.length();
        Integer[] positions = new Integer[m];
        for (int i = m - 1, e = end; i >= 0; i--) {
            positions[i] = table.at[i * n + e];
            e = table.from[i * n + e];
        }
        return Optional.of(new FuzzyMatch(table.score[(m - 1) * n + end], List.of(positions)));
    }

    /** The score of the best alignment, or {@link Integer#MIN_VALUE} when it does not match; allocates nothing. */
    static int score(String pattern, String text, MatchTable table) {
        int m = pattern.length();
        if (m == 0) {
            return 0;
        }
        int end = align(pattern, text, table);
        return end < 0 ? Integer.MIN_VALUE : table.score[(m - 1) * text.length() + end];
    }

    /**
     * Fills {@code table} for a non-empty pattern; returns the entry of the last row where the
     * best alignment ends (the first of equals), or -1 when the pattern does not match.
     *
     * <p>Only the places of each pattern character are visited (found with indexOf); the best
     * earlier place across a gap is kept as a running maximum (a gap costs GAP per skipped
     * character, so score - GAP*(j-k-1) is ranked by score + GAP*k).
     */
    private static int align(String pattern, String text, MatchTable table) {
        int m = pattern.length();
        int n = text.length();
        if (m > n) {
            return -1;
        }
        table.ensure(m * n);
        int[] at = table.at;
        int[] score = table.score;
        int[] from = table.from;
        int count = 0;
        Needle first = Needle.of(pattern.charAt(0), text);
        for (int j = first.next(text, 0); j >= 0; j = first.next(text, j + 1)) {
            at[count] = j;
            score[count] = MATCH + bonus(text, j) + (j == 0 ? PREFIX : 0) - Math.min(j, LEADING_GAP_LIMIT) * GAP;
            from[count] = -1;
            count++;
        }
        if (count == 0) {
            return -1;
        }
        for (int i = 1; i < m; i++) {
            int previous = (i - 1) * n;
            int previousCount = count;
            int row = i * n;
            count = 0;
            Needle wanted = Needle.of(pattern.charAt(i), text);
            int k = 0;
            int gapBest = Integer.MIN_VALUE;
            int gapFrom = -1;
            for (int j = wanted.next(text, i); j >= 0; j = wanted.next(text, j + 1)) {
                while (k < previousCount && at[previous + k] <= j - 2) {
                    int ranked = score[previous + k] + GAP * at[previous + k];
                    if (ranked > gapBest) {
                        gapBest = ranked;
                        gapFrom = k;
                    }
                    k++;
                }
                int bestScore = Integer.MIN_VALUE;
                int bestFrom = -1;
                if (gapFrom >= 0) {
                    bestScore = gapBest - GAP * (j - 1);
                    bestFrom = gapFrom;
                }
                if (k < previousCount && at[previous + k] == j - 1 && score[previous + k] + CONSECUTIVE > bestScore) {
                    bestScore = score[previous + k] + CONSECUTIVE;
                    bestFrom = k;
                }
                if (bestFrom >= 0) {
                    at[row + count] = j;
                    score[row + count] = bestScore + MATCH + bonus(text, j);
                    from[row + count] = bestFrom;
                    count++;
                }
            }
            if (count == 0) {
                return -1;
            }
        }
        int last = (m - 1) * n;
        int end = 0;
        for (int e = 1; e < count; e++) {
            if (score[last + e] > score[last + end]) {
                end = e;
            }
        }
        return end;
    }

    /**
     * What one pattern character finds in one text: the characters {@link #same} as it. For an
     * ASCII character, its lower case is looked for with String.indexOf, and so are its upper
     * case and the one non-ASCII character whose lower case it is (KELVIN SIGN for k, dotted
     * capital I for i), each only when the text holds it at all (0: not looked for). Other
     * characters are compared one by one.
     */
    private record Needle(char wanted, char lower, char upper, char special) {
        static Needle of(char wanted, String text) {
            if (wanted >= 0x80) {
                return new Needle(wanted, wanted, (char) 0, (char) 0);
            }
            char lower = FuzzyMatcher.lower(wanted);
            char upper = Character.toUpperCase(lower);
            char special = lower == 'k' ? '\u212A' : lower == 'i' ? '\u0130' : 0;
            return new Needle(wanted, lower, upper != lower && text.indexOf(upper) >= 0 ? upper : 0,
                    special != 0 && text.indexOf(special) >= 0 ? special : 0);
        }

        /** The first index from {@code from} of a character the same as the wanted one, or -1. */
        int next(String text, int from) {
            if (wanted >= 0x80) {
                for (int j = from; j < text.length(); j++) {
                    if (same(wanted, text.charAt(j))) {
                        return j;
                    }
                }
                return -1;
            }
            int found = text.indexOf(lower, from);
            if (upper != 0) {
                found = earliest(found, text.indexOf(upper, from));
            }
            if (special != 0) {
                found = earliest(found, text.indexOf(special, from));
            }
            return found;
        }

        private static int earliest(int a, int b) {
            return a < 0 ? b : b < 0 ? a : Math.min(a, b);
        }
    }

    private static boolean same(char a, char b) {
        return a == b || lower(a) == lower(b);
    }

    /** Character.toLowerCase, without its table look-up for ASCII (the usual host name). */
    private static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /** {@link #bonus} for two ASCII characters, without Character's table look-ups. */
    private static int asciiBonus(char previous, char current) {
        boolean previousDigit = previous >= '0' && previous <= '9';
        boolean currentDigit = current >= '0' && current <= '9';
        boolean previousLower = previous >= 'a' && previous <= 'z';
        boolean previousUpper = previous >= 'A' && previous <= 'Z';
        boolean currentLower = current >= 'a' && current <= 'z';
        boolean currentUpper = current >= 'A' && current <= 'Z';
        boolean previousAlnum = previousDigit || previousLower || previousUpper;
        boolean currentAlnum = currentDigit || currentLower || currentUpper;
        if (!previousAlnum && currentAlnum) {
            return WORD_START;
        }
        if (previousLower && currentUpper) {
            return WORD_START;
        }
        if (!previousDigit && currentDigit) {
            return WORD_START / 2;
        }
        return 0;
    }

    /** Extra for a character that starts a word: after a separator, or a lower-to-upper change. */
    private static int bonus(String text, int index) {
        if (index == 0) {
            return WORD_START;
        }
        char previous = text.charAt(index - 1);
        char current = text.charAt(index);
        if (previous < 0x80 && current < 0x80) {
            return asciiBonus(previous, current);
        }
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

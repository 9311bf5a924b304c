package dev.jhosts.catalog.filter;

/**
 * The working table of {@link FuzzyMatcher}: for each pattern character, the places in the
 * text where it can be matched, ascending ({@code at}), the best score of the pattern so far
 * ending there ({@code score}) and the entry of the previous row that alignment came from
 * ({@code from}); row {@code i} starts at {@code i * textLength}. One table serves a whole
 * filtering run, so that scoring ten thousand hosts allocates none. Not thread-safe.
 */
final class MatchTable {
    int[] at = new int[0];
    int[] score = new int[0];
    int[] from = new int[0];

    /** Makes room for {@code cells} entries. */
    void ensure(int cells) {
        if (at.length < cells) {
            int size = Math.max(cells, at.length * 2);
            at = new int[size];
            score = new int[size];
            from = new int[size];
        }
    }
}

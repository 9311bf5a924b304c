package dev.jhosts.catalog.filter;

import java.util.List;

/**
 * How a pattern matched one text: a score (higher is better) and the indexes of the matched
 * characters in the text (UTF-16 indexes, ascending).
 */
public record FuzzyMatch(int score, List<Integer> positions) {
    public FuzzyMatch {
        positions = List.copyOf(positions);
    }
}

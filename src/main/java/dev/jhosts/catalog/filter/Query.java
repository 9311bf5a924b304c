package dev.jhosts.catalog.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filter line, split into words: {@code tag:x} and {@code group:y} narrow by tag and group
 * (case-insensitive prefix, so the list narrows while the word is typed); every other word is
 * a fuzzy pattern that must match the alias, the hostname or the description.
 */
public record Query(List<String> patterns, List<String> tags, List<String> groups) {
    private static final String TAG = "tag:";
    private static final String GROUP = "group:";

    public Query {
        patterns = List.copyOf(patterns);
        tags = List.copyOf(tags);
        groups = List.copyOf(groups);
    }

    public static Query parse(String text) {
        List<String> patterns = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            } else if (lower.startsWith(TAG)) {
                addIfPresent(tags, lower.substring(TAG.length()));
            } else if (lower.startsWith(GROUP)) {
                addIfPresent(groups, lower.substring(GROUP.length()));
            } else {
                patterns.add(word);
            }
        }
        return new Query(patterns, tags, groups);
    }

    public boolean isEmpty() {
        return patterns.isEmpty() && tags.isEmpty() && groups.isEmpty();
    }

    /**
     * Whether every host this query lets through is also let through by {@code wider}: each of
     * its terms is extended by a term of the same kind here (a pattern by a pattern that starts
     * with it, a tag or group prefix by a longer one). Then filtering can start from
     * {@code wider}'s matches instead of the whole catalogue.
     */
    public boolean narrows(Query wider) {
        return extendsEach(wider.patterns, patterns) && extendsEach(wider.tags, tags) && extendsEach(wider.groups, groups);
    }

    private static boolean extendsEach(List<String> shorter, List<String> longer) {
        for (String term : shorter) {
            if (longer.stream().noneMatch(candidate -> candidate.startsWith(term))) {
                return false;
            }
        }
        return true;
    }

    private static void addIfPresent(List<String> into, String value) {
        if (!value.isEmpty()) {
            into.add(value);
        }
    }
}

package dev.jhosts.catalog.filter;

import dev.jhosts.catalog.Host;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies a {@link Query} to a host list: tag and group terms narrow, fuzzy patterns narrow
 * and rank. Without patterns the given order is kept; with patterns the best matches come
 * first, ties in the given order. {@link #refine} filters only the previous matches when the
 * new query can only let fewer hosts through (the filter grew at its end, as when typing).
 */
public final class HostFilter {
    /** An alias match is worth more than the same match in the hostname or description. */
    static final int ALIAS_WEIGHT = 10;
    static final int DESCRIPTION_PENALTY = 8;

    private HostFilter() {}

    /** The hosts of {@code hosts} that {@code filterText} lets through, best first. */
    public static List<HostMatch> apply(List<Host> hosts, String filterText) {
        Query query = Query.parse(filterText);
        MatchTable table = new MatchTable();
        List<HostMatch> matches = new ArrayList<>();
        for (int rank = 0; rank < hosts.size(); rank++) {
            Host host = hosts.get(rank);
            if (!narrowedOut(host, query)) {
                match(host, rank, query.patterns(), table).ifPresent(matches::add);
            }
        }
        return ranked(matches, query);
    }

    /**
     * Like {@link #apply}, given that {@code previous} is what {@code previousFilter} let
     * through of the same {@code hosts}: when the new query narrows the previous one only those
     * are looked at again.
     */
    public static List<HostMatch> refine(List<Host> hosts, String previousFilter, List<HostMatch> previous,
            String filterText) {
        Query query = Query.parse(filterText);
        if (!query.narrows(Query.parse(previousFilter))) {
            return apply(hosts, filterText);
        }
        boolean[] candidate = new boolean[hosts.size()];
        for (HostMatch match : previous) {
            candidate[match.rank()] = true;
        }
        MatchTable table = new MatchTable();
        List<HostMatch> matches = new ArrayList<>();
        for (int rank = 0; rank < hosts.size(); rank++) {
            Host host = hosts.get(rank);
            if (candidate[rank] && !narrowedOut(host, query)) {
                match(host, rank, query.patterns(), table).ifPresent(matches::add);
            }
        }
        return ranked(matches, query);
    }

    /**
     * {@code matches} (in rank order) best first, ties in rank order. Sorted as primitive keys,
     * score and index in one long: a sort through a comparator took most of a keystroke at
     * ten thousand matches.
     */
    private static List<HostMatch> ranked(List<HostMatch> matches, Query query) {
        if (query.patterns().isEmpty()) {
            return List.copyOf(matches);
        }
        long[] keys = new long[matches.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) -matches.get(i).score() << 32) | i;
        }
        Arrays.sort(keys);
        HostMatch[] sorted = new HostMatch[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = matches.get((int) keys[i]);
        }
        return List.of(sorted);
    }

    private static boolean narrowedOut(Host host, Query query) {
        for (String tag : query.tags()) {
            if (host.tags().stream().noneMatch(hostTag -> startsWithIgnoringCase(hostTag, tag))) {
                return true;
            }
        }
        for (String group : query.groups()) {
            if (!startsWithIgnoringCase(host.group(), group)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The host's match: every pattern must match its alias, hostname or description; the best
     * scoring field of each counts, and only its positions are worked out.
     */
    private static Optional<HostMatch> match(Host host, int rank, List<String> patterns, MatchTable table) {
        if (patterns.isEmpty()) {
            return Optional.of(HostMatch.unscored(host, rank));
        }
        int total = 0;
        List<Integer> alias = List.of();
        List<Integer> hostname = List.of();
        List<Integer> description = List.of();
        for (String pattern : patterns) {
            int aliasScore = weighted(FuzzyMatcher.score(pattern, host.alias(), table), ALIAS_WEIGHT);
            int hostnameScore = FuzzyMatcher.score(pattern, host.hostname(), table);
            int descriptionScore = weighted(FuzzyMatcher.score(pattern, host.description(), table), -DESCRIPTION_PENALTY);
            int best = Math.max(aliasScore, Math.max(hostnameScore, descriptionScore));
            if (best == Integer.MIN_VALUE) {
                return Optional.empty();
            }
            total += best;
            if (best == aliasScore) {
                alias = union(alias, positions(pattern, host.alias(), table));
            } else if (best == hostnameScore) {
                hostname = union(hostname, positions(pattern, host.hostname(), table));
            } else {
                description = union(description, positions(pattern, host.description(), table));
            }
        }
        return Optional.of(new HostMatch(host, rank, total, alias, hostname, description));
    }

    private static int weighted(int score, int weight) {
        return score == Integer.MIN_VALUE ? score : score + weight;
    }

    private static List<Integer> positions(String pattern, String text, MatchTable table) {
        return FuzzyMatcher.match(pattern, text, table).orElseThrow().positions();
    }

    /** Ascending indexes in either list (the common case, one pattern, copies nothing). */
    private static List<Integer> union(List<Integer> some, List<Integer> more) {
        if (some.isEmpty()) {
            return more;
        }
        TreeSet<Integer> both = new TreeSet<>(some);
        both.addAll(more);
        return List.copyOf(both);
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}

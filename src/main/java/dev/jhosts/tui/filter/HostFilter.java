package dev.jhosts.tui.filter;

import dev.jhosts.catalog.Host;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies a {@link Query} to the catalogue: tag and group terms narrow, fuzzy patterns narrow
 * and rank. Without patterns the catalogue order is kept; with patterns the best matches come
 * first, ties in catalogue order.
 */
public final class HostFilter {
    /** An alias match is worth more than the same match in the hostname or description. */
    static final int ALIAS_WEIGHT = 10;
    static final int DESCRIPTION_PENALTY = 8;

    private HostFilter() {}

    public static List<HostMatch> apply(List<Host> hosts, String filterText) {
        Query query = Query.parse(filterText);
        List<HostMatch> matches = new ArrayList<>();
        for (Host host : hosts) {
            if (narrowedOut(host, query)) {
                continue;
            }
            match(host, query.patterns()).ifPresent(matches::add);
        }
        if (!query.patterns().isEmpty()) {
            // List.sort is stable: equal scores keep the catalogue order.
            matches.sort(Comparator.comparingInt(HostMatch::score).reversed());
        }
        return List.copyOf(matches);
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

    private static Optional<HostMatch> match(Host host, List<String> patterns) {
        if (patterns.isEmpty()) {
            return Optional.of(HostMatch.unscored(host));
        }
        int total = 0;
        TreeSet<Integer> alias = new TreeSet<>();
        TreeSet<Integer> hostname = new TreeSet<>();
        TreeSet<Integer> description = new TreeSet<>();
        for (String pattern : patterns) {
            Optional<FuzzyMatch> inAlias = FuzzyMatcher.match(pattern, host.alias());
            Optional<FuzzyMatch> inHostname = FuzzyMatcher.match(pattern, host.hostname());
            Optional<FuzzyMatch> inDescription = FuzzyMatcher.match(pattern, host.description());
            int aliasScore = inAlias.map(m -> m.score() + ALIAS_WEIGHT).orElse(Integer.MIN_VALUE);
            int hostnameScore = inHostname.map(FuzzyMatch::score).orElse(Integer.MIN_VALUE);
            int descriptionScore = inDescription.map(m -> m.score() - DESCRIPTION_PENALTY).orElse(Integer.MIN_VALUE);
            int best = Math.max(aliasScore, Math.max(hostnameScore, descriptionScore));
            if (best == Integer.MIN_VALUE) {
                return Optional.empty();
            }
            total += best;
            if (best == aliasScore) {
                alias.addAll(inAlias.orElseThrow().positions());
            } else if (best == hostnameScore) {
                hostname.addAll(inHostname.orElseThrow().positions());
            } else {
                description.addAll(inDescription.orElseThrow().positions());
            }
        }
        return Optional.of(new HostMatch(host, total, List.copyOf(alias), List.copyOf(hostname), List.copyOf(description)));
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}

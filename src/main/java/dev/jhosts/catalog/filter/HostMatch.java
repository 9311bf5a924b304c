package dev.jhosts.catalog.filter;

import dev.jhosts.catalog.Host;
import java.util.List;

/**
 * A host the filter lets through, with its place in the list it was filtered from, its score
 * and the matched character indexes in its alias, hostname and description (for highlighting).
 *
 * @param host the host
 * @param rank its index in the host list given to the filter (ties in score keep this order)
 * @param score how well it matched; 0 without patterns
 * @param aliasPositions matched indexes in the alias
 * @param hostnamePositions matched indexes in the hostname
 * @param descriptionPositions matched indexes in the description
 */
public record HostMatch(
        Host host,
        int rank,
        int score,
        List<Integer> aliasPositions,
        List<Integer> hostnamePositions,
        List<Integer> descriptionPositions) {

    public HostMatch {
        aliasPositions = List.copyOf(aliasPositions);
        hostnamePositions = List.copyOf(hostnamePositions);
        descriptionPositions = List.copyOf(descriptionPositions);
    }

    /** A host shown without any pattern (empty filter, or only tag:/group: terms). */
    public static HostMatch unscored(Host host, int rank) {
        return new HostMatch(host, rank, 0, List.of(), List.of(), List.of());
    }
}

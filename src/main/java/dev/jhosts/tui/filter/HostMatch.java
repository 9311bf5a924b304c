package dev.jhosts.tui.filter;

import dev.jhosts.catalog.Host;
import java.util.List;

/**
 * A host the filter lets through, with its score and the matched character indexes in its
 * alias, hostname and description (for highlighting).
 */
public record HostMatch(
        Host host,
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
    public static HostMatch unscored(Host host) {
        return new HostMatch(host, 0, List.of(), List.of(), List.of());
    }
}

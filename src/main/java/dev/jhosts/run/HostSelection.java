package dev.jhosts.run;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.filter.HostFilter;
import dev.jhosts.catalog.filter.HostMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which hosts a run is for: those named, then the catalogue's hosts that every given filter lets
 * through — each {@code --tag} (the host has that tag), each {@code --group} (it is in that
 * group) and {@code --match} (the picker's filter: fuzzy over alias, hostname and description,
 * with {@code tag:x} and {@code group:y} terms) — in catalogue order, each host once.
 */
public record HostSelection(List<String> named, List<String> tags, List<String> groups, String match) {
    public HostSelection {
        named = List.copyOf(named);
        tags = List.copyOf(tags);
        groups = List.copyOf(groups);
    }

    /** Whether any filter is given (else only the named hosts are selected). */
    public boolean filters() {
        return !tags.isEmpty() || !groups.isEmpty() || !match.isBlank();
    }

    /** The selected aliases from {@code catalogue}. */
    public List<String> select(List<Host> catalogue) {
        Set<String> chosen = new LinkedHashSet<>(named);
        if (filters()) {
            Set<String> matched = null;
            if (!match.isBlank()) {
                matched = new LinkedHashSet<>();
                for (HostMatch found : HostFilter.apply(catalogue, match)) {
                    matched.add(found.host().alias());
                }
            }
            for (Host host : catalogue) {
                boolean taken = host.tags().containsAll(tags)
                        && groups.stream().allMatch(group -> group.equals(host.group()))
                        && (matched == null || matched.contains(host.alias()));
                if (taken) {
                    chosen.add(host.alias());
                }
            }
        }
        return new ArrayList<>(chosen);
    }

    /** The filters in words, for "no host matches …". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        tags.forEach(tag -> parts.add("--tag " + tag));
        groups.forEach(group -> parts.add("--group " + group));
        if (!match.isBlank()) {
            parts.add("--match '" + match + "'");
        }
        return String.join(" ", parts);
    }
}

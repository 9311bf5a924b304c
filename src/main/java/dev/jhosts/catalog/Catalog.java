package dev.jhosts.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The host list: ssh config hosts in config order, then jhosts' extra hosts in settings order
 * (sort it with {@link HostOrdering}), and one-line warnings about what could not be read.
 */
public record Catalog(List<Host> hosts, List<String> warnings) {
    public Catalog {
        hosts = List.copyOf(hosts);
        warnings = List.copyOf(warnings);
    }

    /** The host with exactly this alias. */
    public Optional<Host> find(String alias) {
        for (Host host : hosts) {
            if (host.alias().equals(alias)) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }
}

package dev.jhosts.master;

import dev.jhosts.catalog.Host;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ssh options a host needs beyond the ssh config: for a host of jhosts' own settings, its
 * HostName, User and Port as {@code -o} options (ssh's command line wins over the config); for a
 * host of a source, the HostName, User, Port and ProxyJump its source gave. Hosts of the ssh
 * config need none.
 */
public final class HostOptions {
    private final Map<String, List<String>> byAlias;

    private HostOptions(Map<String, List<String>> byAlias) {
        this.byAlias = Map.copyOf(byAlias);
    }

    public static HostOptions none() {
        return new HostOptions(Map.of());
    }

    /** The options of every host of jhosts' own among {@code hosts}. */
    public static HostOptions of(Collection<Host> hosts) {
        return new HostOptions(hosts.stream().filter(Host::extra)
                .collect(Collectors.toMap(Host::alias, HostOptions::optionsOf, (first, second) -> first)));
    }

    private static List<String> optionsOf(Host host) {
        if (host.source().present()) {
            return sourceOptions(host);
        }
        List<String> options = new ArrayList<>(List.of("-o", "HostName=" + host.hostname()));
        if (!host.user().isEmpty()) {
            options.addAll(List.of("-o", "User=" + host.user()));
        }
        if (host.port() > 0) {
            options.addAll(List.of("-o", "Port=" + host.port()));
        }
        return List.copyOf(options);
    }

    /**
     * A source's host: the values its source gave, and no others, so that the ssh config's
     * {@code Host *} blocks still give the rest (ssh takes the first value it obtains, and the
     * command line comes first).
     */
    private static List<String> sourceOptions(Host host) {
        List<String> options = new ArrayList<>();
        if (!host.source().hostname().isEmpty()) {
            options.addAll(List.of("-o", "HostName=" + host.source().hostname()));
        }
        if (!host.source().user().isEmpty()) {
            options.addAll(List.of("-o", "User=" + host.source().user()));
        }
        if (host.source().port() > 0) {
            options.addAll(List.of("-o", "Port=" + host.source().port()));
        }
        if (!host.proxyJump().isEmpty()) {
            options.addAll(List.of("-o", "ProxyJump=" + host.proxyJump()));
        }
        return List.copyOf(options);
    }

    public List<String> forAlias(String alias) {
        return byAlias.getOrDefault(alias, List.of());
    }
}

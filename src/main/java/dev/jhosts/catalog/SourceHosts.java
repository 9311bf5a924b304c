package dev.jhosts.catalog;

import java.util.List;

/**
 * The hosts the inventories of the {@code sources} setting gave, in settings order, with a
 * warning for each source that failed or whose output was partly refused.
 *
 * @param hosts every source's hosts (a later source's host with an alias already given is left out)
 * @param warnings one line per source with a problem, naming it
 * @param complete whether every source has given hosts (now or from its cache): until then a
 *     {@code hosts} entry may name a host a source is still to give
 */
public record SourceHosts(List<Host> hosts, List<String> warnings, boolean complete) {
    /** No sources. */
    public static final SourceHosts NONE = new SourceHosts(List.of(), List.of(), true);

    public SourceHosts {
        hosts = List.copyOf(hosts);
        warnings = List.copyOf(warnings);
    }
}

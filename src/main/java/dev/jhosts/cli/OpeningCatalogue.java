package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.History;
import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostOrdering;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.catalog.SshCatalog;
import dev.jhosts.sources.Sources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The catalogue as a jhosts start reads it first: the ssh config's hosts with the sources'
 * cached ones (the sources themselves run in the background later), in the picker's order
 * (frecency, from the history), with the warnings of both. A picker's first
 * frame needs nothing more, so a cold server draws it from this alone while it makes the
 * masters and the sessions ({@link PickerRuntime}), which start from the same reading.
 *
 * @param readAt when the reading began (the completion cache's age)
 * @param read the ssh config and jhosts' own hosts as read then
 * @param sources the inventories of the settings
 * @param cached the sources' hosts from their caches
 * @param catalog {@code read} with {@code cached}
 * @param history the connects that order the list
 * @param hosts the catalogue in the picker's order
 * @param warnings the catalogue's and the history's problems, for the status line
 */
record OpeningCatalogue(Instant readAt, SshCatalog read, Sources sources, SourceHosts cached, Catalog catalog,
        History history, List<Host> hosts, List<String> warnings) {
    OpeningCatalogue {
        hosts = List.copyOf(hosts);
        warnings = List.copyOf(warnings);
    }

    /**
     * The catalogue read once, by whichever asks first (a cold start's first frame, or the
     * runtime made beside it); a reading that failed is tried again by the next to ask.
     */
    static Supplier<OpeningCatalogue> once(Context context) {
        return new Supplier<>() {
            private OpeningCatalogue read; // guarded by this

            @Override
            public synchronized OpeningCatalogue get() {
                if (read == null) {
                    read = read(context);
                }
                return read;
            }
        };
    }

    static OpeningCatalogue read(Context context) {
        Instant readAt = Instant.now();
        SshCatalog read = context.sshCatalog();
        Sources sources = context.sources();
        SourceHosts cached = sources.any() ? sources.cached() : SourceHosts.NONE;
        Catalog catalog = read.with(cached);
        History history = History.load(context.locations().stateDirectory());
        List<String> warnings = new ArrayList<>(catalog.warnings());
        warnings.addAll(history.warnings());
        return new OpeningCatalogue(readAt, read, sources, cached, catalog, history,
                HostOrdering.frecency(history).sort(catalog.hosts()), warnings);
    }
}

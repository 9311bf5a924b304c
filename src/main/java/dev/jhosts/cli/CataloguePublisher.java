package dev.jhosts.cli;

import dev.jhosts.catalog.Host;
import dev.jhosts.tui.CatalogueFeed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The catalogue's changes, told to every picker shown (the {@link CatalogueFeed} each one
 * starts). A picker that starts is told the latest change at once: it was made of the catalogue
 * as it was a moment before, and a change in between (a source that answered while its first
 * frame was drawn) would otherwise be lost to it until the next.
 */
final class CataloguePublisher implements CatalogueFeed {
    private final List<BiConsumer<List<Host>, List<String>>> pickers = new CopyOnWriteArrayList<>();
    /** The last change told, null before the first; guarded by this. */
    private Change latest;

    private record Change(List<Host> hosts, List<String> warnings) {}

    @Override
    public synchronized Runnable start(BiConsumer<List<Host>, List<String>> changed) {
        pickers.add(changed);
        if (latest != null) {
            changed.accept(latest.hosts(), latest.warnings());
        }
        return () -> pickers.remove(changed);
    }

    /** Tells every picker; called in order, by one caller at a time. */
    synchronized void publish(List<Host> hosts, List<String> warnings) {
        latest = new Change(hosts, warnings);
        pickers.forEach(picker -> picker.accept(hosts, warnings));
    }
}

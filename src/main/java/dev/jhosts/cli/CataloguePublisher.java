package dev.jhosts.cli;

import dev.jhosts.catalog.Host;
import dev.jhosts.tui.CatalogueFeed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** The catalogue's changes, told to every picker shown (the {@link CatalogueFeed} each one starts). */
final class CataloguePublisher implements CatalogueFeed {
    private final List<BiConsumer<List<Host>, List<String>>> pickers = new CopyOnWriteArrayList<>();

    @Override
    public Runnable start(BiConsumer<List<Host>, List<String>> changed) {
        pickers.add(changed);
        return () -> pickers.remove(changed);
    }

    /** Tells every picker; called in order, by one caller at a time. */
    void publish(List<Host> hosts, List<String> warnings) {
        pickers.forEach(picker -> picker.accept(hosts, warnings));
    }
}

package dev.jhosts.tui;

import dev.jhosts.catalog.Host;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Changes of the host catalogue while the picker runs: the hosts of inventories that answer in
 * the background. Started once the first frame is out, so that a slow inventory never holds it
 * back; the hosts it tells of (in display order, with the warnings) are already known to the
 * {@link dev.jhosts.master.HostConfigs} the picker uses when they arrive.
 */
@FunctionalInterface
public interface CatalogueFeed {
    /** No changes. */
    CatalogueFeed NONE = changed -> () -> { };

    /**
     * Starts it; {@code changed} gets each new catalogue and its warnings (from one thread, in
     * order), the latest one at once if there was any. The returned action stops it.
     */
    Runnable start(BiConsumer<List<Host>, List<String>> changed);
}

package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The completion cache brought up to date with each catalogue the runtime reads, off the
 * picker's way: its check and write came before a cold start's first frame, which is short of
 * processor time. One thread writes, a second after the start, then in the order the catalogues
 * were read, so that an older catalogue never lands last.
 */
final class CompletionCacheUpdates implements AutoCloseable {
    /** How long the end waits for a write under way: the cache is a convenience, and is rewritten when stale. */
    private static final long LAST_WRITE_MILLIS = 2000;
    private static final long FIRST_WRITE_DELAY_MILLIS = 1000;

    private final Context context;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "jhosts-completion-cache");
        thread.setDaemon(true);
        return thread;
    });

    CompletionCacheUpdates(Context context) {
        this.context = context;
        // the writes wait until a cold start's first frame is out
        writer.execute(() -> {
            try {
                Thread.sleep(FIRST_WRITE_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Writes the cache of {@code catalog}, read at {@code readAt}, after those asked before. */
    void update(Catalog catalog, Instant readAt) {
        try {
            writer.execute(() -> context.remembered(catalog, readAt));
        } catch (RejectedExecutionException ended) {
            // the runtime is closing: the next start writes the cache
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(LAST_WRITE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

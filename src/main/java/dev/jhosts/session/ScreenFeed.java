package dev.jhosts.session;

import dev.jhosts.session.screen.ScreenModel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * A session's screen model, fed on a thread of its own, so that the session's output reaches
 * the terminal at the speed of the copy and the model (slower under the launcher's C1-only JIT)
 * catches up beside it on the second core. The queue is bounded: a model that falls too far
 * behind slows the copy down rather than holding an unbounded amount of output; the model itself
 * never waits on the remote program (its answers to queries go through {@link PtyInput}, dropped
 * when the program does not read them), so the copy is never held up for good. Whoever reads
 * the model ({@link #current}) first waits until every chunk offered so far is in it.
 */
final class ScreenFeed implements AutoCloseable {
    /** Chunks of at most 64 KiB each: at most 4 MiB waiting. */
    private static final int QUEUED_CHUNKS = 64;

    private final ScreenModel screen;
    /** Output chunks, and resizes in their place among them. */
    private final BlockingQueue<Item> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);

    /** What the feeder does next. */
    private sealed interface Item {}

    private record Chunk(byte[] bytes) implements Item {}

    private record Resize(int columns, int rows) implements Item {}

    private final Object progress = new Object();
    private final Thread feeder;
    private long offered; // guarded by progress
    private long fed; // guarded by progress
    private volatile boolean closed;

    ScreenFeed(ScreenModel screen) {
        this.screen = screen;
        this.feeder = new Thread(this::feed, "jhosts-screen-model");
        feeder.setDaemon(true);
    }

    void start() {
        feeder.start();
    }

    /** Queues a copy of {@code length} bytes of {@code buffer}; waits while the queue is full. */
    void offer(byte[] buffer, int length) throws InterruptedException {
        if (closed) {
            return;
        }
        byte[] chunk = new byte[length];
        System.arraycopy(buffer, 0, chunk, 0, length);
        put(new Chunk(chunk));
    }

    /**
     * The terminal was resized: the model follows at this point of the output, without waiting,
     * so that what the program draws at the new size after its SIGWINCH lands on a model of that size.
     */
    void resize(int columns, int rows) throws InterruptedException {
        put(new Resize(columns, rows));
    }

    private void put(Item item) throws InterruptedException {
        if (closed) {
            return;
        }
        synchronized (progress) {
            offered++;
        }
        chunks.put(item);
    }

    /** What {@code read} makes of the model once everything offered so far is in it. */
    <T> T current(Function<ScreenModel, T> read) {
        return current(read, Long.MAX_VALUE);
    }

    /**
     * What {@code read} makes of the model once everything offered so far is in it, or as it is
     * after {@code limitMillis} (at an ending, which must not wait long).
     */
    <T> T current(Function<ScreenModel, T> read, long limitMillis) {
        long deadline = limitMillis == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + limitMillis;
        synchronized (progress) {
            while (fed < offered && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    progress.wait(deadline == Long.MAX_VALUE ? 0 : left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (screen) {
            return read.apply(screen);
        }
    }

    private void feed() {
        try {
            while (!closed) {
                Item item = chunks.take();
                synchronized (screen) {
                    if (item instanceof Chunk chunk) {
                        screen.feed(chunk.bytes(), 0, chunk.bytes().length);
                    } else if (item instanceof Resize resize) {
                        screen.resize(resize.columns(), resize.rows());
                    }
                }
                synchronized (progress) {
                    fed++;
                    progress.notifyAll();
                }
            }
        } catch (InterruptedException closing) {
            // the session is over
        }
    }

    /** Stops the feeder; readers waiting for it get the model as it is. */
    @Override
    public void close() {
        closed = true;
        feeder.interrupt();
        synchronized (progress) {
            progress.notifyAll();
        }
    }
}

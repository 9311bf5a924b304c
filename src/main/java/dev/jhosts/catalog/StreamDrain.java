package dev.jhosts.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a child process's stream to its end on a thread of its own, keeping at most
 * {@link #LIMIT} bytes, so that the parent can wait for the process with a deadline instead of
 * blocking in a read.
 */
final class StreamDrain implements AutoCloseable {
    /** More than any {@code ssh -G} prints; the rest is read and dropped. */
    static final int LIMIT = 4 << 20;

    private final InputStream stream;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch finished = new CountDownLatch(1);

    private StreamDrain(InputStream stream) {
        this.stream = stream;
    }

    static StreamDrain start(InputStream stream, String threadName) {
        StreamDrain drain = new StreamDrain(stream);
        Thread reader = new Thread(drain::drain, threadName);
        reader.setDaemon(true);
        reader.start();
        return drain;
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = stream.read(buffer)) >= 0; ) {
                synchronized (kept) {
                    if (kept.size() < LIMIT) {
                        kept.write(buffer, 0, Math.min(n, LIMIT - kept.size()));
                    }
                }
            }
        } catch (IOException closed) {
            // the stream was closed under us (timeout): what was read is all there is
        } finally {
            finished.countDown();
        }
    }

    /** What was read, waiting up to {@code wait} for the end of the stream. */
    String text(Duration wait) throws InterruptedException {
        finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // nothing more to read either way
        }
    }
}

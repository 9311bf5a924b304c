package dev.jhosts.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies the PTY master's output to the user's terminal until EOF or EIO (the last slave
 * descriptor was closed): whatever one read returns is written and flushed at once.
 *
 * <p>jhosts' own lines (the escape list) go through {@link #writeLocal}, under the same lock, so
 * they never land inside a chunk of the session's output. {@link #abandon()} stops the copy
 * from writing for good, for a session whose master does not answer: such a master keeps its
 * copies of the slave open, so the read may not end until it is killed, and by then the
 * terminal belongs to someone else.
 */
final class OutputPump implements Runnable {
    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream from;
    private final OutputStream to;
    private final AtomicLong copied = new AtomicLong();
    private final Thread thread;
    private final Object writing = new Object();
    private boolean abandoned; // guarded by writing

    OutputPump(InputStream from, OutputStream to) {
        this.from = from;
        this.to = to;
        this.thread = new Thread(this, "jhosts-pty-output");
        thread.setDaemon(true);
    }

    OutputPump start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                // a PTY read gives at most a few KiB: gather what is already there, then write once
                for (int more; n < buffer.length && from.available() > 0 && (more = from.read(buffer, n, buffer.length - n)) > 0; ) {
                    n += more;
                }
                synchronized (writing) {
                    if (abandoned) {
                        return;
                    }
                    to.write(buffer, 0, n);
                    to.flush();
                }
                copied.addAndGet(n);
            }
        } catch (IOException endOrBrokenTerminal) {
            // EIO once every slave descriptor is closed and the buffer is drained: the normal end
        }
    }

    /** Writes jhosts' own text to the terminal between two chunks of the session's output. */
    void writeLocal(byte[] text) throws IOException {
        synchronized (writing) {
            if (!abandoned) {
                to.write(text);
                to.flush();
            }
        }
    }

    /** Waits up to {@code millis} for the copy to end; true when it has. */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** From now on nothing more is written; returns once a write under way is over. */
    void abandon() {
        synchronized (writing) {
            abandoned = true;
        }
    }

    long bytesCopied() {
        return copied.get();
    }
}

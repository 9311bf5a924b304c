package dev.jhosts.session;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What goes to the remote program's input through the PTY master: the keys the user types and
 * the screen model's answers to terminal queries, in the order they come, written by a thread
 * of its own. A program that does not read its input fills the PTY and the ssh channel behind
 * it; a write then blocks until it reads again, and only this thread waits: the keyboard (and
 * so the escapes {@code ~.} and the detach key) and the screen model go on.
 *
 * <p>What waits is bounded. Keys beyond {@link #KEYS_LIMIT} bytes waiting are dropped (no one
 * types that much; a paste that large into a program that reads nothing is lost past it). An
 * answer is dropped when {@link #ANSWERS_LIMIT} bytes already wait: a program that sends
 * queries and reads no answers gets none, instead of an unbounded backlog.
 */
final class PtyInput implements AutoCloseable {
    /** Keys waiting for a remote that does not read: beyond this many bytes, more are dropped. */
    static final int KEYS_LIMIT = 1 << 20;
    /** An answer to a terminal query is dropped once this many bytes wait already. */
    static final int ANSWERS_LIMIT = 1 << 12;
    private static final long DRAIN_MILLIS = 1_000;

    private final OutputStream master;
    private final Thread writer;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>(); // guarded by this
    private int waitingBytes; // guarded by this
    private boolean closed; // guarded by this
    /** While the session has no master: keys and answers go nowhere (never to the next one). */
    private boolean discarding; // guarded by this

    /** @param master the PTY master's output (the remote program's input) */
    PtyInput(OutputStream master) {
        this.master = master;
        this.writer = new Thread(this::write, "jhosts-pty-writer");
        writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    /** Keys for the remote program; never blocks. Returns false when they were dropped (over the limit, closed). */
    synchronized boolean keys(byte[] bytes, int offset, int length) {
        return queue(bytes, offset, length, KEYS_LIMIT);
    }

    /** An answer to a terminal query; never blocks. Returns false when it was dropped (the remote does not read). */
    synchronized boolean answer(byte[] answer) {
        return queue(answer, 0, answer.length, ANSWERS_LIMIT);
    }

    /** Keys as a stream, for the keyboard pump: writes never block and never fail. */
    OutputStream keyStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                keys(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                keys(bytes, offset, length);
            }
        };
    }

    /** From now on (or no longer) what comes is dropped; what waits is dropped now. */
    synchronized void discarding(boolean drop) {
        discarding = drop;
        if (drop) {
            waiting.clear();
            waitingBytes = 0;
        }
    }

    private boolean queue(byte[] bytes, int offset, int length, int limit) {
        if (discarding) {
            return true;
        }
        if (closed || waitingBytes + length > limit) {
            return false;
        }
        if (length > 0) {
            waiting.add(Arrays.copyOfRange(bytes, offset, offset + length));
            waitingBytes += length;
            notifyAll();
        }
        return true;
    }

    /** Whether the writer thread still runs; for tests. */
    boolean writerAlive() {
        return writer.isAlive();
    }

    /** How many bytes wait for the remote to read; for tests. */
    synchronized int waitingBytes() {
        return waitingBytes;
    }

    private void write() {
        try {
            while (true) {
                byte[] next;
                synchronized (this) {
                    while (waiting.isEmpty() && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    next = waiting.peek();
                }
                master.write(next);
                master.flush();
                synchronized (this) {
                    waiting.poll();
                    waitingBytes -= next.length;
                }
            }
        } catch (IOException sessionGone) {
            // EIO: the PTY is closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /**
     * Drops what waits and ends the writer. A write under way into a PTY nobody reads any more
     * never returns on its own (closing the slave does not wake it): what it wrote is read off
     * {@code slave}, our own copy of the slave, until it returns (bounded). Call it once the
     * session is over, before closing {@code slave}.
     */
    void close(FileDescriptor slave) {
        close();
        if (!writer.isAlive()) {
            return;
        }
        byte[] discard = new byte[1 << 12];
        @SuppressWarnings("resource") // closing it would close the slave, which the caller owns
        FileInputStream unread = new FileInputStream(slave);
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
        try {
            while (writer.isAlive() && System.nanoTime() < deadline) {
                int available = unread.available();
                if (available > 0) {
                    unread.read(discard, 0, Math.min(available, discard.length));
                } else {
                    writer.join(5);
                }
            }
        } catch (IOException slaveGone) {
            // nothing to read off: the writer has its EIO
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops what waits and ends the writer once its write under way (if any) returns. */
    @Override
    public synchronized void close() {
        closed = true;
        waiting.clear();
        waitingBytes = 0;
        notifyAll();
    }
}

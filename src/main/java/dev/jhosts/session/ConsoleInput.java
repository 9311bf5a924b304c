package dev.jhosts.session;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.jline.utils.NonBlockingInputStream;

/**
 * Standard input read only when the terminal says bytes are waiting (FIONREAD, through {@link
 * FileInputStream#available()}), so that no read is ever left pending on the terminal. JLine's
 * own non-blocking stream keeps a thread blocked in {@code read()} after a timed read; that
 * thread would take the first key typed into whatever runs next on the terminal (ssh's
 * password prompt in the fallback, the list after a session). With this stream the list, the
 * session bridge and a plain ssh can hand the terminal to each other without losing a byte.
 *
 * <p>In the terminal's normal (canonical) modes the count covers only whole lines, so a line is
 * read once Enter ends it; a lone end-of-file character (Ctrl-D) is never seen.
 */
public final class ConsoleInput extends NonBlockingInputStream {
    /** Poll intervals: short while keys are coming, longer once the user has paused. */
    private static final long BUSY_POLL_MILLIS = 2;
    private static final long IDLE_POLL_MILLIS = 15;
    private static final long BUSY_NANOS = 500_000_000L;

    private final FileInputStream input = new FileInputStream(FileDescriptor.in);
    private final Object sleep = new Object();
    private int peeked = READ_EXPIRED;
    private long lastByte = System.nanoTime();
    private boolean wakeUp; // guarded by sleep

    /**
     * Ends the wait of the read under way (or of the next one) at once, as if its time had run
     * out: the key reader gives up the terminal without waiting out its poll.
     */
    public void wakeUp() {
        synchronized (sleep) {
            wakeUp = true;
            sleep.notifyAll();
        }
    }

    @Override
    public synchronized int read(long timeout, boolean isPeek) throws IOException {
        if (peeked != READ_EXPIRED) {
            int value = peeked;
            if (!isPeek) {
                peeked = READ_EXPIRED;
            }
            return value;
        }
        long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000 : Long.MAX_VALUE;
        while (input.available() <= 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return READ_EXPIRED;
            }
            try {
                long interval = System.nanoTime() - lastByte < BUSY_NANOS ? BUSY_POLL_MILLIS : IDLE_POLL_MILLIS;
                synchronized (sleep) {
                    if (!wakeUp) {
                        sleep.wait(Math.min(interval, left));
                    }
                    if (wakeUp) {
                        wakeUp = false;
                        return READ_EXPIRED;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for input");
            }
        }
        int value = input.read();
        lastByte = System.nanoTime();
        if (isPeek) {
            peeked = value;
        }
        return value;
    }

    /** Everything already waiting, after the first byte (which may be waited for up to {@code timeout}). */
    @Override
    public synchronized int readBuffered(byte[] buffer, int offset, int length, long timeout) throws IOException {
        if (length == 0) {
            return 0;
        }
        int first = read(timeout, false);
        if (first < 0) {
            return first;
        }
        buffer[offset] = (byte) first;
        int count = 1;
        int waiting = Math.min(input.available(), length - 1);
        if (waiting > 0) {
            int read = input.read(buffer, offset + 1, waiting);
            count += Math.max(0, read);
        }
        return count;
    }

    @Override
    public synchronized int available() throws IOException {
        return (peeked != READ_EXPIRED ? 1 : 0) + input.available();
    }
}

package dev.jhosts.session;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
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
    private final FileInputStream input;
    private final InputWait wait;
    private int peeked = READ_EXPIRED;
    /** Bytes a session gave back (typed after its detach key, in the same read): read first. */
    private byte[] given = new byte[0];
    private int givenAt;
    /**
     * Bytes given back while a read may be under way, which holds this stream's monitor while it
     * waits on the terminal: they go before {@link #given} at the next look (guarded by itself).
     */
    private final Object arrivingLock = new Object();
    private byte[] arriving = new byte[0];
    /** A read waits on the terminal: bytes given back wake it. */
    private volatile boolean waiting;
    /** The terminal is gone (its client left): every read from now on is the end of input. */
    private volatile boolean hungUp;

    /** Reads {@code terminal} (standard input, or a tty a client passed); closing this does not close it. */
    public ConsoleInput(FileDescriptor terminal) {
        this.input = new FileInputStream(terminal);
        this.wait = InputWait.on(terminal);
    }

    /**
     * The terminal is gone, as its client told (a closed tty may report nothing to read for
     * ever, never the end): reads end at once, the one waiting too.
     */
    public void hangUp() {
        hungUp = true;
        wakeUp();
    }

    /**
     * Ends the wait of the read under way (or of the next one) at once, as if its time had run
     * out: the key reader gives up the terminal without waiting out its poll.
     */
    public void wakeUp() {
        wait.wakeUp();
    }

    /**
     * Puts {@code bytes} before whatever is still to be read: keys a session took with its detach
     * key that were typed after it belong to the list; a Ctrl-C the client was sent before the
     * picker took its terminal. It never waits for a read under way, which reads them at once.
     */
    public void giveBack(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        synchronized (arrivingLock) {
            byte[] joined = new byte[length + arriving.length];
            System.arraycopy(bytes, offset, joined, 0, length);
            System.arraycopy(arriving, 0, joined, length, arriving.length);
            arriving = joined;
        }
        // (the read sets waiting before it looks at what arrived: one of the two sees the other)
        if (waiting) {
            wakeUp();
        }
    }

    /** Called holding this stream's monitor: what arrived goes before what was given and the byte peeked. */
    private void takeArriving() {
        byte[] taken;
        synchronized (arrivingLock) {
            taken = arriving;
            arriving = new byte[0];
        }
        if (taken.length == 0) {
            return;
        }
        byte[] joined = new byte[taken.length + given.length - givenAt + (peeked >= 0 ? 1 : 0)];
        System.arraycopy(taken, 0, joined, 0, taken.length);
        int at = taken.length;
        System.arraycopy(given, givenAt, joined, at, given.length - givenAt);
        at += given.length - givenAt;
        if (peeked >= 0) {
            joined[at] = (byte) peeked;
            peeked = READ_EXPIRED;
        }
        given = joined;
        givenAt = 0;
    }

    @Override
    public synchronized int read(long timeout, boolean isPeek) throws IOException {
        if (hungUp) {
            return EOF;
        }
        takeArriving();
        if (givenAt < given.length) {
            int value = given[givenAt] & 0xff;
            if (!isPeek) {
                givenAt++;
            }
            return value;
        }
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
            InputWait.Outcome outcome;
            waiting = true;
            try {
                if (hasArrived()) {
                    return read(timeout, isPeek);
                }
                outcome = wait.await(left);
            } finally {
                waiting = false;
            }
            switch (outcome) {
                case WOKEN -> {
                    if (hungUp) {
                        return EOF;
                    }
                    if (hasArrived()) {
                        return read(timeout, isPeek);
                    }
                    return READ_EXPIRED;
                }
                case GONE -> {
                    if (input.available() <= 0) {
                        return EOF;
                    }
                }
                case READABLE, EXPIRED -> {
                    // the loop asks the terminal again
                }
            }
        }
        int value = input.read();
        wait.bytesCame();
        if (isPeek) {
            peeked = value;
        }
        return value;
    }

    private boolean hasArrived() {
        synchronized (arrivingLock) {
            return arriving.length > 0;
        }
    }

    /** Everything already waiting, after the first byte (which may be waited for up to {@code timeout}). */
    @Override
    public synchronized int readBuffered(byte[] buffer, int offset, int length, long timeout) throws IOException {
        if (length == 0) {
            return 0;
        }
        takeArriving();
        if (givenAt < given.length) {
            int count = Math.min(length, given.length - givenAt);
            System.arraycopy(given, givenAt, buffer, offset, count);
            givenAt += count;
            return count;
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
        takeArriving();
        return given.length - givenAt + (peeked != READ_EXPIRED ? 1 : 0) + input.available();
    }

    /** Frees the wait's own descriptors; the terminal stays open. */
    @Override
    public void close() {
        wait.close();
    }
}

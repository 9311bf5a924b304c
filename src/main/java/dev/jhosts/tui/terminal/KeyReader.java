package dev.jhosts.tui.terminal;

import dev.jhosts.tui.state.Key;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Consumer;
import org.jline.utils.NonBlockingInputStream;

/**
 * The one thread that reads the terminal while the list is shown. {@link #pause()} takes it off
 * the terminal before a session, waking its wait at once (Enter to the session waits on this):
 * while paused it reads nothing, so every byte the user types goes to the session. Bytes that arrive after a pause was
 * asked for are dropped, never replayed into the list after the session.
 */
public final class KeyReader {
    /** How long one read waits before it looks again whether it was stopped ({@link #pause()} wakes it at once). */
    private static final long POLL_MILLIS = 10;
    private static final long BURST_MILLIS = 2;
    private static final long ESCAPE_MILLIS = 30;
    private static final long PAUSE_LIMIT_MILLIS = 2000;

    private final PolledInput input;
    private final KeyDecoder decoder;
    private final Consumer<Key> keys;
    private final Runnable endOfInput;
    private final Object lock = new Object();
    private boolean paused = true;
    private boolean reading;
    private boolean stopped;

    KeyReader(PolledInput input, Charset encoding, Consumer<Key> keys, Runnable endOfInput) {
        this.input = input;
        this.decoder = new KeyDecoder(encoding);
        this.keys = keys;
        this.endOfInput = endOfInput;
        Thread thread = new Thread(this::run, "jhosts-keys");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts (or restarts) delivering keys. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Stops reading; returns once the reader is off the terminal (or a limit passed). */
    public void pause() {
        synchronized (lock) {
            paused = true;
            input.wakeUp();
            long deadline = System.currentTimeMillis() + PAUSE_LIMIT_MILLIS;
            while (reading && !stopped) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Ends the thread for good. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            paused = true;
            lock.notifyAll();
        }
    }

    private void run() {
        byte[] burst = new byte[4096];
        try {
            while (awaitTurn()) {
                int first = input.read(POLL_MILLIS);
                if (first == NonBlockingInputStream.READ_EXPIRED) {
                    continue;
                }
                if (first == NonBlockingInputStream.EOF) {
                    endOfInput.run();
                    return;
                }
                int length = 0;
                burst[length++] = (byte) first;
                while (length < burst.length) {
                    long wait = KeyDecoder.endsInsideEscape(burst, length) ? ESCAPE_MILLIS : BURST_MILLIS;
                    int next = input.read(wait);
                    if (next < 0) {
                        break;
                    }
                    burst[length++] = (byte) next;
                }
                if (stillWanted()) {
                    List<Key> decoded = decoder.decode(burst, length);
                    decoded.forEach(keys);
                }
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            endOfInput.run();
        } finally {
            synchronized (lock) {
                reading = false;
                stopped = true;
                lock.notifyAll();
            }
        }
    }

    /** Waits while paused; false when stopped. */
    private boolean awaitTurn() {
        synchronized (lock) {
            while (paused && !stopped) {
                reading = false;
                lock.notifyAll();
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            reading = !stopped;
            return !stopped;
        }
    }

    private boolean stillWanted() {
        synchronized (lock) {
            return !paused;
        }
    }
}

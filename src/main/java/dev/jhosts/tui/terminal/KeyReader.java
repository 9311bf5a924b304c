package dev.jhosts.tui.terminal;

import dev.jhosts.session.ConsoleInput;
import dev.jhosts.tui.state.Key;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jline.utils.NonBlockingInputStream;

/**
 * The one thread that reads the terminal while the list is shown, and what becomes of each
 * byte it reads. No byte typed after the Enter that opens a session is lost or read by the
 * list: ssh keeps typeahead, and so does jhosts.
 *
 * <ul>
 *   <li><b>List</b>: bytes are decoded into keys and delivered. Each key's bytes are kept until
 *       the UI thread says it {@linkplain #consumed() consumed} the key, so that keys delivered
 *       after an Enter but not yet acted on can be taken back for the session.</li>
 *   <li><b>Hold</b> ({@link #hold()}, while jhosts is connecting): delivered but unconsumed
 *       keys are taken back (the caller drops their events), and everything read is kept, raw,
 *       for the session; only a lone Esc is delivered, to cancel. {@link #release()} ends it
 *       without a session.</li>
 *   <li><b>Paused</b>: nothing is read. {@link #handOver()} pauses and gives the session every
 *       byte kept, in the order typed; {@link #pause()} (Ctrl-Z) drops what a read under way
 *       brings.</li>
 * </ul>
 *
 * <p>An escape sequence's bytes may arrive apart (over ssh on a jump box, each is a packet):
 * after ESC the reader waits up to the escape timeout (setting {@code escape-timeout}) for the
 * rest before it decides the ESC was the Esc key.
 */
public final class KeyReader {
    /**
     * How long one read waits before it looks again whether it was stopped: a backstop, as every
     * change of mode that must take the reader off the terminal wakes it at once.
     */
    private static final long POLL_MILLIS = 1000;
    private static final long BURST_MILLIS = 2;
    private static final long PAUSE_LIMIT_MILLIS = 2000;
    private static final byte ESC = 0x1b;

    /** What the reader does with what it reads. */
    private enum Mode { LIST, HOLD, PAUSED }

    /**
     * Bytes read and not yet taken by the list: a key delivered and not yet consumed, or bytes
     * held for a session.
     */
    private record Entry(byte[] bytes, boolean delivered) {}

    /**
     * What a session gets when it takes the terminal.
     *
     * @param bytes everything typed and not taken by the list, in order
     * @param reclaimedKeys how many delivered keys these bytes include: the caller drops that
     *     many of the oldest key events still queued
     */
    public record HandOver(byte[] bytes, int reclaimedKeys) {
        public HandOver {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private final NonBlockingInputStream input;
    private final Runnable wakeUp;
    private final Charset encoding;
    private final long escapeMillis;
    private final Consumer<Key> keys;
    private final Runnable endOfInput;
    private final Object lock = new Object();
    // all guarded by lock
    private final ArrayDeque<Entry> unconsumed = new ArrayDeque<>();
    private final ByteArrayOutputStream carry = new ByteArrayOutputStream();
    private KeyDecoder decoder;
    private Mode mode = Mode.PAUSED;
    private boolean keepWhilePaused;
    private boolean escapeConsumedWhileHolding;
    private boolean reading;
    private boolean stopped;

    KeyReader(ConsoleInput input, Charset encoding, Duration escapeTimeout, Consumer<Key> keys, Runnable endOfInput) {
        this(input, input::wakeUp, encoding, escapeTimeout, keys, endOfInput);
    }

    /**
     * @param input the terminal's input, never left with a read pending
     * @param wakeUp ends the wait of {@code input}'s read under way at once
     */
    KeyReader(NonBlockingInputStream input, Runnable wakeUp, Charset encoding, Duration escapeTimeout,
            Consumer<Key> keys, Runnable endOfInput) {
        this.input = input;
        this.wakeUp = wakeUp;
        this.encoding = encoding;
        this.decoder = new KeyDecoder(encoding);
        this.escapeMillis = Math.max(1, escapeTimeout.toMillis());
        this.keys = keys;
        this.endOfInput = endOfInput;
        Thread thread = new Thread(this::run, "jhosts-keys");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts (or restarts) delivering keys to the list. */
    public void resume() {
        synchronized (lock) {
            mode = Mode.LIST;
            keepWhilePaused = false;
            lock.notifyAll();
        }
    }

    /** The UI thread took one key event and acts on it: its bytes are the list's now. */
    public void consumed() {
        synchronized (lock) {
            while (!unconsumed.isEmpty()) {
                Entry entry = unconsumed.pollFirst();
                if (entry.delivered()) {
                    // in hold only a lone Esc is delivered: what was held before it is cancelled with it
                    escapeConsumedWhileHolding |= mode == Mode.HOLD;
                    return;
                }
            }
        }
    }

    /**
     * From now on keeps what is typed for a session (while jhosts connects), and takes back the
     * keys delivered but not consumed: returns how many, the caller drops that many of the
     * oldest key events still queued. No-op unless delivering to the list.
     */
    public int hold() {
        synchronized (lock) {
            if (mode != Mode.LIST) {
                return 0;
            }
            mode = Mode.HOLD;
            escapeConsumedWhileHolding = false;
            int reclaimed = reclaimAll();
            return reclaimed;
        }
    }

    /** Whether {@link #hold()} is in force. */
    public boolean holding() {
        synchronized (lock) {
            return mode == Mode.HOLD;
        }
    }

    /**
     * Ends a hold without a session: back to the list. After an Esc that cancelled, what was
     * typed after it goes to the list; without one (the session did not open) what was held
     * is dropped, being meant for the session. Returns how many key events (an Esc typed to
     * cancel, still queued) the caller drops. No-op unless holding.
     */
    public int release() {
        return endHold(false);
    }

    /**
     * Ends a hold because a dialog comes before the session (ssh asks for a password, a host
     * key, a confirmation): what was held is the dialog's, delivered to the list as keys in the
     * order typed, so that {@code yes} typed while connecting answers the host-key question.
     * Returns how many key events (an Esc typed to cancel, still queued) the caller drops.
     * No-op unless holding.
     */
    public int handToDialog() {
        return endHold(true);
    }

    private int endHold(boolean toDialog) {
        synchronized (lock) {
            if (mode != Mode.HOLD) {
                return 0;
            }
            mode = Mode.LIST;
            int dropped = 0;
            ByteArrayOutputStream replay = new ByteArrayOutputStream();
            for (Entry entry : unconsumed) {
                if (entry.delivered()) {
                    dropped++;
                } else if (escapeConsumedWhileHolding || toDialog) {
                    replay.writeBytes(entry.bytes());
                }
            }
            unconsumed.clear();
            decoder = new KeyDecoder(encoding);
            if (replay.size() > 0) {
                deliver(replay.toByteArray(), replay.size());
            }
            return dropped;
        }
    }

    /**
     * Takes the reader off the terminal for a session and gives it every byte read and not
     * taken by the list, in order (keys delivered and not consumed among them: drop their
     * events). Returns once the reader is off the terminal (or a limit passed).
     */
    public HandOver handOver() {
        synchronized (lock) {
            mode = Mode.PAUSED;
            keepWhilePaused = true;
            awaitOffTerminal();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int reclaimed = 0;
            for (Entry entry : unconsumed) {
                bytes.writeBytes(entry.bytes());
                reclaimed += entry.delivered() ? 1 : 0;
            }
            unconsumed.clear();
            bytes.writeBytes(carry.toByteArray());
            carry.reset();
            decoder = new KeyDecoder(encoding);
            return new HandOver(bytes.toByteArray(), reclaimed);
        }
    }

    /** How many bytes read are kept, not yet the list's (delivered keys not consumed, held bytes); for tests. */
    int keptBytes() {
        synchronized (lock) {
            return unconsumed.stream().mapToInt(entry -> entry.bytes().length).sum() + carry.size();
        }
    }

    /** Stops reading (Ctrl-Z); returns once the reader is off the terminal (or a limit passed). */
    public void pause() {
        synchronized (lock) {
            mode = Mode.PAUSED;
            keepWhilePaused = false;
            awaitOffTerminal();
        }
    }

    /** Ends the thread for good. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            mode = Mode.PAUSED;
            lock.notifyAll();
        }
        wakeUp.run();
    }

    /** Called holding the lock. */
    private void awaitOffTerminal() {
        wakeUp.run();
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

    /** Called holding the lock: every unconsumed key becomes held bytes; returns how many. */
    private int reclaimAll() {
        int reclaimed = 0;
        ArrayDeque<Entry> held = new ArrayDeque<>();
        for (Entry entry : unconsumed) {
            held.add(new Entry(entry.bytes(), false));
            reclaimed += entry.delivered() ? 1 : 0;
        }
        if (carry.size() > 0) {
            held.add(new Entry(carry.toByteArray(), false));
            carry.reset();
        }
        unconsumed.clear();
        unconsumed.addAll(held);
        // a character split across bursts is the session's now
        decoder = new KeyDecoder(encoding);
        return reclaimed;
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
                    long wait = KeyDecoder.endsInsideEscape(burst, length) ? escapeMillis : BURST_MILLIS;
                    int next = input.read(wait);
                    if (next < 0) {
                        break;
                    }
                    burst[length++] = (byte) next;
                }
                take(burst, length);
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

    /** What becomes of one burst, by the mode in force once it was read. */
    private void take(byte[] burst, int length) {
        synchronized (lock) {
            switch (mode) {
                case LIST -> deliver(burst, length);
                case HOLD -> {
                    if (length == 1 && burst[0] == ESC) {
                        unconsumed.add(new Entry(new byte[] {ESC}, true));
                        keys.accept(Key.named(Key.Name.ESCAPE));
                    } else {
                        unconsumed.add(new Entry(Arrays.copyOf(burst, length), false));
                    }
                }
                case PAUSED -> {
                    if (keepWhilePaused) {
                        unconsumed.add(new Entry(Arrays.copyOf(burst, length), false));
                    }
                }
            }
        }
    }

    /** Called holding the lock: decodes and delivers, keeping each key's bytes. */
    private void deliver(byte[] burst, int length) {
        int[] taken = {0};
        try {
            decoder.decode(burst, length, (key, end) -> {
                carry.write(burst, taken[0], end - taken[0]);
                taken[0] = end;
                unconsumed.add(new Entry(carry.toByteArray(), true));
                carry.reset();
                keys.accept(key);
            });
        } catch (IOException inMemory) {
            // the decoder reads characters already in memory: this does not happen
        }
        carry.write(burst, taken[0], length - taken[0]);
    }

    /** Waits while paused; false when stopped. */
    private boolean awaitTurn() {
        synchronized (lock) {
            while (mode == Mode.PAUSED && !stopped) {
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
}

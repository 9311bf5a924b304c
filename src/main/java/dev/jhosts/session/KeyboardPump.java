package dev.jhosts.session;

import java.io.IOException;
import java.io.OutputStream;
import org.jline.utils.NonBlockingInputStream;

/**
 * Copies the user's keystrokes to the PTY master until stopped, through the {@link
 * EscapeScanner}: first the typeahead (what was typed before the session opened), then the
 * terminal. It looks at the next byte before taking it, so a key pressed after {@link #stop}
 * stays in the terminal's input for whoever reads next (the TUI). After a command that leaves
 * the session ({@code ~.}, detach, next, previous) it takes nothing more, and what was read with
 * it but typed after it is given back to the terminal's input ({@link ConsoleInput#giveBack}).
 */
final class KeyboardPump implements Runnable {
    private static final long POLL_MILLIS = 50;
    private static final int BUFFER_SIZE = 1 << 12;

    /** Acts on an escape the user typed (on the pump's thread). */
    interface EscapeHandler {
        void handle(EscapeScanner.Command command) throws IOException;
    }

    /** Takes back bytes read from the keyboard that were not the session's. */
    interface GiveBack {
        void giveBack(byte[] bytes, int offset, int length);
    }

    private final NonBlockingInputStream from;
    private final OutputStream to;
    private final EscapeScanner escapes;
    private final EscapeHandler handler;
    private final byte[] typeahead;
    private final GiveBack giveBack;
    /** Told when the keyboard ends (the terminal's client left): the session is left, not ended. */
    private final Runnable keyboardGone;
    private final Thread thread;
    private final EscapeScanner.Sink sink = new EscapeScanner.Sink() {
        @Override
        public void send(byte[] bytes, int offset, int length) throws IOException {
            to.write(bytes, offset, length);
        }

        @Override
        public void command(EscapeScanner.Command command) throws IOException {
            handler.handle(command);
        }
    };
    private volatile boolean stopped;

    KeyboardPump(NonBlockingInputStream from, OutputStream to, EscapeScanner escapes, EscapeHandler handler,
            byte[] typeahead, GiveBack giveBack, Runnable keyboardGone) {
        this.from = from;
        this.keyboardGone = keyboardGone;
        this.giveBack = giveBack;
        this.to = to;
        this.escapes = escapes;
        this.handler = handler;
        this.typeahead = typeahead.clone();
        this.thread = new Thread(this, "jhosts-pty-input");
        thread.setDaemon(true);
    }

    KeyboardPump start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            if (typeahead.length > 0 && !copied(typeahead, typeahead.length)) {
                return;
            }
            while (!stopped) {
                int next;
                int n;
                try {
                    next = from.peek(POLL_MILLIS);
                    if (next == NonBlockingInputStream.EOF) {
                        keyboardGone.run();
                        return;
                    }
                    if (next == NonBlockingInputStream.READ_EXPIRED || stopped) {
                        continue;
                    }
                    n = from.readBuffered(buffer, POLL_MILLIS);
                } catch (IOException terminalGone) {
                    // EIO from a terminal that was hung up: as the end of its input
                    keyboardGone.run();
                    return;
                }
                if (n > 0 && !copied(buffer, n)) {
                    return;
                }
            }
        } catch (IOException sessionGone) {
            // EIO on the PTY master once the session is over; nothing to copy any more
        }
    }

    /** Scans and copies {@code n} bytes; false once the session's keyboard is left (the rest given back). */
    private boolean copied(byte[] bytes, int n) throws IOException {
        int taken = escapes.scan(bytes, 0, n, sink);
        if (taken < n) {
            giveBack.giveBack(bytes, taken, n - taken);
        }
        return !escapes.left();
    }

    /** Stops copying and waits (bounded) for the pump to let go of the terminal. */
    void stop() throws InterruptedException {
        stopped = true;
        if (Thread.currentThread() != thread) {
            thread.join(10 * POLL_MILLIS + 1000);
        }
    }
}

package dev.jhosts.session;

import java.io.IOException;
import java.io.OutputStream;
import org.jline.utils.NonBlockingInputStream;

/**
 * Copies the user's keystrokes to the PTY master until stopped. It looks at the next byte
 * before taking it, so a key pressed after {@link #stop} stays in the terminal's input for
 * whoever reads next (the TUI).
 */
final class KeyboardPump implements Runnable {
    private static final long POLL_MILLIS = 50;
    private static final int BUFFER_SIZE = 1 << 12;

    private final NonBlockingInputStream from;
    private final OutputStream to;
    private final Thread thread;
    private volatile boolean stopped;

    KeyboardPump(NonBlockingInputStream from, OutputStream to) {
        this.from = from;
        this.to = to;
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
            while (!stopped) {
                int next = from.peek(POLL_MILLIS);
                if (next == NonBlockingInputStream.EOF) {
                    return;
                }
                if (next == NonBlockingInputStream.READ_EXPIRED || stopped) {
                    continue;
                }
                int n = from.readBuffered(buffer, POLL_MILLIS);
                if (n > 0) {
                    to.write(buffer, 0, n);
                }
            }
        } catch (IOException sessionGoneOrTerminalGone) {
            // EIO on the PTY master once the session is over; nothing to copy any more
        }
    }

    /** Stops copying and waits (bounded) for the pump to let go of the terminal. */
    void stop() throws InterruptedException {
        stopped = true;
        thread.join(10 * POLL_MILLIS + 1000);
    }
}

package dev.jhosts.session;

import dev.jhosts.terminal.ModesToUndo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The user's terminal's output as a session writes it, and what the session has set on it, so
 * that every ending gives the terminal back undone: {@link #end()} (from {@link Console#close()},
 * also in a shutdown hook on SIGTERM, SIGHUP or SIGINT) first stops the session's writes, then
 * writes the undo of the modes the attached session's program set ({@link ModesToUndo}), which
 * the session's own hand-back would have written had it had the time.
 */
final class TerminalHandBack {
    /** How long the ending waits for a write under way (a terminal that does not read) before it goes on. */
    private static final long WRITE_UNDER_WAY_MILLIS = 1_000;

    private final OutputStream terminal;
    /** Held for each write of the session's; the ending takes it to shut the gate between two writes. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean shut;
    private volatile Supplier<ModesToUndo> borrower = () -> ModesToUndo.NONE;
    private final OutputStream gated = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writing.lock();
            try {
                if (!shut) {
                    terminal.write(bytes, offset, length);
                }
            } finally {
                writing.unlock();
            }
        }

        @Override
        public void flush() throws IOException {
            writing.lock();
            try {
                if (!shut) {
                    terminal.flush();
                }
            } finally {
                writing.unlock();
            }
        }
    };

    TerminalHandBack(OutputStream terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** The terminal's output for a session: writes pass until {@link #end()}, then are dropped. */
    OutputStream output() {
        return gated;
    }

    /**
     * The terminal is a session's from now on: {@code modes} tells (bounded in time) what its
     * program has set, for an ending that comes before {@link #takeBack()}.
     */
    void lend(Supplier<ModesToUndo> modes) {
        borrower = Objects.requireNonNull(modes, "modes");
    }

    /** The session has given the terminal back, its modes undone. */
    void takeBack() {
        borrower = () -> ModesToUndo.NONE;
    }

    /**
     * The ending: no session writes on the terminal again, and the modes of the one attached
     * are undone. Safe on a terminal that is gone, and more than once (the undo is written once).
     */
    void end() {
        boolean locked = false;
        try {
            locked = writing.tryLock(WRITE_UNDER_WAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (shut) {
                return;
            }
            shut = true;
            byte[] undo = borrower.get().undo();
            takeBack();
            if (undo.length > 0) {
                terminal.write(undo);
                terminal.flush();
            }
        } catch (IOException | RuntimeException terminalGone) {
            // SIGHUP: nothing to give back
        } finally {
            if (locked) {
                writing.unlock();
            }
        }
    }
}

package dev.jhosts.tui.terminal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The picker's drawing on its way to the terminal, shut when the terminal is given back: the
 * picker's loop may draw once more before it learns that its terminal has gone (a client that
 * ended while a session was attached gets the list back for a moment), and that frame must not
 * reach a terminal that is its shell's again. Not a lock: a terminal that does not drain (its
 * reader gone) must never keep the giving back waiting for a write.
 */
final class UntilGivenBack extends OutputStream {
    private final OutputStream terminal;
    private volatile boolean shut;

    UntilGivenBack(OutputStream terminal) {
        this.terminal = terminal;
    }

    /** From now on, what is drawn goes nowhere. */
    void shut() {
        shut = true;
    }

    @Override
    public void write(int b) throws IOException {
        if (!shut) {
            terminal.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (!shut) {
            terminal.write(bytes, offset, length);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!shut) {
            terminal.flush();
        }
    }
}

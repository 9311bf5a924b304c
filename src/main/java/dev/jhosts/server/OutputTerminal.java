package dev.jhosts.server;

import dev.jhosts.terminal.ProcFiles;
import dev.jhosts.terminal.TerminalWidth;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Optional;
import org.jline.nativ.CLibrary;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A served command's client's standard output, when it is a terminal: opened by its path ({@code
 * /proc/PID/fd/1} names the tty) to ask its width, never written (the output goes over the socket,
 * in order with the errors). A pipe or a file is never opened: a second reader of a pipe would
 * keep its writer from learning that the real one went away.
 */
public final class OutputTerminal implements AutoCloseable {
    private final RandomAccessFile tty;
    private final int number;

    private OutputTerminal(RandomAccessFile tty, int number) {
        this.tty = tty;
        this.number = number;
    }

    /** The terminal of process {@code pid}'s standard output; empty when it is none, or cannot be opened. */
    static Optional<OutputTerminal> of(long pid) {
        if (ProcFiles.target(pid, 1).filter(target -> target.startsWith("/dev/")).isEmpty()) {
            return Optional.empty();
        }
        RandomAccessFile opened = null;
        try {
            opened = new RandomAccessFile(ProcFiles.descriptor(pid, 1).toFile(), "r");
            FileDescriptor descriptor = opened.getFD();
            int number = FileDescriptorCast.using(descriptor).as(Integer.class);
            if (CLibrary.isatty(number) != 1) {
                opened.close();
                return Optional.empty();
            }
            return Optional.of(new OutputTerminal(opened, number));
        } catch (IOException | RuntimeException | LinkageError unusable) {
            if (opened != null) {
                try {
                    opened.close();
                } catch (IOException ignored) {
                    // nothing was read from it
                }
            }
            return Optional.empty();
        }
    }

    /** Its width now. */
    public int columns() {
        return TerminalWidth.columns(number);
    }

    @Override
    public void close() {
        try {
            tty.close();
        } catch (IOException ignored) {
            // nothing was written to it
        }
    }
}

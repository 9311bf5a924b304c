package dev.jhosts.terminal;

import java.io.FileDescriptor;
import java.util.Objects;

/**
 * The terminal a picker draws on and reads keys from: this process's own standard input, or a
 * tty descriptor a client of the jhosts server passed over its socket (as tmux's client passes
 * its stdin), used both ways.
 *
 * @param descriptor the open tty
 * @param number the same descriptor as a number, for termios calls
 * @param ownProcess whether it is this process's own terminal (its signals, its shutdown hooks)
 */
public record TerminalDevice(FileDescriptor descriptor, int number, boolean ownProcess) {
    public TerminalDevice {
        Objects.requireNonNull(descriptor, "descriptor");
        if (number < 0) {
            throw new IllegalArgumentException("no descriptor: " + number);
        }
    }

    /** This process's standard input (its output is the same terminal). */
    public static TerminalDevice standardInput() {
        return new TerminalDevice(FileDescriptor.in, 0, true);
    }

    /** A tty descriptor received from a client; it is closed by whoever received it. */
    public static TerminalDevice received(FileDescriptor descriptor, int number) {
        return new TerminalDevice(descriptor, number, false);
    }
}

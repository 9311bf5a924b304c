package dev.jhosts.server;

import java.util.Arrays;
import java.util.List;

/** What the jhosts server tells a client. */
public sealed interface ToClient {
    /** Standard output for the client to print ({@code jhosts sessions}, {@code server status}). */
    record Text(String text) implements ToClient {}

    /**
     * A {@link ToServer.Purpose#COMMAND} is about to run in the server: from now on, should the
     * server go away, the command may have done part of its work, and the client must not run it
     * again itself (before this, it may: nothing was done).
     */
    record Started() implements ToClient {}

    /**
     * Bytes a {@link ToServer.Purpose#COMMAND} wrote, for the client to write as they are on its
     * standard output or error, in the order they come.
     */
    record Output(Stream stream, byte[] bytes) implements ToClient {
        public Output {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Output output && output.stream == stream && Arrays.equals(output.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return stream.hashCode() * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Output[" + stream + ", " + bytes.length + " bytes]";
        }
    }

    /** Which of the client's streams {@link Output} is for. */
    enum Stream {
        OUT,
        ERR
    }

    /**
     * Your terminal's modes as the server found them, before it changed any ({@link
     * dev.jhosts.session.ExactModes#encoded}): write them back should the server go away.
     */
    record Modes(String termios) implements ToClient {}

    /**
     * Stop yourself as SIGTSTP would (Ctrl-Z in the picker); the server has given the terminal
     * back in its normal modes. Say {@link ToServer.Continued} once continued.
     */
    record Stop() implements ToClient {}

    /**
     * Run {@code command} on your terminal (plain ssh asking on /dev/tty), then say {@link
     * ToServer.Finished}; the server has given the terminal back in its normal modes.
     */
    record Run(List<String> command) implements ToClient {
        public Run {
            command = List.copyOf(command);
        }
    }

    /**
     * The server does not show this client anything, for a reason the client acts on; sent
     * instead of anything else, before the terminal is touched.
     */
    record Declined(Reason reason) implements ToClient {}

    /** Why a client was {@link Declined}. */
    enum Reason {
        /** This server (of another build, or of old settings) ends: start a new one and come again. */
        REPLACED,
        /** {@code connect}'s host is not in the list: connect without the server. */
        NOT_LISTED,
        /**
         * The server could not open the client's terminal by its path ({@code /proc/PID/fd/0}):
         * come again and pass its descriptor over the socket.
         */
        PASS_TERMINAL,
        /**
         * The command is better run in the client's own process: the server is of another build
         * or settings, or the command must ask on the client's terminal (a master that needs the
         * user). Said before any {@link Output}.
         */
        RUN_HERE
    }

    /**
     * The end: the server has given the terminal back; restore it as found, print {@code message}
     * (when not empty) on standard error and exit with {@code status}.
     */
    record Exit(int status, String message) implements ToClient {}
}

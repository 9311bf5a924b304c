package dev.jhosts.server;

import java.util.List;

/** What the jhosts server tells a client. */
public sealed interface ToClient {
    /** Standard output for the client to print ({@code jhosts sessions}, {@code server status}). */
    record Text(String text) implements ToClient {}

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
     * The end: the server has given the terminal back; restore it as found, print {@code message}
     * (when not empty) on standard error and exit with {@code status}.
     */
    record Exit(int status, String message) implements ToClient {}
}

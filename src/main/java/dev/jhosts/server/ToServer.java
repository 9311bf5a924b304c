package dev.jhosts.server;

import java.util.List;
import java.util.Map;

/** What a client tells the jhosts server. */
public sealed interface ToServer {
    /**
     * The first message of every connection. For {@link Purpose#PICKER} and {@link
     * Purpose#ATTACH} the client's tty rides on it (one descriptor, used both ways, as tmux's
     * client passes its stdin).
     *
     * @param version the client's build (version, commit, build time); the server serves only its own
     * @param pair the ssh config and settings file the client means ({@link ServerAddress#pair}); the
     *     server serves only its own
     * @param arguments the purpose's words ({@code attach}'s target, {@code stop}'s {@code --force})
     * @param environment the allowed variables of the client's environment ({@link ClientEnvironment})
     * @param directory the client's working directory (as tmux's client tells its own)
     */
    record Hello(String version, String pair, Purpose purpose, List<String> arguments, Map<String, String> environment,
            String directory) implements ToServer {
        public Hello {
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
        }
    }

    /** The client's terminal was resized (its SIGWINCH). */
    record Resized() implements ToServer {}

    /** The client was continued after a stop ({@link ToClient.Stop}), or by {@code fg} after any stop. */
    record Continued() implements ToServer {}

    /**
     * The client got SIGINT: the terminal is in its normal modes (a session without a pty), or
     * the user stops a {@link Purpose#COMMAND} with Ctrl-C.
     */
    record Interrupted() implements ToServer {}

    /**
     * The client is ending (a signal): give the terminal back now, the modes a session's program
     * set undone, and say {@link ToClient.Exit} (as tmux's MSG_EXITING, MSG_EXITED).
     */
    record Exiting() implements ToServer {}

    /** The program of {@link ToClient.Run} ended with {@code status}. */
    record Finished(int status) implements ToServer {}

    /** What a connection is for. */
    enum Purpose {
        /** The picker on the client's terminal. */
        PICKER,
        /** A session on the client's terminal at once ({@code jhosts attach}). */
        ATTACH,
        /** A new session on a host of the list at once, its status the client's ({@code jhosts connect HOST}). */
        CONNECT,
        /** The sessions, as text or JSON ({@code jhosts sessions}). */
        SESSIONS,
        /** The server's pid, version, clients and sessions ({@code jhosts server status}). */
        STATUS,
        /** End the server ({@code jhosts server stop}). */
        STOP,
        /**
         * A command of the command line run in the server, its output and status the client's
         * ({@code jhosts cp}); the server may say {@link ToClient.Reason#RUN_HERE} instead.
         */
        COMMAND,
        /** A purpose of another build, which this one does not know. */
        OTHER
    }
}

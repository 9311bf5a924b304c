package dev.jhosts.server;

/**
 * The command-line commands a server runs for its clients ({@link ToServer.Purpose#COMMAND}):
 * the client's process is spared the JVM's warm-up, the settings and the catalogue, and the
 * masters are the server's own, already known.
 */
public interface ServedCommands {
    /**
     * Runs the command {@code call} names, writing to its streams; {@link Outcome.RunHere} when
     * the client should run it itself, said before anything is written.
     */
    Outcome run(ServedCall call);

    /** How a served command ended. */
    sealed interface Outcome {
        /** It ran; {@code status} is the client's exit status. */
        record Finished(int status) implements Outcome {}

        /** Not run: the client runs it in its own process (nothing was written). */
        record RunHere() implements Outcome {}
    }
}

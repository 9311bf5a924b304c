package dev.jhosts.run;

/**
 * Told what a run does, from the run's own threads (several at once: make it thread-safe). For a
 * host, {@link #output} calls come after {@link #running} and before {@link #finished}.
 */
public interface RunListener {
    /** The host's session is open; the command runs. */
    default void running(String alias) {}

    /** The command printed {@code length} bytes of {@code bytes} from {@code offset}; they are valid only during the call. */
    void output(String alias, OutputKind kind, byte[] bytes, int offset, int length);

    /**
     * The host's connection was lost ({@code lost}); the command runs again, on a master made
     * again, after {@code delay}: retry {@code retry} of at most {@code retries}.
     */
    default void retrying(String alias, HostOutcome lost, int retry, int retries, java.time.Duration delay) {}

    /** The command ended on the host (or never began); all its output came before. */
    void finished(HostResult result);
}

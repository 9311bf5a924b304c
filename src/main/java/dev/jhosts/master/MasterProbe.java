package dev.jhosts.master;

import java.nio.file.Path;

/** Looks at a ControlPath; an interface so that orchestration can be tested without masters. */
public interface MasterProbe {
    /** What is at {@code socket} now (MUX_C_ALIVE_CHECK when something accepts). */
    Probe probe(Path socket);

    /**
     * Removes a stale socket, after making sure it still is one: the file must be a socket (never
     * a regular file a user keeps there) and a fresh connect must still be refused.
     *
     * @return whether the path is free now
     */
    boolean removeIfStale(Path socket) throws MasterException;
}

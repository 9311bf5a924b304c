package dev.jhosts.mux;

/**
 * How a mux session ended.
 *
 * @param status the remote exit status, or 255 when EOF came with no exit message (the remote
 *     side died by a signal, the session was closed with ~., or the master went away), as ssh reports
 * @param exitMessageReceived whether MUX_S_EXIT_MESSAGE arrived
 * @param ttyAllocationFailed whether MUX_S_TTY_ALLOC_FAIL arrived (the server refused the pty)
 */
public record SessionEnd(int status, boolean exitMessageReceived, boolean ttyAllocationFailed) {

    /** The status ssh reports when no exit status came back. */
    public static final int NO_EXIT_STATUS = 255;
}

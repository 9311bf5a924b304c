package dev.jhosts.cli;

/** Exit statuses of jhosts (a session exits with the remote status instead). */
final class ExitCodes {
    static final int OK = 0;
    /** A master operation failed, or there is no master. */
    static final int FAILURE = 1;
    /** Usage and configuration errors. */
    static final int USAGE = 2;
    /** A master's socket accepts but the master does not answer. */
    static final int UNRESPONSIVE = 3;
    /** A session could not be opened at all (as ssh's 255). */
    static final int NO_SESSION = 255;
    /** Stopped by Ctrl-C (128 + SIGINT, as a shell reports it). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {}
}

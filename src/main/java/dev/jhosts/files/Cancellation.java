package dev.jhosts.files;

/**
 * Asks running copies to stop (Ctrl-C, a pane's cancel key): each stops at its next reply,
 * closes what it has open, and removes (or, with {@code --partial}, keeps) the file it was
 * writing.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    void check() throws CopyCancelledException {
        if (cancelled) {
            throw new CopyCancelledException();
        }
    }

    /** A copy stopped on request. */
    static final class CopyCancelledException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        CopyCancelledException() {
            super("stopped");
        }
    }
}

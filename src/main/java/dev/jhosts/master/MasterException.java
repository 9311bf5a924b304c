package dev.jhosts.master;

/** A master operation that cannot go ahead; the message is one line for the user. */
public final class MasterException extends Exception {
    public MasterException(String message) {
        super(message);
    }

    public MasterException(String message, Throwable cause) {
        super(message, cause);
    }
}

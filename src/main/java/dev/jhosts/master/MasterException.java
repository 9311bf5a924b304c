package dev.jhosts.master;

/** A master operation that cannot go ahead; the message is one line for the user. */
public sealed class MasterException extends Exception permits MasterException.HasDependants {
    private static final long serialVersionUID = 1L;

    public MasterException(String message) {
        super(message);
    }

    public MasterException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Other masters ride this one (it is their jump host's); the message names them. */
    public static final class HasDependants extends MasterException {
        private static final long serialVersionUID = 1L;

        public HasDependants(String message) {
            super(message);
        }
    }
}

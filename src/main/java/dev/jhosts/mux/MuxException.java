package dev.jhosts.mux;

import java.io.IOException;

/** The typed ways a conversation with an OpenSSH master can fail. */
public abstract sealed class MuxException extends IOException
        permits MuxException.NoSocket, MuxException.Refused, MuxException.PermissionDenied,
                MuxException.Failure, MuxException.Timeout, MuxException.ProtocolError,
                MuxException.Untrusted {

    private static final long serialVersionUID = 1L;

    private MuxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Nothing exists at the control path (ENOENT). */
    public static final class NoSocket extends MuxException {
        private static final long serialVersionUID = 1L;

        public NoSocket(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A file exists at the control path but nobody accepts on it (ECONNREFUSED): a stale socket. */
    public static final class Refused extends MuxException {
        private static final long serialVersionUID = 1L;

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** MUX_S_PERMISSION_DENIED (the user said no to a ControlMaster=ask prompt), or EACCES on connect. */
    public static final class PermissionDenied extends MuxException {
        private static final long serialVersionUID = 1L;

        public PermissionDenied(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** MUX_S_FAILURE; {@link #reason()} is the master's own words. */
    public static final class Failure extends MuxException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        public Failure(String request, String reason) {
            super(request + " failed: " + reason, null);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The master accepted the connection but did not answer in time (stopped, stuck, or slow). */
    public static final class Timeout extends MuxException {
        private static final long serialVersionUID = 1L;

        public Timeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Anything malformed or unexpected: bad framing, wrong message, wrong request id, early EOF, I/O error. */
    public static final class ProtocolError extends MuxException {
        private static final long serialVersionUID = 1L;

        public ProtocolError(String message, Throwable cause) {
            super(message, cause);
        }

        public ProtocolError(String message) {
            super(message, null);
        }
    }

    /** The socket is served by another user's process: never a master of ours, never sent a request. */
    public static final class Untrusted extends MuxException {
        private static final long serialVersionUID = 1L;
        private final long peerUid;

        public Untrusted(String message, long peerUid) {
            super(message, null);
            this.peerUid = peerUid;
        }

        /** The uid of the process that serves the socket. */
        public long peerUid() {
            return peerUid;
        }
    }
}

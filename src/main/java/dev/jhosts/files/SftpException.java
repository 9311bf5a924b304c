package dev.jhosts.files;

import java.io.IOException;

/** An SFTP request that failed: the server's SSH_FXP_STATUS, or the session's loss. */
public class SftpException extends IOException {
    private static final long serialVersionUID = 1L;
    private final SftpStatus status;

    public SftpException(SftpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public SftpException(SftpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public SftpStatus status() {
        return status;
    }

    /** The session itself is gone (or spoke nonsense): no later request can succeed. */
    public boolean sessionLost() {
        return status == SftpStatus.CONNECTION_LOST || status == SftpStatus.NO_CONNECTION
                || status == SftpStatus.BAD_MESSAGE;
    }
}

package dev.jhosts.files;

/** The status codes of SSH_FXP_STATUS (filexfer-02 section 7). */
public enum SftpStatus {
    OK, EOF, NO_SUCH_FILE, PERMISSION_DENIED, FAILURE, BAD_MESSAGE, NO_CONNECTION, CONNECTION_LOST, OP_UNSUPPORTED,
    /** A code outside version 3's list. */
    OTHER;

    static SftpStatus of(int code) {
        SftpStatus[] known = values();
        return code >= 0 && code < known.length - 1 ? known[code] : OTHER;
    }

    /** The words OpenSSH's sftp prints for the code. */
    public String words() {
        return switch (this) {
            case OK -> "success";
            case EOF -> "end of file";
            case NO_SUCH_FILE -> "no such file or directory";
            case PERMISSION_DENIED -> "permission denied";
            case FAILURE -> "failure";
            case BAD_MESSAGE -> "bad message";
            case NO_CONNECTION -> "no connection";
            case CONNECTION_LOST -> "connection lost";
            case OP_UNSUPPORTED -> "operation unsupported";
            case OTHER -> "unknown status";
        };
    }
}

package dev.jhosts.files;

/**
 * Message types and constants of SFTP version 3 (draft-ietf-secsh-filexfer-02, as OpenSSH's
 * sftp-server and internal-sftp serve it).
 */
final class SftpMessages {
    static final int SSH_FXP_INIT = 1;
    static final int SSH_FXP_VERSION = 2;
    static final int SSH_FXP_OPEN = 3;
    static final int SSH_FXP_CLOSE = 4;
    static final int SSH_FXP_READ = 5;
    static final int SSH_FXP_WRITE = 6;
    static final int SSH_FXP_LSTAT = 7;
    static final int SSH_FXP_FSTAT = 8;
    static final int SSH_FXP_SETSTAT = 9;
    static final int SSH_FXP_FSETSTAT = 10;
    static final int SSH_FXP_OPENDIR = 11;
    static final int SSH_FXP_READDIR = 12;
    static final int SSH_FXP_REMOVE = 13;
    static final int SSH_FXP_MKDIR = 14;
    static final int SSH_FXP_RMDIR = 15;
    static final int SSH_FXP_REALPATH = 16;
    static final int SSH_FXP_STAT = 17;
    static final int SSH_FXP_RENAME = 18;
    static final int SSH_FXP_READLINK = 19;
    static final int SSH_FXP_SYMLINK = 20;
    static final int SSH_FXP_STATUS = 101;
    static final int SSH_FXP_HANDLE = 102;
    static final int SSH_FXP_DATA = 103;
    static final int SSH_FXP_NAME = 104;
    static final int SSH_FXP_ATTRS = 105;
    static final int SSH_FXP_EXTENDED = 200;
    static final int SSH_FXP_EXTENDED_REPLY = 201;

    static final int SSH_FXF_READ = 0x01;
    static final int SSH_FXF_WRITE = 0x02;
    static final int SSH_FXF_APPEND = 0x04;
    static final int SSH_FXF_CREAT = 0x08;
    static final int SSH_FXF_TRUNC = 0x10;
    static final int SSH_FXF_EXCL = 0x20;

    static final int SSH_FILEXFER_ATTR_SIZE = 0x01;
    static final int SSH_FILEXFER_ATTR_UIDGID = 0x02;
    static final int SSH_FILEXFER_ATTR_PERMISSIONS = 0x04;
    static final int SSH_FILEXFER_ATTR_ACMODTIME = 0x08;
    static final int SSH_FILEXFER_ATTR_EXTENDED = 0x80000000;

    /**
     * The largest packet either side sends: sftp-server drops the connection on a bigger one
     * (SFTP_MAX_MSG_LENGTH), and OpenSSH's client refuses bigger replies.
     */
    static final int MAX_PACKET = 256 * 1024;
    /** Read and write lengths without {@code limits@openssh.com} (what OpenSSH's client uses then). */
    static final int DEFAULT_CHUNK = 32 * 1024;

    static final String LIMITS = "limits@openssh.com";
    static final String POSIX_RENAME = "posix-rename@openssh.com";
    static final String FSYNC = "fsync@openssh.com";

    private SftpMessages() {}
}

package dev.jhosts.files;

import java.util.OptionalLong;

/**
 * The ATTRS of SFTP version 3: each field present only when its flag is set.
 *
 * @param flags which fields the server sent (SSH_FILEXFER_ATTR_*)
 * @param permissions the st_mode bits, file type included
 * @param accessTime seconds since the epoch (u32 on the wire)
 * @param modifyTime seconds since the epoch (u32 on the wire)
 */
public record FileAttributes(int flags, long size, int uid, int gid, int permissions, long accessTime,
                             long modifyTime) {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    /** No field at all (for requests that set nothing). */
    public static final FileAttributes NONE = new FileAttributes(0, 0, 0, 0, 0, 0, 0);

    /** Only the permission bits (for OPEN and MKDIR: the server applies its umask). */
    public static FileAttributes permissions(int mode) {
        return new FileAttributes(SftpMessages.SSH_FILEXFER_ATTR_PERMISSIONS, 0, 0, 0, mode & 07777, 0, 0);
    }

    /** Only the access and modification times. */
    public static FileAttributes times(long accessTime, long modifyTime) {
        return new FileAttributes(SftpMessages.SSH_FILEXFER_ATTR_ACMODTIME, 0, 0, 0, 0, accessTime, modifyTime);
    }

    /** The permission bits and the times, as {@code -p} keeps them. */
    public static FileAttributes modeAndTimes(int mode, long accessTime, long modifyTime) {
        return new FileAttributes(SftpMessages.SSH_FILEXFER_ATTR_PERMISSIONS | SftpMessages.SSH_FILEXFER_ATTR_ACMODTIME,
                0, 0, 0, mode & 07777, accessTime, modifyTime);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public OptionalLong knownSize() {
        return has(SftpMessages.SSH_FILEXFER_ATTR_SIZE) ? OptionalLong.of(size) : OptionalLong.empty();
    }

    public boolean hasPermissions() {
        return has(SftpMessages.SSH_FILEXFER_ATTR_PERMISSIONS);
    }

    public boolean hasTimes() {
        return has(SftpMessages.SSH_FILEXFER_ATTR_ACMODTIME);
    }

    public boolean isDirectory() {
        return hasPermissions() && (permissions & S_IFMT) == S_IFDIR;
    }

    public boolean isRegularFile() {
        return hasPermissions() && (permissions & S_IFMT) == S_IFREG;
    }

    public boolean isSymbolicLink() {
        return hasPermissions() && (permissions & S_IFMT) == S_IFLNK;
    }

    /** The permission bits without the file type. */
    public int mode() {
        return permissions & 07777;
    }
}

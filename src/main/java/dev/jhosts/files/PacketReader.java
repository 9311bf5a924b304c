package dev.jhosts.files;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one SFTP packet's body; any field that runs past the end is the server's
 * error ({@link SftpStatus#BAD_MESSAGE}), never an index exception.
 */
final class PacketReader {
    private final byte[] bytes;
    private int position;
    private final int end;

    PacketReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    int u8() throws SftpException {
        need(1);
        return bytes[position++] & 0xff;
    }

    int u32() throws SftpException {
        need(4);
        int value = (bytes[position] & 0xff) << 24 | (bytes[position + 1] & 0xff) << 16
                | (bytes[position + 2] & 0xff) << 8 | bytes[position + 3] & 0xff;
        position += 4;
        return value;
    }

    long u64() throws SftpException {
        long high = u32() & 0xffffffffL;
        return high << 32 | u32() & 0xffffffffL;
    }

    /** A string's length, checked against what is left; the position moves to its bytes. */
    int stringLength() throws SftpException {
        int length = u32();
        if (length < 0 || length > end - position) {
            throw bad("a string of " + Integer.toUnsignedString(length) + " bytes where " + (end - position) + " are left");
        }
        return length;
    }

    byte[] bytes() throws SftpException {
        int length = stringLength();
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    String string() throws SftpException {
        int length = stringLength();
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Where the last {@link #stringLength} left the position: the first byte of the string. */
    int position() {
        return position;
    }

    void skip(int count) throws SftpException {
        need(count);
        position += count;
    }

    byte[] array() {
        return bytes;
    }

    FileAttributes attributes() throws SftpException {
        int flags = u32();
        long size = 0;
        int uid = 0;
        int gid = 0;
        int permissions = 0;
        long atime = 0;
        long mtime = 0;
        if ((flags & SftpMessages.SSH_FILEXFER_ATTR_SIZE) != 0) {
            size = u64();
        }
        if ((flags & SftpMessages.SSH_FILEXFER_ATTR_UIDGID) != 0) {
            uid = u32();
            gid = u32();
        }
        if ((flags & SftpMessages.SSH_FILEXFER_ATTR_PERMISSIONS) != 0) {
            permissions = u32();
        }
        if ((flags & SftpMessages.SSH_FILEXFER_ATTR_ACMODTIME) != 0) {
            atime = u32() & 0xffffffffL;
            mtime = u32() & 0xffffffffL;
        }
        if ((flags & SftpMessages.SSH_FILEXFER_ATTR_EXTENDED) != 0) {
            int count = u32();
            for (int i = 0; i < count; i++) {
                skip(stringLength());
                skip(stringLength());
            }
        }
        return new FileAttributes(flags & ~SftpMessages.SSH_FILEXFER_ATTR_EXTENDED, size, uid, gid, permissions,
                atime, mtime);
    }

    private void need(int count) throws SftpException {
        if (count > end - position) {
            throw bad("the packet ends early");
        }
    }

    static SftpException bad(String what) {
        return new SftpException(SftpStatus.BAD_MESSAGE, "the SFTP server sent a malformed packet: " + what);
    }
}

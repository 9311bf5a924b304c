package dev.jhosts.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds one SFTP packet: the u32 length is left blank at the front and filled by {@link #frame}. */
final class PacketWriter {
    private byte[] bytes;
    private int length = 4;

    PacketWriter(int type, int capacity) {
        bytes = new byte[Math.max(16, capacity + 9)];
        u8(type);
    }

    PacketWriter u8(int value) {
        room(1);
        bytes[length++] = (byte) value;
        return this;
    }

    PacketWriter u32(int value) {
        room(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    PacketWriter u64(long value) {
        u32((int) (value >>> 32));
        return u32((int) value);
    }

    PacketWriter string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    PacketWriter string(byte[] value) {
        return string(value, 0, value.length);
    }

    PacketWriter string(byte[] value, int offset, int count) {
        u32(count);
        room(count);
        System.arraycopy(value, offset, bytes, length, count);
        length += count;
        return this;
    }

    PacketWriter attributes(FileAttributes attributes) {
        int flags = attributes.flags() & ~SftpMessages.SSH_FILEXFER_ATTR_EXTENDED;
        u32(flags);
        if (attributes.has(SftpMessages.SSH_FILEXFER_ATTR_SIZE)) {
            u64(attributes.size());
        }
        if (attributes.has(SftpMessages.SSH_FILEXFER_ATTR_UIDGID)) {
            u32(attributes.uid()).u32(attributes.gid());
        }
        if (attributes.hasPermissions()) {
            u32(attributes.permissions());
        }
        if (attributes.hasTimes()) {
            u32((int) attributes.accessTime()).u32((int) attributes.modifyTime());
        }
        return this;
    }

    /** The packet with its length filled in; the writer must not be used after. */
    byte[] frame() {
        return frame(0);
    }

    /** The packet's start, its length counting {@code trailing} more bytes the caller sends right after it. */
    byte[] frame(int trailing) {
        int body = length - 4 + trailing;
        bytes[0] = (byte) (body >>> 24);
        bytes[1] = (byte) (body >>> 16);
        bytes[2] = (byte) (body >>> 8);
        bytes[3] = (byte) body;
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

package dev.jhosts.mux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds one mux message body: big-endian u32 values and length-prefixed strings. */
final class MessageWriter {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64);

    MessageWriter u32(int value) {
        body.write(value >>> 24);
        body.write(value >>> 16);
        body.write(value >>> 8);
        body.write(value);
        return this;
    }

    /** Every "bool" of the protocol is a u32; a single byte makes the master drop the connection. */
    MessageWriter bool(boolean value) {
        return u32(value ? 1 : 0);
    }

    MessageWriter string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        u32(bytes.length);
        body.write(bytes, 0, bytes.length);
        return this;
    }

    /** The body with its u32 length prefix, ready for the socket. */
    byte[] frame() {
        byte[] content = body.toByteArray();
        byte[] frame = new byte[4 + content.length];
        int length = content.length;
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        System.arraycopy(content, 0, frame, 4, content.length);
        return frame;
    }
}

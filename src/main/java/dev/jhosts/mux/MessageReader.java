package dev.jhosts.mux;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads the fields of one mux message body; running out of bytes is a protocol error. */
final class MessageReader {
    private final ByteBuffer body;

    MessageReader(byte[] body) {
        this.body = ByteBuffer.wrap(body);
    }

    int u32() throws MuxException.ProtocolError {
        try {
            return body.getInt();
        } catch (BufferUnderflowException e) {
            throw new MuxException.ProtocolError("truncated mux message", e);
        }
    }

    long unsignedU32() throws MuxException.ProtocolError {
        return Integer.toUnsignedLong(u32());
    }

    String string() throws MuxException.ProtocolError {
        long length = unsignedU32();
        if (length > body.remaining()) {
            throw new MuxException.ProtocolError("truncated string in mux message");
        }
        byte[] bytes = new byte[(int) length];
        body.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    boolean hasRemaining() {
        return body.hasRemaining();
    }
}

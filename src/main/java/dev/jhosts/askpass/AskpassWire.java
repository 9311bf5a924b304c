package dev.jhosts.askpass;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The helper's private protocol with the picker, over a Unix socket: the helper sends
 * {@code u32 version, string token, string prompt, string kind} (kind is SSH_ASKPASS_PROMPT:
 * "", "confirm" or "none"); the picker answers {@code u8 status} (0 answer, 1 cancelled,
 * 2 refused) and, for an answer, {@code bytes answer}. Strings are {@code u32 length} + UTF-8.
 */
final class AskpassWire {
    static final int VERSION = 1;
    static final int ANSWER = 0;
    static final int CANCELLED = 1;
    static final int REFUSED = 2;
    /** Longer than any prompt or answer; a longer length is a broken or hostile peer. */
    static final int MAX_FIELD = 64 * 1024;

    private AskpassWire() {}

    static void writeString(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FIELD) {
            throw new EOFException("field of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}

package dev.jhosts.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jhosts server's wire: each message is one frame, {@code uint32 length, byte type, body},
 * written in one write (a passed descriptor rides on the write of the {@link ToServer.Hello}
 * frame). Strings are {@code uint32 length, UTF-8}; lists and maps a {@code uint32} count first.
 * A frame over {@link #MAX_FRAME} or of an unknown type ends the connection.
 */
public final class ServerWire {
    /** The protocol's number, in every connection's first bytes: a peer speaking another is told so and dropped. */
    public static final int PROTOCOL = 1;
    static final int MAX_FRAME = 1 << 20;

    private static final byte HELLO = 1;
    private static final byte RESIZED = 2;
    private static final byte CONTINUED = 3;
    private static final byte INTERRUPTED = 4;
    private static final byte FINISHED = 5;
    private static final byte EXITING = 6;
    private static final byte TEXT = 11;
    private static final byte STOP = 12;
    private static final byte RUN = 13;
    private static final byte EXIT = 14;
    private static final byte DECLINED = 15;
    private static final byte MODES = 16;
    private static final byte OUTPUT = 17;
    private static final byte STARTED = 18;

    private ServerWire() {}

    /** The frame of {@code message}, to be written in one write. */
    public static byte[] encode(ToServer message) {
        Frame frame = new Frame();
        if (message instanceof ToServer.Hello hello) {
            frame.type(HELLO).putInt(PROTOCOL).putString(hello.version()).putString(hello.pair())
                    .putString(hello.purpose().name())
                    .putStrings(hello.arguments()).putMap(hello.environment()).putString(hello.directory());
        } else if (message instanceof ToServer.Resized) {
            frame.type(RESIZED);
        } else if (message instanceof ToServer.Continued) {
            frame.type(CONTINUED);
        } else if (message instanceof ToServer.Interrupted) {
            frame.type(INTERRUPTED);
        } else if (message instanceof ToServer.Finished finished) {
            frame.type(FINISHED).putInt(finished.status());
        } else if (message instanceof ToServer.Exiting) {
            frame.type(EXITING);
        }
        return frame.bytes();
    }

    /** The frame of {@code message}, to be written in one write. */
    public static byte[] encode(ToClient message) {
        Frame frame = new Frame();
        if (message instanceof ToClient.Text text) {
            frame.type(TEXT).putString(text.text());
        } else if (message instanceof ToClient.Stop) {
            frame.type(STOP);
        } else if (message instanceof ToClient.Run run) {
            frame.type(RUN).putStrings(run.command());
        } else if (message instanceof ToClient.Exit exit) {
            frame.type(EXIT).putInt(exit.status()).putString(exit.message());
        } else if (message instanceof ToClient.Declined declined) {
            frame.type(DECLINED).putString(declined.reason().name());
        } else if (message instanceof ToClient.Modes modes) {
            frame.type(MODES).putString(modes.termios());
        } else if (message instanceof ToClient.Started) {
            frame.type(STARTED);
        } else if (message instanceof ToClient.Output output) {
            frame.type(OUTPUT).putString(output.stream().name()).putBytes(output.bytes());
        }
        return frame.bytes();
    }

    /** The next message from a client. */
    public static ToServer readToServer(DataInputStream in) throws IOException {
        Body body = Body.read(in);
        switch (body.type) {
            case HELLO -> {
                int protocol = body.in.readInt();
                if (protocol != PROTOCOL) {
                    throw new WireException("the client speaks protocol " + protocol + ", this server " + PROTOCOL);
                }
                String version = body.string();
                String pair = body.string();
                ToServer.Purpose purpose;
                try {
                    purpose = ToServer.Purpose.valueOf(body.string());
                } catch (IllegalArgumentException anotherBuilds) {
                    purpose = ToServer.Purpose.OTHER;
                }
                return new ToServer.Hello(version, pair, purpose, body.strings(), body.map(), body.string());
            }
            case RESIZED -> {
                return new ToServer.Resized();
            }
            case CONTINUED -> {
                return new ToServer.Continued();
            }
            case INTERRUPTED -> {
                return new ToServer.Interrupted();
            }
            case FINISHED -> {
                return new ToServer.Finished(body.in.readInt());
            }
            case EXITING -> {
                return new ToServer.Exiting();
            }
            default -> throw new WireException("unknown message type " + body.type);
        }
    }

    /** The next message from the server. */
    public static ToClient readToClient(DataInputStream in) throws IOException {
        Body body = Body.read(in);
        switch (body.type) {
            case TEXT -> {
                return new ToClient.Text(body.string());
            }
            case MODES -> {
                return new ToClient.Modes(body.string());
            }
            case STOP -> {
                return new ToClient.Stop();
            }
            case STARTED -> {
                return new ToClient.Started();
            }
            case OUTPUT -> {
                ToClient.Stream stream;
                try {
                    stream = ToClient.Stream.valueOf(body.string());
                } catch (IllegalArgumentException e) {
                    throw new WireException("unknown stream");
                }
                return new ToClient.Output(stream, body.bytes());
            }
            case RUN -> {
                return new ToClient.Run(body.strings());
            }
            case EXIT -> {
                return new ToClient.Exit(body.in.readInt(), body.string());
            }
            case DECLINED -> {
                try {
                    return new ToClient.Declined(ToClient.Reason.valueOf(body.string()));
                } catch (IllegalArgumentException e) {
                    throw new WireException("unknown reason");
                }
            }
            default -> throw new WireException("unknown message type " + body.type);
        }
    }

    /** A peer that does not speak this wire. */
    public static final class WireException extends IOException {
        private static final long serialVersionUID = 1L;

        WireException(String message) {
            super(message);
        }
    }

    private static final class Frame {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Frame type(byte type) {
            bytes.write(type);
            return this;
        }

        Frame putInt(int value) {
            try {
                out.writeInt(value);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
            return this;
        }

        Frame putString(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            bytes.writeBytes(utf8);
            return this;
        }

        Frame putBytes(byte[] value) {
            putInt(value.length);
            bytes.writeBytes(value);
            return this;
        }

        Frame putStrings(List<String> values) {
            putInt(values.size());
            for (String value : values) {
                putString(value);
            }
            return this;
        }

        Frame putMap(Map<String, String> values) {
            putInt(values.size());
            for (Map.Entry<String, String> entry : values.entrySet()) {
                putString(entry.getKey()).putString(entry.getValue());
            }
            return this;
        }

        byte[] bytes() {
            byte[] body = bytes.toByteArray();
            if (body.length > MAX_FRAME) {
                throw new IllegalArgumentException("message too large: " + body.length + " bytes");
            }
            byte[] framed = new byte[4 + body.length];
            framed[0] = (byte) (body.length >>> 24);
            framed[1] = (byte) (body.length >>> 16);
            framed[2] = (byte) (body.length >>> 8);
            framed[3] = (byte) body.length;
            System.arraycopy(body, 0, framed, 4, body.length);
            return framed;
        }
    }

    private static final class Body {
        private final byte type;
        private final DataInputStream in;

        private Body(byte[] bytes) {
            this.type = bytes[0];
            this.in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 1, bytes.length - 1));
        }

        static Body read(DataInputStream from) throws IOException {
            int length = from.readInt();
            if (length < 1 || length > MAX_FRAME) {
                throw new WireException("a frame of " + length + " bytes");
            }
            byte[] bytes = new byte[length];
            from.readFully(bytes);
            return new Body(bytes);
        }

        String string() throws IOException {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new EOFException("a string longer than its frame");
            }
            byte[] utf8 = in.readNBytes(length);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        byte[] bytes() throws IOException {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new EOFException("bytes longer than their frame");
            }
            return in.readNBytes(length);
        }

        List<String> strings() throws IOException {
            int count = in.readInt();
            if (count < 0 || count > in.available() / 4) {
                throw new EOFException("more strings than the frame holds");
            }
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(string());
            }
            return values;
        }

        Map<String, String> map() throws IOException {
            int count = in.readInt();
            if (count < 0 || count > in.available() / 8) {
                throw new EOFException("more entries than the frame holds");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                values.put(string(), string());
            }
            return values;
        }
    }
}

package dev.jhosts.mux;

import static dev.jhosts.mux.MuxMessageTypes.*;

import java.util.OptionalInt;

/** The master's messages, decoded. */
sealed interface MuxReply {

    /** MUX_MSG_HELLO; extensions (10.3+ sends "info") are skipped. */
    record Hello(long version) implements MuxReply {}

    record Ok(int requestId) implements MuxReply {}

    record PermissionDenied(int requestId, String reason) implements MuxReply {}

    record Failure(int requestId, String reason) implements MuxReply {}

    record Alive(int requestId, long pid) implements MuxReply {}

    record RemotePort(int requestId, int port) implements MuxReply {}

    record SessionOpened(int requestId, int sessionId) implements MuxReply {}

    record ExitMessage(int sessionId, int status) implements MuxReply {}

    record TtyAllocFail(int sessionId) implements MuxReply {}

    /** A message type this client does not know. */
    record Unknown(int type) implements MuxReply {}

    static MuxReply decode(byte[] body) throws MuxException.ProtocolError {
        MessageReader in = new MessageReader(body);
        int type = in.u32();
        return switch (type) {
            case MUX_MSG_HELLO -> {
                long version = in.unsignedU32();
                while (in.hasRemaining()) {
                    in.string(); // extension name
                    in.string(); // extension value
                }
                yield new Hello(version);
            }
            case MUX_S_OK -> new Ok(in.u32());
            case MUX_S_PERMISSION_DENIED -> new PermissionDenied(in.u32(), in.string());
            case MUX_S_FAILURE -> new Failure(in.u32(), in.string());
            case MUX_S_ALIVE -> new Alive(in.u32(), in.unsignedU32());
            case MUX_S_REMOTE_PORT -> new RemotePort(in.u32(), in.u32());
            case MUX_S_SESSION_OPENED -> new SessionOpened(in.u32(), in.u32());
            case MUX_S_EXIT_MESSAGE -> new ExitMessage(in.u32(), in.u32());
            case MUX_S_TTY_ALLOC_FAIL -> new TtyAllocFail(in.u32());
            default -> new Unknown(type);
        };
    }

    /** The request id this reply echoes; empty for messages that carry none. */
    default OptionalInt answers() {
        if (this instanceof Ok ok) {
            return OptionalInt.of(ok.requestId());
        } else if (this instanceof PermissionDenied denied) {
            return OptionalInt.of(denied.requestId());
        } else if (this instanceof Failure failure) {
            return OptionalInt.of(failure.requestId());
        } else if (this instanceof Alive alive) {
            return OptionalInt.of(alive.requestId());
        } else if (this instanceof RemotePort port) {
            return OptionalInt.of(port.requestId());
        } else if (this instanceof SessionOpened opened) {
            return OptionalInt.of(opened.requestId());
        }
        return OptionalInt.empty();
    }
}

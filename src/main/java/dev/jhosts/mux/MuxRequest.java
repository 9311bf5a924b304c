package dev.jhosts.mux;

import static dev.jhosts.mux.MuxMessageTypes.*;

/** The client messages that carry a request id, and their encoding. */
sealed interface MuxRequest {

    /** The message name, for error messages. */
    String name();

    /** The framed message with {@code requestId} after the type. */
    byte[] encode(int requestId);

    /** A request with no fields beyond its request id: ALIVE_CHECK, TERMINATE, STOP_LISTENING. */
    record Bare(int type, String name) implements MuxRequest {
        static final Bare ALIVE_CHECK = new Bare(MUX_C_ALIVE_CHECK, "MUX_C_ALIVE_CHECK");
        static final Bare TERMINATE = new Bare(MUX_C_TERMINATE, "MUX_C_TERMINATE");
        static final Bare STOP_LISTENING = new Bare(MUX_C_STOP_LISTENING, "MUX_C_STOP_LISTENING");

        public byte[] encode(int requestId) {
            return new MessageWriter().u32(type).u32(requestId).frame();
        }
    }

    /** MUX_C_OPEN_FWD or MUX_C_CLOSE_FWD; the close must repeat the fields of the open exactly. */
    record ForwardRequest(boolean open, Forward forward) implements MuxRequest {
        public String name() {
            return open ? "MUX_C_OPEN_FWD" : "MUX_C_CLOSE_FWD";
        }

        public byte[] encode(int requestId) {
            // ssh itself puts "socks" in the connect host of dynamic forwards (readconf.c
            // parse_forward); matching it lets CLOSE_FWD cancel forwards that ssh -D made.
            String connectHost = forward.isDynamic() ? "socks" : forward.connectHost();
            return new MessageWriter()
                    .u32(open ? MUX_C_OPEN_FWD : MUX_C_CLOSE_FWD)
                    .u32(requestId)
                    .u32(forward.kind().wireValue())
                    .string(forward.listenHost())
                    .u32(forward.listenPort())
                    .string(connectHost)
                    .u32(forward.connectPort())
                    .frame();
        }
    }

    record NewSession(SessionRequest request) implements MuxRequest {
        public String name() {
            return "MUX_C_NEW_SESSION";
        }

        public byte[] encode(int requestId) {
            MessageWriter writer = new MessageWriter()
                    .u32(MUX_C_NEW_SESSION)
                    .u32(requestId)
                    .string("") // reserved
                    .bool(request.wantTty())
                    .bool(false) // want_x11
                    .bool(false) // want_agent
                    .bool(request.subsystem())
                    .u32(request.escapeChar() == SessionRequest.NO_ESCAPE ? NO_ESCAPE_CHAR : request.escapeChar())
                    .string(request.term())
                    .string(request.command());
            request.environment().forEach(writer::string);
            return writer.frame();
        }
    }

    /**
     * MUX_C_NEW_STDIO_FWD {rid, string reserved, string host, u32 port}: the master opens a
     * direct-tcpip channel to host:port from the server's side (mux.c
     * mux_master_process_stdio_fwd); the two descriptors follow the message.
     */
    record StdioForwardRequest(String host, int port) implements MuxRequest {
        public String name() {
            return "MUX_C_NEW_STDIO_FWD";
        }

        public byte[] encode(int requestId) {
            return new MessageWriter()
                    .u32(MUX_C_NEW_STDIO_FWD)
                    .u32(requestId)
                    .string("") // reserved
                    .string(host)
                    .u32(port)
                    .frame();
        }
    }
}

package dev.jhosts.mux;

import java.io.FileDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A client of an OpenSSH master's control socket, speaking the mux protocol (version 4) natively.
 *
 * <p>One request at a time per connection. Every read has the timeout given to {@link #connect}
 * except the wait of a running session ({@link MuxSession#awaitEnd}). An open control connection
 * keeps the master's ControlPersist timer from running: close clients you no longer need.
 */
public final class MuxClient implements AutoCloseable {
    private final MuxChannel channel;
    private int nextRequestId;
    private boolean handedOver;

    private MuxClient(MuxChannel channel) {
        this.channel = channel;
    }

    /**
     * Connects to the control socket and exchanges MUX_MSG_HELLO (version 4). {@code timeout}
     * bounds the connect and every later read except a running session's wait.
     */
    public static MuxClient connect(Path socket, Duration timeout) throws MuxException {
        MuxChannel channel = MuxChannel.connect(socket, timeout);
        try {
            channel.send(new MessageWriter().u32(MuxMessageTypes.MUX_MSG_HELLO)
                    .u32(MuxMessageTypes.PROTOCOL_VERSION).frame(), "MUX_MSG_HELLO");
            byte[] body = channel.receive("MUX_MSG_HELLO").orElseThrow(() -> new MuxException.ProtocolError(
                    "the master at " + socket + " closed the connection before MUX_MSG_HELLO"));
            MuxReply hello = MuxReply.decode(body);
            if (!(hello instanceof MuxReply.Hello h)) {
                throw new MuxException.ProtocolError("expected MUX_MSG_HELLO from " + socket + ", got " + hello);
            }
            if (h.version() != MuxMessageTypes.PROTOCOL_VERSION) {
                throw new MuxException.ProtocolError("the master at " + socket + " speaks mux version " + h.version()
                        + ", not " + MuxMessageTypes.PROTOCOL_VERSION);
            }
            return new MuxClient(channel);
        } catch (MuxException e) {
            channel.close();
            throw e;
        }
    }

    /** MUX_C_ALIVE_CHECK: the pid of the (daemonised) master process. */
    public synchronized long aliveCheck() throws MuxException {
        MuxRequest request = MuxRequest.Bare.ALIVE_CHECK;
        MuxReply reply = exchange(request).orElseThrow(() -> closedBeforeReply(request));
        if (reply instanceof MuxReply.Alive alive) {
            return alive.pid();
        }
        throw unexpected(request, reply);
    }

    /** MUX_C_TERMINATE: the master exits at once, ending its sessions. EOF instead of a reply counts as success. */
    public synchronized void terminate() throws MuxException {
        MuxRequest request = MuxRequest.Bare.TERMINATE;
        Optional<MuxReply> reply = exchange(request);
        if (reply.isPresent() && !(reply.get() instanceof MuxReply.Ok)) {
            throw unexpected(request, reply.get());
        }
    }

    /** MUX_C_STOP_LISTENING: the master removes its socket and takes no new clients; running sessions finish. */
    public synchronized void stopListening() throws MuxException {
        MuxRequest request = MuxRequest.Bare.STOP_LISTENING;
        MuxReply reply = exchange(request).orElseThrow(() -> closedBeforeReply(request));
        if (!(reply instanceof MuxReply.Ok)) {
            throw unexpected(request, reply);
        }
    }

    /**
     * MUX_C_OPEN_FWD. Returns the port the server allocated (MUX_S_REMOTE_PORT) for a remote
     * forward with listen port 0; empty otherwise. An identical forward that already exists is
     * not an error.
     */
    public synchronized OptionalInt openForward(Forward forward) throws MuxException {
        MuxRequest request = new MuxRequest.ForwardRequest(true, forward);
        MuxReply reply = exchange(request).orElseThrow(() -> closedBeforeReply(request));
        if (reply instanceof MuxReply.RemotePort port) {
            return OptionalInt.of(port.port());
        }
        if (reply instanceof MuxReply.Ok) {
            return OptionalInt.empty();
        }
        throw unexpected(request, reply);
    }

    /** MUX_C_CLOSE_FWD; {@code forward} must equal the one opened. */
    public synchronized void closeForward(Forward forward) throws MuxException {
        MuxRequest request = new MuxRequest.ForwardRequest(false, forward);
        MuxReply reply = exchange(request).orElseThrow(() -> closedBeforeReply(request));
        if (!(reply instanceof MuxReply.Ok)) {
            throw unexpected(request, reply);
        }
    }

    /**
     * MUX_C_NEW_SESSION, then the three descriptors (each in its own one-byte sendmsg), then waits
     * for MUX_S_SESSION_OPENED, which comes once the server has confirmed the channel. This
     * connection then belongs to the session: close the returned session, not this client.
     *
     * <p>With {@code wantTty} the master reads the window size and terminal modes from
     * {@code stdin} now. After this returns, close your own copies of the descriptors you do not
     * use, or EOF never comes. The master makes passed descriptors that are not ttys non-blocking.
     * When this fails, the connection is closed.
     */
    public synchronized MuxSession openSession(SessionRequest sessionRequest, FileDescriptor stdin,
                                               FileDescriptor stdout, FileDescriptor stderr) throws MuxException {
        if (handedOver) {
            throw new IllegalStateException("this control connection already carries a session");
        }
        MuxRequest request = new MuxRequest.NewSession(sessionRequest);
        try {
            int requestId = nextRequestId++;
            channel.send(request.encode(requestId), request.name());
            channel.sendFileDescriptor(stdin, "stdin");
            channel.sendFileDescriptor(stdout, "stdout");
            channel.sendFileDescriptor(stderr, "stderr");
            MuxReply reply = receiveAnswer(request, requestId).orElseThrow(() -> closedBeforeReply(request));
            if (reply instanceof MuxReply.SessionOpened opened) {
                handedOver = true;
                return new MuxSession(channel, opened.sessionId());
            }
            throw unexpected(request, reply);
        } catch (MuxException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * MUX_C_NEW_SESSION without a tty, on three socket pairs of this process' own: the command's
     * stdin, stdout and stderr are streams of the returned session (as {@code ssh host cmd} has
     * them on pipes), so no {@code ssh} process is needed per command. This connection then
     * belongs to the session. When this fails, the connection is closed.
     */
    public synchronized PipedSession openPipedSession(SessionRequest sessionRequest) throws MuxException {
        if (sessionRequest.wantTty()) {
            throw new IllegalArgumentException("a piped session has no tty");
        }
        PipedSession.Pipes pipes = PipedSession.Pipes.open();
        try {
            MuxSession session = openSession(sessionRequest, pipes.masterStdin(), pipes.masterStdout(), pipes.masterStderr());
            return pipes.opened(session);
        } catch (MuxException | RuntimeException e) {
            pipes.close();
            throw e;
        }
    }

    /**
     * MUX_C_NEW_STDIO_FWD to {@code host}:{@code port}, then one end of a socket pair as stdin and
     * as stdout (each in its own one-byte sendmsg), then waits for MUX_S_SESSION_OPENED, which the
     * master sends once the server has opened the direct-tcpip channel (mux.c mux_stdio_confirm);
     * a server that cannot connect makes it MUX_S_FAILURE "Session open refused by peer". This
     * connection then belongs to the forward: close the returned forward, not this client. When
     * this fails, the connection is closed.
     */
    public synchronized StdioForward openStdioForward(String host, int port) throws MuxException {
        if (handedOver) {
            throw new IllegalStateException("this control connection already carries a session");
        }
        MuxRequest request = new MuxRequest.StdioForwardRequest(host, port);
        StdioForward forward = StdioForward.socketPair();
        try {
            int requestId = nextRequestId++;
            channel.send(request.encode(requestId), request.name());
            channel.sendFileDescriptor(forward.masterEnd(), "stdin");
            channel.sendFileDescriptor(forward.masterEnd(), "stdout");
            MuxReply reply = receiveAnswer(request, requestId).orElseThrow(() -> closedBeforeReply(request));
            if (reply instanceof MuxReply.SessionOpened opened) {
                handedOver = true;
                return forward.opened(channel, opened.sessionId());
            }
            throw unexpected(request, reply);
        } catch (MuxException | RuntimeException e) {
            forward.close();
            channel.close();
            throw e;
        }
    }

    /** Closes the control connection (not the master). */
    @Override
    public synchronized void close() {
        if (!handedOver) {
            channel.close();
        }
    }

    private Optional<MuxReply> exchange(MuxRequest request) throws MuxException {
        if (handedOver) {
            throw new IllegalStateException("this control connection belongs to a session");
        }
        int requestId = nextRequestId++;
        channel.send(request.encode(requestId), request.name());
        return receiveAnswer(request, requestId);
    }

    private Optional<MuxReply> receiveAnswer(MuxRequest request, int requestId) throws MuxException {
        Optional<byte[]> body = channel.receive("the reply to " + request.name());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        MuxReply reply = MuxReply.decode(body.get());
        OptionalInt answered = reply.answers();
        if (answered.isPresent() && answered.getAsInt() != requestId) {
            throw new MuxException.ProtocolError("reply to request " + Integer.toUnsignedString(answered.getAsInt())
                    + " while waiting for " + request.name() + " " + Integer.toUnsignedString(requestId));
        }
        return Optional.of(reply);
    }

    private MuxException unexpected(MuxRequest request, MuxReply reply) {
        if (reply instanceof MuxReply.Failure failure) {
            return new MuxException.Failure(request.name(), failure.reason());
        }
        if (reply instanceof MuxReply.PermissionDenied denied) {
            return new MuxException.PermissionDenied(request.name() + " refused by the master at "
                    + channel.path() + ": " + denied.reason(), null);
        }
        return new MuxException.ProtocolError("unexpected answer to " + request.name() + ": " + reply);
    }

    private MuxException closedBeforeReply(MuxRequest request) {
        return new MuxException.ProtocolError("the master at " + channel.path()
                + " closed the connection without answering " + request.name());
    }
}

package dev.jhosts.client;

import dev.jhosts.mux.LocalUser;
import dev.jhosts.server.ServerAddress;
import dev.jhosts.server.ServerWire;
import dev.jhosts.server.ToClient;
import dev.jhosts.server.ToServer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;

/** A client's connection to the jhosts server: frames out (one write each), frames in. */
final class ServerConnection implements AutoCloseable {
    private static final int CONNECT_MILLIS = 2_000;

    private final AFUNIXSocket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private ServerConnection(AFUNIXSocket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    /**
     * Connects to the server at {@code address}; empty when none listens there (no socket, or a
     * stale one). A server of another user is refused.
     */
    static Optional<ServerConnection> open(ServerAddress address) throws IOException {
        if (!Files.exists(address.socket(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        AFUNIXSocket socket = AFUNIXSocket.newInstance();
        try {
            socket.connect(AFUNIXSocketAddress.of(address.socket()), CONNECT_MILLIS);
        } catch (ConnectionRefusedSocketException stale) {
            socket.close();
            return Optional.empty();
        } catch (IOException e) {
            socket.close();
            if (!Files.exists(address.socket(), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty(); // removed meanwhile: the server ended
            }
            throw e;
        }
        long uid = socket.getPeerCredentials().getUid();
        if (uid != LocalUser.uid()) {
            socket.close();
            throw new IOException("the jhosts server at " + address.socket() + " runs as uid " + uid + ", not as you");
        }
        return Optional.of(new ServerConnection(socket));
    }

    /** Sends {@code hello}, with {@code terminal} riding on it when given. */
    void hello(ToServer.Hello hello, Optional<FileDescriptor> terminal) throws IOException {
        if (terminal.isPresent()) {
            socket.setOutboundFileDescriptors(terminal.get());
        }
        send(hello);
    }

    synchronized void send(ToServer message) throws IOException {
        out.write(ServerWire.encode(message));
        out.flush();
    }

    /** As {@link #send}, from a signal handler: a server that has gone is told nothing. */
    void sendQuietly(ToServer message) {
        try {
            send(message);
        } catch (IOException gone) {
            // the reading side sees the end and says so
        }
    }

    ToClient read() throws IOException {
        return ServerWire.readToClient(in);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a Unix socket does not fail in a way that matters
        }
    }
}

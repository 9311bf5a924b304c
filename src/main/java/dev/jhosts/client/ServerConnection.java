package dev.jhosts.client;

import dev.jhosts.server.ServerAddress;
import dev.jhosts.server.ServerWire;
import dev.jhosts.server.ToClient;
import dev.jhosts.server.ToServer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * A client's connection to the jhosts server: frames out (one write each), frames in. Where the
 * server can open the client's terminal itself ({@code /proc/PID/fd/0}, Linux), the connection
 * is the JDK's own ({@link JdkSocket}): no native library to load, which is most of a client's
 * start. Elsewhere junixsocket's passes the terminal's descriptor along with the hello ({@link
 * PassingSocket}), as tmux's client does.
 */
final class ServerConnection implements AutoCloseable {
    /**
     * Where a process's descriptors can be opened by others of its user (Linux), unless the
     * property {@code jhosts.client.pass-terminal} says to pass it (as elsewhere).
     */
    private static final boolean DESCRIPTORS_BY_PATH = Files.isDirectory(Path.of("/proc/self/fd"))
            && !Boolean.getBoolean("jhosts.client.pass-terminal");

    private final ClientSocket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private ServerConnection(ClientSocket socket) throws IOException {
        this.socket = socket;
        this.out = socket.output();
        this.in = new DataInputStream(new BufferedInputStream(socket.input()));
    }

    /** Gets the socket's classes ready on another thread, for an {@link #open} soon after. */
    static void prepareInBackground() {
        if (DESCRIPTORS_BY_PATH) {
            JdkSocket.prepareInBackground();
        }
    }

    /**
     * Connects to the server at {@code address}; empty when none listens there (no socket, or a
     * stale one). A server of another user is refused.
     */
    static Optional<ServerConnection> open(ServerAddress address) throws IOException {
        return open(address, !DESCRIPTORS_BY_PATH);
    }

    /** As {@link #open(ServerAddress)}, through junixsocket, which passes the terminal's descriptor. */
    static Optional<ServerConnection> openPassing(ServerAddress address) throws IOException {
        return open(address, true);
    }

    private static Optional<ServerConnection> open(ServerAddress address, boolean passing) throws IOException {
        Optional<Object> found = identity(address.socket());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientSocket> socket;
        try {
            socket = passing ? PassingSocket.connect(address.socket()) : JdkSocket.connect(address.socket());
        } catch (IOException e) {
            if (!identity(address.socket()).equals(found)) {
                // removed meanwhile (the server ended), or replaced: a server starting removed a
                // stale socket and made its own between the look and the connect
                return Optional.empty();
            }
            throw e;
        }
        if (socket.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServerConnection(socket.get()));
        } catch (IOException e) {
            socket.get().close();
            throw e;
        }
    }

    /**
     * The socket file's identity: device and inode, and when it was made (a socket removed and
     * another bound at once may get the freed inode); empty when there is none.
     */
    static Optional<Object> identity(Path socket) {
        try {
            BasicFileAttributes file = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // where the file system names no key, the time alone tells a new socket
            Object key = file.fileKey() != null ? file.fileKey() : Boolean.TRUE;
            return Optional.of(List.of(key, file.lastModifiedTime()));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /**
     * Sends {@code hello}, with {@code terminal} (this process's standard input) riding on it
     * when given: passed as a descriptor, or left for the server to open by this process's pid.
     */
    void hello(ToServer.Hello hello, Optional<FileDescriptor> terminal) throws IOException {
        if (terminal.isPresent()) {
            socket.passWithNextWrite(terminal.get());
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

    /**
     * The server's next message; empty once the server has gone (the connection ended, or was
     * reset by a server that died).
     */
    Optional<ToClient> next() throws IOException {
        try {
            return Optional.of(ServerWire.readToClient(in));
        } catch (EOFException | SocketException gone) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

package dev.jhosts.client;

import dev.jhosts.mux.LocalUser;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;

/** junixsocket's Unix socket, which passes the terminal's descriptor (SCM_RIGHTS) with the hello. */
final class PassingSocket implements ClientSocket {
    private static final int CONNECT_MILLIS = 2_000;

    private final AFUNIXSocket socket;

    private PassingSocket(AFUNIXSocket socket) {
        this.socket = socket;
    }

    /** Connected; empty when the socket is stale (connection refused). A server of another user is refused. */
    static Optional<ClientSocket> connect(Path path) throws IOException {
        AFUNIXSocket socket = AFUNIXSocket.newInstance();
        try {
            socket.connect(AFUNIXSocketAddress.of(path), CONNECT_MILLIS);
        } catch (ConnectionRefusedSocketException stale) {
            socket.close();
            return Optional.empty();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        long uid = socket.getPeerCredentials().getUid();
        if (uid != LocalUser.uid()) {
            socket.close();
            throw new IOException("the jhosts server at " + path + " runs as uid " + uid + ", not as you");
        }
        return Optional.of(new PassingSocket(socket));
    }

    @Override
    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public void passWithNextWrite(FileDescriptor terminal) throws IOException {
        socket.setOutboundFileDescriptors(terminal);
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

package dev.jhosts.probe;

import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Hands JSch a connection that is already open (a TCP socket, or a mux stdio forward's end of a
 * socket pair): JSch reads and writes these streams and, through {@link #getSocket()}, sets its
 * read timeout on the socket.
 */
final class StreamProxy implements Proxy {
    private final InputStream in;
    private final OutputStream out;
    private final Socket socket;
    private final AutoCloseable owner;

    /** {@code owner} is closed when JSch closes the proxy (on its disconnect). */
    StreamProxy(InputStream in, OutputStream out, Socket socket, AutoCloseable owner) {
        this.in = in;
        this.out = out;
        this.socket = socket;
        this.owner = owner;
    }

    @Override
    public void connect(SocketFactory socketFactory, String host, int port, int timeout) {
        // already connected
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception ignored) {
            // closing is all that is left to do
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}

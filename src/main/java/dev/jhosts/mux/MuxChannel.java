package dev.jhosts.mux;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.newsclub.net.unix.ConnectionResetSocketException;

/** One control connection: length-framed messages and SCM_RIGHTS fd passing over a Unix socket. */
final class MuxChannel implements AutoCloseable {
    private final Path path;
    private final AFUNIXSocket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private MuxChannel(Path path, AFUNIXSocket socket) throws IOException {
        this.path = path;
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects; {@code timeout} becomes the read timeout of every later read. */
    static MuxChannel connect(Path path, Duration timeout) throws MuxException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        AFUNIXSocket socket = null;
        try {
            socket = AFUNIXSocket.newInstance();
            socket.connect(AFUNIXSocketAddress.of(path), millis);
            socket.setSoTimeout(millis);
            checkPeer(path, socket);
            return new MuxChannel(path, socket);
        } catch (MuxException e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException e) {
            closeQuietly(socket);
            throw connectFailure(path, e);
        }
    }

    /**
     * Only a master of this user (or root) may hear a request or be handed a terminal: a socket
     * planted at the ControlPath by another uid (a shared 1777 directory) would otherwise answer
     * checks and receive the session's file descriptors. Checked before anything is sent; the
     * master makes the same check of us (mux.c, mux_master_read_cb's getpeereid).
     */
    private static void checkPeer(Path path, AFUNIXSocket socket) throws IOException {
        long peer = socket.getPeerCredentials().getUid();
        long me = LocalUser.uid();
        if (peer != me && peer != 0) {
            throw new MuxException.Untrusted("the control socket " + path + " is served by uid " + peer
                    + ", not by you (uid " + me + "); refusing to use it: remove it or fix the ControlPath", peer);
        }
    }

    private static MuxException connectFailure(Path path, IOException e) {
        if (e instanceof ConnectionRefusedSocketException) {
            return new MuxException.Refused("nothing accepts connections on " + path + " (stale socket)", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new MuxException.Timeout("connecting to " + path + " timed out", e);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new MuxException.NoSocket("no control socket at " + path, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Permission denied")) {
            return new MuxException.PermissionDenied("permission denied connecting to " + path, e);
        }
        return new MuxException.ProtocolError("cannot connect to " + path + ": " + message, e);
    }

    void send(byte[] frame, String what) throws MuxException {
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw ioFailure("sending " + what, e);
        }
    }

    /**
     * Passes one descriptor the way the master's mm_receive_fd expects it: one data byte carrying
     * one SCM_RIGHTS fd per sendmsg.
     */
    void sendFileDescriptor(FileDescriptor fd, String what) throws MuxException {
        try {
            socket.setOutboundFileDescriptors(fd);
            out.write(0);
            out.flush();
        } catch (IOException e) {
            throw ioFailure("passing " + what, e);
        }
    }

    /** The next message body; empty at EOF (or when the master reset the connection). */
    Optional<byte[]> receive(String awaiting) throws MuxException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException | ConnectionResetSocketException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ioFailure("waiting for " + awaiting, e);
        }
        if (length < 4 || length > MuxMessageTypes.MAX_MESSAGE_LENGTH) {
            throw new MuxException.ProtocolError("bad message length " + Integer.toUnsignedString(length)
                    + " from " + path + " while waiting for " + awaiting);
        }
        byte[] body = new byte[length];
        try {
            in.readFully(body);
        } catch (IOException e) {
            throw ioFailure("reading " + awaiting, e);
        }
        return Optional.of(body);
    }

    /** Removes the read timeout (a running session may last for days). */
    void waitForever() throws MuxException {
        try {
            socket.setSoTimeout(0);
        } catch (SocketException e) {
            throw ioFailure("clearing the read timeout", e);
        }
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    Path path() {
        return path;
    }

    private MuxException ioFailure(String doing, IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new MuxException.Timeout("no answer from the master at " + path + " while " + doing, e);
        }
        if (e instanceof EOFException) {
            return new MuxException.ProtocolError("the master at " + path + " closed the connection while " + doing, e);
        }
        return new MuxException.ProtocolError("I/O error with the master at " + path + " while " + doing + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(AFUNIXSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do with a socket that does not close
            }
        }
    }
}

package dev.jhosts.mux;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * A byte stream to a host:port opened from a master's server side (MUX_C_NEW_STDIO_FWD), as
 * {@code ssh -S socket -W host:port} makes one: no new TCP connection from here, no new
 * authentication at the jump host. Made by {@link MuxClient#openStdioForward}.
 *
 * <p>The master is handed one end of a Unix socket pair as both the forward's stdin and stdout;
 * this object keeps the other end, whose streams carry the remote bytes, and the control
 * connection, whose closing makes the master close the channel (mux.c links the two channels).
 */
public final class StdioForward implements AutoCloseable {
    private final AFUNIXSocketChannel ours;
    private final AFUNIXSocketChannel theirs;
    private MuxChannel control;
    private int channelId = -1;

    private StdioForward(AFUNIXSocketChannel ours, AFUNIXSocketChannel theirs) {
        this.ours = ours;
        this.theirs = theirs;
    }

    /** A fresh socket pair, not yet handed to a master. */
    static StdioForward socketPair() throws MuxException {
        try {
            ConnectedPair pair = ConnectedPair.open();
            return new StdioForward(pair.first(), pair.second());
        } catch (IOException e) {
            throw new MuxException.ProtocolError("cannot make a socket pair for a stdio forward: " + e.getMessage(), e);
        }
    }

    /** The end the master gets, passed twice: as the forward's stdin and as its stdout. */
    FileDescriptor masterEnd() throws MuxException {
        try {
            return theirs.getFileDescriptor();
        } catch (IOException e) {
            throw new MuxException.ProtocolError("no descriptor for the stdio forward's socket: " + e.getMessage(), e);
        }
    }

    /**
     * After MUX_S_SESSION_OPENED: keeps the control connection, and closes this process' copy of
     * the master's end, or EOF from the remote side would never arrive.
     */
    StdioForward opened(MuxChannel controlConnection, int masterChannelId) {
        this.control = controlConnection;
        this.channelId = masterChannelId;
        closeWithoutShutdown(theirs);
        return this;
    }

    /**
     * Closes this process' descriptor of a socket another process holds a copy of. junixsocket's
     * own close calls shutdown(2) first (AFSocketImpl.close), and a shutdown acts on the socket,
     * not the descriptor: it would cut the master's copy too. Closing the descriptor through a
     * FileInputStream closes it alone and marks it invalid, so the channel's close that follows
     * skips both its shutdown and its close.
     */
    private static void closeWithoutShutdown(AFUNIXSocketChannel channel) {
        try {
            new FileInputStream(channel.getFileDescriptor()).close();
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(channel);
    }

    /** The master's channel id, as MUX_S_SESSION_OPENED gave it. */
    public int channelId() {
        return channelId;
    }

    /** Bytes from host:port; -1 once the channel has closed. */
    public InputStream input() throws IOException {
        return ours.socket().getInputStream();
    }

    /** Bytes to host:port. */
    public OutputStream output() throws IOException {
        return ours.socket().getOutputStream();
    }

    /** This end as a socket, for read timeouts ({@link Socket#setSoTimeout}). */
    public Socket socket() {
        return ours.socket();
    }

    /** Closes this end and the control connection; the master then closes the channel. */
    @Override
    public void close() {
        closeQuietly(ours);
        closeQuietly(theirs);
        if (control != null) {
            control.close();
        }
    }

    private static void closeQuietly(AFUNIXSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that does not close
        }
    }
}

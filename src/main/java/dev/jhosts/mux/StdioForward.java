package dev.jhosts.mux;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

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
    private final SocketPair pair;
    private MuxChannel control;
    private int channelId = -1;

    private StdioForward(SocketPair pair) {
        this.pair = pair;
    }

    /** A fresh socket pair, not yet handed to a master. */
    static StdioForward socketPair() throws MuxException {
        return new StdioForward(SocketPair.open());
    }

    /** The end the master gets, passed twice: as the forward's stdin and as its stdout. */
    FileDescriptor masterEnd() throws MuxException {
        return pair.theirs();
    }

    /**
     * After MUX_S_SESSION_OPENED: keeps the control connection, and closes this process' copy of
     * the master's end, or EOF from the remote side would never arrive.
     */
    StdioForward opened(MuxChannel controlConnection, int masterChannelId) {
        this.control = controlConnection;
        this.channelId = masterChannelId;
        pair.letGoOfTheirs();
        return this;
    }

    /** The master's channel id, as MUX_S_SESSION_OPENED gave it. */
    public int channelId() {
        return channelId;
    }

    /** Bytes from host:port; -1 once the channel has closed. */
    public InputStream input() throws IOException {
        return pair.input();
    }

    /** Bytes to host:port. */
    public OutputStream output() throws IOException {
        return pair.ours().socket().getOutputStream();
    }

    /** This end as a socket, for read timeouts ({@link Socket#setSoTimeout}). */
    public Socket socket() {
        return pair.ours().socket();
    }

    /** Closes this end and the control connection; the master then closes the channel. */
    @Override
    public void close() {
        pair.close();
        if (control != null) {
            control.close();
        }
    }
}

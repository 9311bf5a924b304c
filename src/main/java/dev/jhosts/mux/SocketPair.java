package dev.jhosts.mux;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * A socket pair for one of a session's standard streams, or for a stdio forward: this process'
 * end, and the master's, which MUX_C_NEW_SESSION or MUX_C_NEW_STDIO_FWD hands over (the master
 * reads or writes its copy; this process keeps its own copy only as long as it may hand it over
 * again).
 */
public final class SocketPair implements AutoCloseable {
    private final AFUNIXSocketChannel ours;
    private final AFUNIXSocketChannel theirs;
    private boolean theirsReleased;

    private SocketPair(AFUNIXSocketChannel ours, AFUNIXSocketChannel theirs) {
        this.ours = ours;
        this.theirs = theirs;
    }

    public static SocketPair open() throws MuxException {
        try {
            ConnectedPair pair = ConnectedPair.open();
            return new SocketPair(pair.first(), pair.second());
        } catch (IOException e) {
            throw new MuxException.ProtocolError("cannot make a socket pair: " + e.getMessage(), e);
        }
    }

    /** This process' end. */
    AFUNIXSocketChannel ours() {
        return ours;
    }

    /** What the master writes on its end, as it comes; -1 once every copy of that end is closed. */
    public InputStream input() throws IOException {
        return ours.socket().getInputStream();
    }

    /** The master's end, to hand over in MUX_C_NEW_SESSION or MUX_C_NEW_STDIO_FWD. */
    public FileDescriptor theirs() throws MuxException {
        try {
            return theirs.getFileDescriptor();
        } catch (IOException e) {
            throw new MuxException.ProtocolError("no descriptor for the master's end of a socket pair: " + e.getMessage(), e);
        }
    }

    /**
     * Closes this process' copy of the master's end: once the master closes its copy too, {@link
     * #input} ends. Not by junixsocket's close, which calls shutdown(2) first (AFSocketImpl.close):
     * a shutdown acts on the socket, not the descriptor, and would cut the master's copy too.
     * Closing the descriptor through a FileInputStream closes it alone and marks it invalid, so
     * the channel's close that follows skips both its shutdown and its close.
     */
    public synchronized void letGoOfTheirs() {
        if (theirsReleased) {
            return;
        }
        theirsReleased = true;
        try {
            new FileInputStream(theirs.getFileDescriptor()).close();
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(theirs);
    }

    @Override
    public synchronized void close() {
        closeQuietly(ours);
        if (!theirsReleased) {
            closeQuietly(theirs);
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

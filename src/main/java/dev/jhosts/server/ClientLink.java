package dev.jhosts.server;

import java.io.IOException;
import java.io.OutputStream;

/** The server's end of one client's socket, for sending: one frame per write, from any thread. */
final class ClientLink {
    private final OutputStream out;
    private Runnable beforeFirst = () -> { }; // guarded by this

    ClientLink(OutputStream out) {
        this.out = out;
    }

    /**
     * What happens before the first message goes out (a first frame withdrawn, unless a picker
     * took it over: the client's own words then show on the screen it left).
     */
    synchronized void beforeFirstMessage(Runnable action) {
        beforeFirst = action;
    }

    synchronized void send(ToClient message) throws IOException {
        Runnable first = beforeFirst;
        beforeFirst = () -> { };
        first.run();
        out.write(ServerWire.encode(message));
        out.flush();
    }

    /** As {@link #send}, for a client that may have gone: nothing to do about it then. */
    void sendQuietly(ToClient message) {
        try {
            send(message);
        } catch (IOException gone) {
            // the client went away; its terminal is no longer ours to tell anything
        }
    }
}

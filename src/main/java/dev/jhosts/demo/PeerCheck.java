package dev.jhosts.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Who may connect to a demo server: only this user (the servers give a shell as this user, and
 * 127.0.0.1 is open to every user of the machine), and to a host behind the jump host only the
 * jump host's own forwarding, which is this process. The other end of a loopback connection is
 * looked up in {@code /proc/net/tcp}; one whose end cannot be found is refused.
 *
 * <p>The check runs as MINA creates the session, before the server sends its identification:
 * a listener that throws there makes MINA close the connection. (Refusing earlier, in an
 * IoServiceEventListener's connectionAccepted, leaves the socket open: MINA 2.20 does not close
 * a channel it has made no session for, and the client waits for a banner that never comes.)
 */
final class PeerCheck implements SessionListener {
    private final int uid;
    private final boolean onlyFromThisProcess;

    PeerCheck(int uid, boolean onlyFromThisProcess) {
        this.uid = uid;
        this.onlyFromThisProcess = onlyFromThisProcess;
    }

    /** Thrown to refuse a connection. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    @Override
    public void sessionCreated(Session session) {
        IoSession io = session.getIoSession();
        SocketAddress local = io.getLocalAddress();
        SocketAddress remote = io.getRemoteAddress();
        if (!(local instanceof InetSocketAddress server) || !(remote instanceof InetSocketAddress client)) {
            throw new Refused("refused: not a TCP connection");
        }
        try {
            check(client, server);
        } catch (IOException refused) {
            throw new Refused(refused.getMessage());
        }
    }

    /** Refuses ({@code IOException}) a connection from {@code client} to {@code server} that this check does not allow. */
    void check(InetSocketAddress client, InetSocketAddress server) throws IOException {
        Optional<ProcFs.TcpEnd> end = ProcFs.tcpEnd(client, server);
        if (end.isEmpty()) {
            throw new IOException("refused " + client + ": its socket is not in /proc/net/tcp");
        }
        if (end.get().uid() != uid) {
            throw new IOException("refused " + client + ": it belongs to uid " + end.get().uid() + ", not " + uid);
        }
        if (onlyFromThisProcess && !ProcFs.selfHoldsSocket(end.get().inode())) {
            throw new IOException("refused " + client + ": only the jump host may connect here");
        }
    }
}

package dev.jhosts.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoServiceEventListener;

/**
 * Who may connect to a demo server, checked as each TCP connection is accepted: only this user
 * (the servers give a shell as this user, and 127.0.0.1 is open to every user of the machine), and
 * for a host behind the jump host only the jump host's own forwarding, which is this process.
 * The other end of a loopback connection is looked up in {@code /proc/net/tcp}; a connection
 * whose end cannot be found is refused.
 */
final class PeerCheck implements IoServiceEventListener {
    private final int uid;
    private final boolean onlyFromThisProcess;

    PeerCheck(int uid, boolean onlyFromThisProcess) {
        this.uid = uid;
        this.onlyFromThisProcess = onlyFromThisProcess;
    }

    @Override
    public void connectionAccepted(IoAcceptor acceptor, SocketAddress local, SocketAddress remote, SocketAddress service)
            throws IOException {
        if (!(local instanceof InetSocketAddress server) || !(remote instanceof InetSocketAddress client)) {
            throw new IOException("refused: not a TCP connection");
        }
        check(client, server);
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

package dev.jhosts.demo;

import java.util.Set;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;

/**
 * What the demo servers forward: direct-tcpip (what {@code ProxyJump} and {@code -L} ask for) to
 * the demo's own ports on 127.0.0.1 only, so that the jump host reaches the host behind it and
 * nothing else; no remote listening, no agent, no X11.
 */
final class DemoForwarding implements ForwardingFilter {
    private final Set<Integer> ports;

    /** @param ports the demo's ports: a concurrent set, filled as its servers start */
    DemoForwarding(Set<Integer> ports) {
        this.ports = ports;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        return type == Type.Direct && isLoopback(address.getHostName()) && ports.contains(address.getPort());
    }

    private static boolean isLoopback(String host) {
        return host.equals(DemoServer.ADDRESS) || host.equals("localhost");
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return false;
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return false;
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }
}

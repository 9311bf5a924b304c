package dev.jhosts.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;

/**
 * One demo host's SSH server (Apache MINA SSHD) on a free port of 127.0.0.1: the demo's host key,
 * the host's way of authenticating the user, real shells and commands ({@link SessionCommand}),
 * the demo's forwarding rules and the peer check.
 */
final class DemoServer implements AutoCloseable {
    static final String ADDRESS = "127.0.0.1";
    /** How long the slow host takes to accept the user's key. */
    static final Duration SLOW_AUTHENTICATION = Duration.ofSeconds(2);
    private static final AttributeKey<Boolean> SLOWED = new AttributeKey<>();

    private final DemoHost host;
    private final SshServer server;

    private DemoServer(DemoHost host, SshServer server) {
        this.host = host;
        this.server = server;
    }

    /** What every demo server shares. */
    record Shared(DemoKeys keys, String user, String password, int uid, DemoForwarding forwarding,
            SessionShell shell, SessionProcesses processes) {
        /** Without the password or the keys. */
        @Override
        public String toString() {
            return "demo servers for " + user + " (uid " + uid + ")";
        }
    }

    /**
     * Starts the server of {@code host}; {@code authenticated} hears each session that
     * authenticates (the stuck host's freezer watches for them).
     */
    static DemoServer start(DemoHost host, Shared shared, Runnable authenticated) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(ADDRESS);
        server.setPort(0);
        // a master may sit idle for as long as the demo runs
        CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ZERO);
        CoreModuleProperties.NIO_WORKERS.set(server, 2);
        server.setKeyPairProvider(KeyPairProvider.wrap(shared.keys().host()));
        server.addSessionListener(new PeerCheck(shared.uid(), host.onlyThroughJump()));
        server.setForwardingFilter(shared.forwarding());
        server.setKeyboardInteractiveAuthenticator(null);
        switch (host.authentication()) {
            case PASSWORD -> {
                server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
                byte[] expected = shared.password().getBytes(StandardCharsets.UTF_8);
                server.setPasswordAuthenticator((user, password, session) -> user.equals(shared.user())
                        && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8)));
                server.setPublickeyAuthenticator(null);
            }
            case KEY, SLOW_KEY -> {
                server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
                boolean slow = host.authentication() == DemoHost.Authentication.SLOW_KEY;
                server.setPublickeyAuthenticator((user, key, session) -> {
                    if (slow) {
                        slowDown(session);
                    }
                    return user.equals(shared.user()) && shared.keys().isUserKey(key);
                });
                server.setPasswordAuthenticator(null);
            }
        }
        server.setShellFactory(channel ->
                new SessionCommand(host, new SessionRequest.LoginShell(), shared.shell(), shared.processes()));
        server.setCommandFactory((channel, command) ->
                new SessionCommand(host, new SessionRequest.Exec(command), shared.shell(), shared.processes()));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) {
                    authenticated.run();
                }
            }
        });
        server.start();
        return new DemoServer(host, server);
    }

    /** The slow host's delay, once per connection (OpenSSH asks about the key, then signs with it). */
    private static void slowDown(ServerSession session) {
        if (session.setAttribute(SLOWED, Boolean.TRUE) == null) {
            try {
                Thread.sleep(SLOW_AUTHENTICATION.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    DemoHost host() {
        return host;
    }

    int port() {
        return server.getPort();
    }

    /** Stops at once: every connection closes, every session is destroyed. */
    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // stopping is best effort; the process is going away
        }
    }
}

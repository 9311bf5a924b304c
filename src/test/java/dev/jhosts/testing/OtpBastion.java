package dev.jhosts.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;

/**
 * A jump host that asks for a one-time code (keyboard-interactive), as a 2FA bastion does:
 * Apache MINA SSHD on 127.0.0.1, since the machine's sshd cannot ask that without touching the
 * machine's users. It only forwards (direct-tcpip); it counts the logins it granted.
 */
public final class OtpBastion implements AutoCloseable {
    /** The prompt, as such bastions word it. */
    public static final String PROMPT = "Verification code: ";

    private final SshServer server;
    private final String code;
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();

    private OtpBastion(SshServer server, String code) {
        this.server = server;
        this.code = code;
    }

    public static OtpBastion start(Path dir, String code) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("otp_host_key")));
        OtpBastion bastion = new OtpBastion(server, code);
        server.setKeyboardInteractiveAuthenticator(bastion.new Challenge());
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.start();
        return bastion;
    }

    private final class Challenge implements KeyboardInteractiveAuthenticator {
        @Override
        public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods) {
            InteractiveChallenge challenge = new InteractiveChallenge();
            challenge.setInteractionName("");
            challenge.setInteractionInstruction("");
            challenge.addPrompt(PROMPT, false);
            return challenge;
        }

        @Override
        public boolean authenticate(ServerSession session, String username, List<String> responses) {
            boolean right = responses.size() == 1 && responses.get(0).equals(code);
            (right ? logins : refusals).incrementAndGet();
            return right;
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The known_hosts line for this server. */
    public String knownHostsLine() throws IOException {
        try {
            KeyPair key = server.getKeyPairProvider().loadKeys(null).iterator().next();
            return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    public int logins() {
        return logins.get();
    }

    public int refusals() {
        return refusals.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}

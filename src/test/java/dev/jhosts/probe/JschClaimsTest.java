package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.Session;
import dev.jhosts.testing.SshdFixture;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What shared/reference/libraries.md says of JSch (mwiede 2.28.8), checked against a real sshd
 * and OpenSSH's rules: the handshake claims hold; its known_hosts matching departs from OpenSSH's
 * in the ways below, which is why the probe compares keys with its own {@link KnownHosts}.
 */
class JschClaimsTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path dir;

    private static Path hostPublicKey() {
        return Path.of(SSHD.hostKey("ed25519") + ".pub");
    }

    private static String knownName() {
        return "[127.0.0.1]:" + SSHD.port();
    }

    private HostKeyRepository jschKnownHosts(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "known_hosts", "");
        Files.writeString(file, String.join("\n", lines) + "\n");
        JSch jsch = new JSch();
        jsch.setKnownHosts(file.toString());
        return jsch.getHostKeyRepository();
    }

    @Test
    void hostKeyFingerprintIsWhatSshKeygenPrints() throws Exception {
        HostKey key = new HostKey(knownName(), SshKeygen.blob(hostPublicKey()));
        assertThat(key.getFingerPrint(new JSch())).isEqualTo(SshKeygen.fingerprint(hostPublicKey()));
        assertThat(KeyFingerprint.of(SshKeygen.blob(hostPublicKey())).fingerprint())
                .isEqualTo(SshKeygen.fingerprint(hostPublicKey()));
    }

    @Test
    void aRepositoryAnsweringNotIncludedStopsConnectRightAfterTheKeyExchange() throws Exception {
        RecordingHostKeyRepository repository = new RecordingHostKeyRepository();
        JSch jsch = new JSch();
        jsch.setHostKeyRepository(repository);
        Session session = jsch.getSession("nobody", "127.0.0.1", SSHD.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", SSHD.port()), 10_000);
            // Session takes a Proxy: here an already connected socket's streams
            session.setProxy(new StreamProxy(socket.getInputStream(), socket.getOutputStream(), socket, socket));
            assertThatThrownBy(() -> session.connect(10_000))
                    .isInstanceOf(JSchUnknownHostKeyException.class)
                    .hasMessage("reject HostKey: " + knownName());
        }
        assertThat(repository.offered()).hasValue(SshKeygen.blob(hostPublicKey()));
        assertThat(session.getHostKey().getKey()).isEqualTo(SshKeygen.keyText(hostPublicKey()).split(" ")[1]);
        assertThat(session.getServerVersion()).startsWith("SSH-2.0-OpenSSH_");
        assertThat(session.isConnected()).isFalse();
    }

    @Test
    void itsKnownHostsFindsPortsAndHashedNames() throws Exception {
        byte[] key = SshKeygen.blob(hostPublicKey());
        String line = knownName() + " " + SshKeygen.keyText(hostPublicKey());
        assertThat(jschKnownHosts(line).check(knownName(), key)).isEqualTo(HostKeyRepository.OK);
        Path hashed = Files.createTempFile(dir, "hashed", "");
        Files.writeString(hashed, line + "\n");
        SshKeygen.hash(hashed);
        assertThat(jschKnownHosts(Files.readString(hashed).strip()).check(knownName(), key)).isEqualTo(HostKeyRepository.OK);
    }

    /** The departures from OpenSSH's hostfile.c; each is right in {@link KnownHosts}. */
    @Test
    void itsKnownHostsDepartsFromOpenSsh() throws Exception {
        byte[] key = SshKeygen.blob(hostPublicKey());
        String keyText = SshKeygen.keyText(hostPublicKey());
        Path other = SshKeygen.generate(dir.resolve("rsa"), "rsa");

        // 1. a key marked @revoked is reported OK (ssh: REVOKED, refused)
        String[] revoked = {knownName() + " " + keyText, "@revoked * " + keyText};
        assertThat(jschKnownHosts(revoked).check(knownName(), key)).isEqualTo(HostKeyRepository.OK);
        assertThat(ours(revoked)).isInstanceOf(HostKeyState.Revoked.class);

        // 2. wildcards are not matched (ssh: [127.0.0.1]:* names the host)
        String[] wildcard = {"[127.0.0.1]:* " + keyText};
        assertThat(jschKnownHosts(wildcard).check(knownName(), key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
        assertThat(ours(wildcard)).isInstanceOf(HostKeyState.Known.class);

        // 3. a key known for port 22 is accepted on another port (ssh: unknown there)
        String[] port22 = {"127.0.0.1 " + keyText};
        assertThat(jschKnownHosts(port22).check(knownName(), key)).isEqualTo(HostKeyRepository.OK);
        assertThat(ours(port22)).isInstanceOf(HostKeyState.Unknown.class);

        // 4. a known key of another type is not a change (ssh: CHANGED, refused)
        String[] otherType = {knownName() + " " + SshKeygen.keyText(other)};
        assertThat(jschKnownHosts(otherType).check(knownName(), key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
        assertThat(ours(otherType)).isInstanceOf(HostKeyState.Changed.class);

        // 5. a negated name is ignored (ssh: a matching negation takes the line away from the host)
        String[] negated = {"!" + knownName() + "," + knownName() + " " + keyText};
        assertThat(jschKnownHosts(negated).check(knownName(), key)).isEqualTo(HostKeyRepository.OK);
        assertThat(ours(negated)).isInstanceOf(HostKeyState.Unknown.class);
    }

    private HostKeyState ours(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "ours", "");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return new KnownHosts().compare(List.of(file), knownName(), SshKeygen.blob(hostPublicKey()));
    }
}

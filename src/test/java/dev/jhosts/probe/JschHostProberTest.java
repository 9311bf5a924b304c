package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes of a real sshd: reachability, the banner, and the host key against known_hosts files of
 * every kind; and, from sshd's own DEBUG log, that a probe never starts authentication.
 */
class JschHostProberTest {
    /** DEBUG1 logs every userauth-request; ECDSA and RSA keys next to the ed25519 one for the type order. */
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture("DEBUG1", "ecdsa", "rsa");

    private static final JschHostProber PROBER = new JschHostProber(Duration.ofSeconds(20));

    @TempDir
    Path dir;

    @AfterAll
    static void closeProber() {
        PROBER.close();
    }

    private static Path hostPublicKey(String type) {
        return Path.of(SSHD.hostKey(type) + ".pub");
    }

    private static String knownName() {
        return "[127.0.0.1]:" + SSHD.port();
    }

    private Path knownHosts(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "known_hosts", "");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return file;
    }

    private static ProbeTarget target(Path knownHosts, String hostKeyAlias, List<String> algorithms) {
        return new ProbeTarget(SshdFixture.HOST, "127.0.0.1", SSHD.port(), List.of(knownHosts), hostKeyAlias,
                algorithms, new Transport.Direct());
    }

    private static ProbeResult probe(Path knownHosts) {
        return PROBER.probe(target(knownHosts, "", List.of()));
    }

    @Test
    void aKnownKeyIsKnownWithTheFingerprintSshKeygenPrints() throws Exception {
        Path known = knownHosts("# first", knownName() + " " + SshKeygen.keyText(hostPublicKey("ed25519")));
        ProbeResult result = probe(known);
        assertThat(result.reachability()).isInstanceOf(Reachability.Reachable.class);
        assertThat(((Reachability.Reachable) result.reachability()).banner()).startsWith("SSH-2.0-OpenSSH_");
        assertThat(result.hostKey()).isInstanceOf(HostKeyState.Known.class);
        KnownKey entry = ((HostKeyState.Known) result.hostKey()).entry();
        assertThat(entry.key().fingerprint()).isEqualTo(SshKeygen.fingerprint(hostPublicKey("ed25519")));
        assertThat(entry.key().type()).isEqualTo("ssh-ed25519");
        assertThat(entry.file()).isEqualTo(known);
        assertThat(entry.line()).isEqualTo(2);
        assertThat(result.reachableWithKnownKey()).isTrue();
    }

    @Test
    void anEmptyKnownHostsGivesAnUnknownKeyWithItsFingerprint() throws Exception {
        ProbeResult result = probe(knownHosts());
        assertThat(result.hostKey()).isEqualTo(new HostKeyState.Unknown(
                new KeyFingerprint("ssh-ed25519", SshKeygen.fingerprint(hostPublicKey("ed25519"))), List.of()));
        assertThat(result.reachableWithKnownKey()).isFalse();
    }

    @Test
    void anotherKeyForTheHostIsAChangedKey() throws Exception {
        Path other = SshKeygen.generate(dir.resolve("other"), "ed25519");
        Path known = knownHosts(knownName() + " " + SshKeygen.keyText(other));
        ProbeResult result = probe(known);
        assertThat(result.hostKey()).isInstanceOf(HostKeyState.Changed.class);
        HostKeyState.Changed changed = (HostKeyState.Changed) result.hostKey();
        assertThat(changed.offered().fingerprint()).isEqualTo(SshKeygen.fingerprint(hostPublicKey("ed25519")));
        assertThat(changed.known()).singleElement().satisfies(k -> {
            assertThat(k.key().fingerprint()).isEqualTo(SshKeygen.fingerprint(other));
            assertThat(k.file()).isEqualTo(known);
            assertThat(k.line()).isEqualTo(1);
        });
    }

    @Test
    void aHashedEntryIsFound() throws Exception {
        Path known = knownHosts(knownName() + " " + SshKeygen.keyText(hostPublicKey("ed25519")));
        SshKeygen.hash(known);
        assertThat(probe(known).hostKey()).isInstanceOf(HostKeyState.Known.class);
    }

    @Test
    void hostKeyAliasIsTheNameLookedUp() throws Exception {
        Path known = knownHosts("lab-alias " + SshKeygen.keyText(hostPublicKey("ed25519")));
        assertThat(PROBER.probe(target(known, "Lab-Alias", List.of())).hostKey()).isInstanceOf(HostKeyState.Known.class);
        assertThat(PROBER.probe(target(known, "", List.of())).hostKey()).isInstanceOf(HostKeyState.Unknown.class);
    }

    @Test
    void aKnownTypeIsAskedForSoThatAnotherKeyOfTheServerIsNotTakenForAChange() throws Exception {
        Path known = knownHosts(knownName() + " " + SshKeygen.keyText(hostPublicKey("ecdsa")));
        ProbeResult result = probe(known);
        assertThat(result.hostKey()).as("%s", result).isInstanceOf(HostKeyState.Known.class);
        assertThat(((HostKeyState.Known) result.hostKey()).entry().key().fingerprint())
                .isEqualTo(SshKeygen.fingerprint(hostPublicKey("ecdsa")));
        // the control: offered ed25519 only, the same server looks changed (as ssh would say)
        ProbeResult edOnly = PROBER.probe(target(known, "", List.of("ssh-ed25519")));
        assertThat(edOnly.hostKey()).isInstanceOf(HostKeyState.Changed.class);

        // an RSA key, verified with an rsa-sha2 signature
        Path rsa = knownHosts(knownName() + " " + SshKeygen.keyText(hostPublicKey("rsa")));
        ProbeResult rsaResult = probe(rsa);
        assertThat(rsaResult.hostKey()).as("%s", rsaResult).isInstanceOf(HostKeyState.Known.class);
        assertThat(((HostKeyState.Known) rsaResult.hostKey()).entry().key())
                .isEqualTo(new KeyFingerprint("ssh-rsa", SshKeygen.fingerprint(hostPublicKey("rsa"))));
    }

    @Test
    void theOptionsOfSshDashGMakeTheTarget() throws Exception {
        SshOptionsResolver resolver = new SshOptionsResolver("ssh", SSHD.sshConfig());
        ProbeTarget target = new ProbeTargets(jump -> Optional.empty()).forHost(resolver.resolve(SshdFixture.HOST));
        assertThat(target.transport()).isEqualTo(new Transport.Direct());
        assertThat(target.knownHostsName()).isEqualTo(knownName());
        ProbeResult result = PROBER.probe(target);
        assertThat(result.hostKey()).as("%s", result).isInstanceOf(HostKeyState.Known.class);
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ProbeTarget target = new ProbeTarget("closed", "127.0.0.1", closed, List.of(), "", List.of(), new Transport.Direct());
        ProbeResult result = PROBER.probe(target);
        assertThat(result.reachability()).isInstanceOf(Reachability.Unreachable.class);
        Reachability.Unreachable unreachable = (Reachability.Unreachable) result.reachability();
        assertThat(unreachable.kind()).isEqualTo(Reachability.Kind.REFUSED);
        assertThat(unreachable.detail()).contains("127.0.0.1").contains(String.valueOf(closed)).contains("Connection refused");
        assertThat(result.hostKey()).isInstanceOf(HostKeyState.NotChecked.class);
    }

    @Test
    void aPortThatSaysNothingIsReachableWithoutABanner() throws Exception {
        try (JschHostProber quick = new JschHostProber(Duration.ofMillis(800));
             FakeServer silent = new FakeServer(socket -> sleepQuietly(Duration.ofSeconds(10)))) {
            ProbeResult result = quick.probe(silent.target());
            assertThat(result.reachability()).isInstanceOf(Reachability.Reachable.class);
            assertThat(((Reachability.Reachable) result.reachability()).banner()).isEmpty();
            assertThat(result.hostKey()).isInstanceOf(HostKeyState.NotChecked.class);
            assertThat(((HostKeyState.NotChecked) result.hostKey()).reason()).contains("no SSH banner");
        }
    }

    @Test
    void aServerThatTricklesBytesIsGivenUpOnAtTheTimeout() throws Exception {
        // each byte comes well within the read timeout, so only the probe's own deadline ends it
        try (JschHostProber quick = new JschHostProber(Duration.ofMillis(800));
             FakeServer trickle = new FakeServer(socket -> {
                 try {
                     OutputStream out = socket.getOutputStream();
                     for (int i = 0; i < 200; i++) {
                         out.write('x');
                         out.flush();
                         sleepQuietly(Duration.ofMillis(50));
                     }
                 } catch (IOException closedByTheProbe) {
                     // the probe gave up and closed the connection
                 }
             })) {
            ProbeResult result = quick.probe(trickle.target());
            assertThat(result.reachability()).isInstanceOf(Reachability.Reachable.class);
            assertThat(result.hostKey()).isEqualTo(new HostKeyState.NotChecked("no SSH banner within 800 ms"));
        }
    }

    @Test
    void aServerThatIsNotSshHasNoBanner() throws Exception {
        try (FakeServer http = new FakeServer(socket -> {
            try (OutputStream out = socket.getOutputStream()) {
                out.write("HTTP/1.0 400 Bad Request\r\n\r\n\u001b[31m".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException ignored) {
                // the client went away
            }
        })) {
            ProbeResult result = PROBER.probe(http.target());
            assertThat(result.reachability()).isInstanceOf(Reachability.Reachable.class);
            assertThat(result.hostKey()).isInstanceOf(HostKeyState.NotChecked.class);
            assertThat(((HostKeyState.NotChecked) result.hostKey()).reason()).contains("no SSH banner").contains("the server closed the connection");
        }
    }

    @Test
    void aBannerWithControlCharactersIsMadePrintable() throws Exception {
        try (FakeServer odd = new FakeServer(socket -> {
            try (OutputStream out = socket.getOutputStream()) {
                out.write("SSH-2.0-Evil\u001b]0;title\u0007\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                sleepQuietly(Duration.ofMillis(300));
            } catch (IOException ignored) {
                // the client went away
            }
        })) {
            ProbeResult result = PROBER.probe(odd.target());
            assertThat(((Reachability.Reachable) result.reachability()).banner()).isEqualTo("SSH-2.0-Evil?]0;title?");
        }
    }

    @Test
    void aProbeNeverStartsAuthentication() throws Exception {
        String before = Files.readString(SSHD.log());
        Path known = knownHosts(knownName() + " " + SshKeygen.keyText(hostPublicKey("ed25519")));
        ProbeResult result = probe(known);
        assertThat(result.hostKey()).isInstanceOf(HostKeyState.Known.class);
        String probeLog = awaitLogGrowth(before, "reject HostKey");
        assertThat(probeLog).contains("Connection from 127.0.0.1");
        assertThat(probeLog).doesNotContain("userauth-request", "SSH2_MSG_SERVICE_REQUEST", "Invalid user",
                "authenticating user", "Accepted", "Failed");

        // the control: a real login in the same log shows what an authentication looks like
        String beforeLogin = Files.readString(SSHD.log());
        Processes.Result login = Processes.run(SSHD.ssh(SshdFixture.HOST, "true"), Map.of(), Duration.ofSeconds(30));
        assertThat(login.exitCode()).as(login.describe()).isZero();
        assertThat(awaitLogGrowth(beforeLogin, "Accepted publickey")).contains("userauth-request");
    }

    /** The log written since {@code before}, once it contains {@code marker} (at most 10 s). */
    private static String awaitLogGrowth(String before, String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String grown = "";
        while (System.nanoTime() < deadline) {
            String now = Files.readString(SSHD.log());
            grown = now.length() > before.length() ? now.substring(before.length()) : "";
            if (grown.contains(marker)) {
                return grown;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sshd's log never showed '" + marker + "'; it grew by:\n" + grown);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback TCP server that hands each connection to {@code behaviour}, then closes it. */
    static final class FakeServer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        FakeServer(Consumer<Socket> behaviour) throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        behaviour.accept(socket);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "fake-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        ProbeTarget target() {
            return new ProbeTarget("fake", "127.0.0.1", port(), List.of(), "", List.of(), new Transport.Direct());
        }

        @Override
        public void close() throws IOException {
            server.close();
            thread.interrupt();
        }
    }
}

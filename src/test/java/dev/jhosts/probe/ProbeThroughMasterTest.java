package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.TestMaster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host behind a jump host, probed through the jump host's live master (MUX_C_NEW_STDIO_FWD): two
 * sshd, a bastion and a target, each with its own log.
 */
class ProbeThroughMasterTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture BASTION = new SshdFixture("DEBUG1");

    @RegisterExtension
    @Order(2)
    static final SshdFixture TARGET = new SshdFixture("DEBUG1");

    private static final Pattern ACCEPTED = Pattern.compile("Accepted publickey for ");
    private static final JschHostProber PROBER = new JschHostProber(Duration.ofSeconds(20));

    private static TestMaster master;
    private static Path masterLog;

    @BeforeAll
    static void startBastionMaster() {
        masterLog = BASTION.dir().resolve("master.log");
        master = TestMaster.start(BASTION, "bastion.sock", "-vv", "-E", masterLog.toString());
    }

    @AfterAll
    static void stop() {
        PROBER.close();
        if (master != null) {
            master.close();
        }
    }

    private static ProbeTarget behindBastion(int port, Path knownHosts) {
        return new ProbeTarget("inner", "127.0.0.1", port, List.of(knownHosts), "", List.of(),
                new Transport.ThroughMaster("bastion", master.socket()));
    }

    private static int acceptedLogins(SshdFixture sshd) throws IOException {
        Matcher matcher = ACCEPTED.matcher(Files.readString(sshd.log()));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void theTargetIsProbedThroughTheMasterWithNoNewAuthentication() throws Exception {
        Path targetKey = Path.of(TARGET.hostKey("ed25519") + ".pub");
        Path known = TARGET.dir().resolve("known_hosts"); // the fixture's: [127.0.0.1]:port and the key
        assertThat(acceptedLogins(BASTION)).as("the master's login").isEqualTo(1);

        ProbeResult result = PROBER.probe(behindBastion(TARGET.port(), known));

        assertThat(result.reachability()).as("%s", result).isInstanceOf(Reachability.Reachable.class);
        assertThat(((Reachability.Reachable) result.reachability()).banner()).startsWith("SSH-2.0-OpenSSH_");
        assertThat(result.hostKey()).as("%s", result).isInstanceOf(HostKeyState.Known.class);
        assertThat(((HostKeyState.Known) result.hostKey()).entry().key().fingerprint())
                .isEqualTo(SshKeygen.fingerprint(targetKey));
        assertThat(result.target().via()).hasValue("bastion");
        // it went through the master (which logs the stdio forward it opened) ...
        assertThat(Files.readString(masterLog)).contains("stdio fwd to 127.0.0.1:" + TARGET.port());
        // ... without a new login at the bastion, and with none tried at the target
        assertThat(acceptedLogins(BASTION)).isEqualTo(1);
        String targetLog = awaitLog(TARGET, "reject HostKey");
        assertThat(targetLog).doesNotContain("userauth-request", "Accepted", "Invalid user", "authenticating user");
    }

    @Test
    void aPortTheBastionCannotReachIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ProbeResult result = PROBER.probe(behindBastion(closed, TARGET.dir().resolve("known_hosts")));
        assertThat(result.reachability()).isInstanceOf(Reachability.Unreachable.class);
        Reachability.Unreachable unreachable = (Reachability.Unreachable) result.reachability();
        assertThat(unreachable.kind()).isEqualTo(Reachability.Kind.FORWARD_FAILED);
        assertThat(unreachable.detail()).startsWith("via bastion: ").contains(String.valueOf(closed));
    }

    @Test
    void aServerThatClosesAtOnceIsSeenToClose() throws Exception {
        try (JschHostProberTest.FakeServer closing = new JschHostProberTest.FakeServer(socket -> { })) {
            ProbeResult result = PROBER.probe(behindBastion(closing.port(), TARGET.dir().resolve("known_hosts")));
            assertThat(result.reachability()).isInstanceOf(Reachability.Reachable.class);
            assertThat(result.hostKey()).isInstanceOf(HostKeyState.NotChecked.class);
            // EOF came through the forward (not the probe's timeout)
            assertThat(((HostKeyState.NotChecked) result.hostKey()).reason()).isEqualTo("no SSH banner: the server closed the connection");
        }
    }

    @Test
    void noMasterAtTheSocketIsNotProbed() {
        ProbeTarget target = new ProbeTarget("inner", "127.0.0.1", TARGET.port(), List.of(), "", List.of(),
                new Transport.ThroughMaster("gone", BASTION.dir().resolve("no-such.sock")));
        ProbeResult result = PROBER.probe(target);
        assertThat(result.reachability()).isInstanceOf(Reachability.NotProbed.class);
        assertThat(((Reachability.NotProbed) result.reachability()).reason()).contains("jump host gone has no live master");
    }

    private static String awaitLog(SshdFixture sshd, String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.readString(sshd.log());
            if (log.contains(marker)) {
                return log;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sshd's log never showed '" + marker + "':\n" + log);
    }
}

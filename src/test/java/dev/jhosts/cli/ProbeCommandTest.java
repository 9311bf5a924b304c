package dev.jhosts.cli;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code jhosts probe HOST... [--json]} end to end: the built launcher against a real sshd. */
class ProbeCommandTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static Path config;
    private static String fingerprint;
    private static Path changedKnownHosts;

    @BeforeAll
    static void writeConfig() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path emptyKnownHosts = Files.writeString(SSHD.dir().resolve("empty_known_hosts"), "");
        Path other = SSHD.dir().resolve("other_key");
        Processes.Result keygen = Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                other.toString()), Map.of(), LIMIT);
        assertThat(keygen.exitCode()).as(keygen.describe()).isZero();
        changedKnownHosts = Files.writeString(SSHD.dir().resolve("changed_known_hosts"),
                "[127.0.0.1]:" + SSHD.port() + " " + Files.readString(Path.of(other + ".pub")));
        String server = "  HostName 127.0.0.1\n  Port " + SSHD.port() + "\n";
        config = SSHD.writeSshConfig("probe_config", String.join("\n",
                "Host unknown", server + "  UserKnownHostsFile " + emptyKnownHosts,
                "Host changed", server + "  UserKnownHostsFile " + changedKnownHosts,
                "Host closed", "  HostName 127.0.0.1", "  Port " + closed,
                "Host inner", server + "  UserKnownHostsFile " + SSHD.dir().resolve("known_hosts"),
                "  ProxyJump " + HOST,
                ""));
        Processes.Result listed = Processes.run(List.of("ssh-keygen", "-lf",
                SSHD.hostKey("ed25519") + ".pub"), Map.of(), LIMIT);
        fingerprint = listed.stdout().split(" ")[1];
    }

    @AfterEach
    void killMasters() {
        SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "kill", HOST);
    }

    private static Processes.Result probe(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("-F", config.toString(), "probe"));
        command.addAll(List.of(args));
        return SSHD.jhosts(LIMIT, command.toArray(String[]::new));
    }

    @Test
    void aReachableHostWithAKnownKeyExitsZero() {
        Processes.Result result = probe(HOST);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).startsWith(HOST + ": reachable, ")
                .contains("SSH-2.0-OpenSSH_")
                .contains("host key known: ssh-ed25519 " + fingerprint + " (" + SSHD.dir().resolve("known_hosts") + ":1)");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void jsonCarriesEveryField() {
        Processes.Result result = probe("--json", HOST, "closed");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        String json = result.stdout().strip();
        assertThat(json).startsWith("[{\"alias\":\"" + HOST + "\",\"hostname\":\"127.0.0.1\",\"port\":" + SSHD.port()
                + ",\"via\":null,\"reachable\":true,\"reachability\":\"reachable\",\"rttMillis\":");
        assertThat(json).contains("\"banner\":\"SSH-2.0-OpenSSH_")
                .contains("\"hostKey\":{\"state\":\"known\",\"type\":\"ssh-ed25519\",\"fingerprint\":\"" + fingerprint
                        + "\",\"knownFingerprints\":[\"" + fingerprint + "\"],\"file\":\""
                        + SSHD.dir().resolve("known_hosts") + "\",\"line\":1,\"reason\":null}")
                .contains("{\"alias\":\"closed\"")
                .contains("\"reachable\":false,\"reachability\":\"refused\",\"rttMillis\":null,\"banner\":null,"
                        + "\"error\":\"connect to host 127.0.0.1 port ")
                .contains("\"state\":\"not-checked\"");
        assertThat(json).endsWith("}]");
    }

    @Test
    void unknownChangedAndClosedExitOneAndAChangeIsLoud() {
        Processes.Result result = probe("unknown", "changed", "closed");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("unknown: reachable").contains("host key UNKNOWN: ssh-ed25519 " + fingerprint);
        assertThat(lines.get(1)).startsWith("changed: reachable").contains("HOST KEY CHANGED")
                .contains(changedKnownHosts + ":1");
        assertThat(lines.get(2)).startsWith("closed: unreachable (refused): ").contains("Connection refused");
        assertThat(result.stderr()).contains("WARNING: changed: REMOTE HOST IDENTIFICATION HAS CHANGED")
                .contains("ssh-keygen -f '" + changedKnownHosts + "' -R '[127.0.0.1]:" + SSHD.port() + "'");
    }

    @Test
    void aHostBehindAJumpIsProbedOnlyThroughTheJumpsLiveMaster() {
        Processes.Result before = probe("inner");
        assertThat(before.exitCode()).as(before.describe()).isEqualTo(1);
        assertThat(before.stdout()).startsWith("inner: not probed: jump host " + HOST + " has no live master");

        Processes.Result start = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "start", HOST);
        assertThat(start.exitCode()).as(start.describe()).isZero();
        Processes.Result after = probe("inner");
        assertThat(after.exitCode()).as(after.describe()).isZero();
        assertThat(after.stdout()).startsWith("inner (via " + HOST + "): reachable, ")
                .contains("host key known: ssh-ed25519 " + fingerprint);
    }

    @Test
    void noHostIsAUsageError() {
        Processes.Result result = probe();
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains("HOST");
    }
}

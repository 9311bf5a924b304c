package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.LineEcho;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jhosts forward}: the config's forwards and jhosts' own listed (also by a later jhosts
 * process), the forwards setting opened when jhosts makes the master, a busy port refused with
 * ssh's reason, a remote forward on port 0 with the port the server chose.
 */
class ForwardListTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static LineEcho target;
    private static ServerSocket busy;
    private static int configPort;
    private static int settingPort;
    private static Path config;
    private static Path settings;

    @BeforeAll
    static void setUp() throws IOException {
        target = new LineEcho();
        busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        configPort = LineEcho.freePort();
        settingPort = LineEcho.freePort();
        config = SSHD.writeSshConfig("forward_config",
                "  LocalForward 127.0.0.1:" + configPort + " 127.0.0.1:" + target.port() + "\n"
                        + "  RemoteForward 0 127.0.0.1:" + target.port() + "\n");
        settings = SSHD.dir().resolve("forwards.conf");
        Files.writeString(settings, "forwards = [\n  { host = testhost, open = [\n"
                + "    \"-L 127.0.0.1:" + settingPort + ":127.0.0.1:" + target.port() + "\",\n"
                + "    \"-L 127.0.0.1:" + busy.getLocalPort() + ":127.0.0.1:" + target.port() + "\" ] }\n]\n");
    }

    @AfterAll
    static void tearDown() throws IOException {
        target.close();
        busy.close();
    }

    @AfterEach
    void endMaster() {
        jhosts("master", "exit", SshdFixture.HOST);
    }

    private static Processes.Result jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of("-F", config.toString(), "-c", settings.toString()));
        command.addAll(List.of(args));
        return SSHD.jhosts(LIMIT, command.toArray(String[]::new));
    }

    @Test
    void theSettingsForwardsOpenWithTheMasterAndABusyPortIsRefusedWithSshsReason() throws Exception {
        Processes.Result start = jhosts("master", "start", SshdFixture.HOST);
        assertThat(start.exitCode()).as(start.describe()).isZero();
        assertThat(start.stderr()).contains("jhosts: warning: testhost: -L 127.0.0.1:" + busy.getLocalPort())
                .contains("Address already in use");
        assertThat(LineEcho.through(settingPort, "setting")).isEqualTo("setting");
        assertThat(LineEcho.through(configPort, "config")).isEqualTo("config");

        Processes.Result list = jhosts("forward", SshdFixture.HOST, "--list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout()).containsPattern("-L 127.0.0.1:" + settingPort + ":127.0.0.1:" + target.port()
                + " +setting +opened");
        assertThat(list.stdout()).containsPattern("-L 127.0.0.1:" + busy.getLocalPort() + ":127.0.0.1:" + target.port()
                + " +setting +refused: Port forwarding failed \\(.*Address already in use");
        assertThat(list.stdout()).contains("-L 127.0.0.1:" + configPort + ":127.0.0.1:" + target.port());
        Matcher remote = Pattern.compile("-R 0:127\\.0\\.0\\.1:" + target.port() + " +config +port (\\d+) chosen by the server")
                .matcher(list.stdout());
        assertThat(remote.find()).as(list.stdout()).isTrue();
        // the server's listener, on the port it chose, reaches the target through the master
        assertThat(LineEcho.through(Integer.parseInt(remote.group(1)), "remote")).isEqualTo("remote");
    }

    @Test
    void forwardsAddedByOneJhostsAreListedByTheNextAsJsonAndCancelledOnes() throws Exception {
        assertThat(jhosts("master", "start", SshdFixture.HOST).exitCode()).isZero();
        int added = LineEcho.freePort();
        String spec = "127.0.0.1:" + added + ":127.0.0.1:" + target.port();
        Processes.Result forward = jhosts("forward", SshdFixture.HOST, "-L", spec);
        assertThat(forward.exitCode()).as(forward.describe()).isZero();
        assertThat(LineEcho.through(added, "added")).isEqualTo("added");
        Processes.Result zero = jhosts("forward", SshdFixture.HOST, "-R", "0:127.0.0.1:" + target.port());
        assertThat(zero.exitCode()).as(zero.describe()).isZero();
        int chosen = Integer.parseInt(zero.stdout().strip());

        Processes.Result json = jhosts("forward", SshdFixture.HOST, "--list", "--json");
        assertThat(json.exitCode()).as(json.describe()).isZero();
        assertThat(json.stdout()).contains("{\"option\":\"-L\",\"spec\":\"" + spec + "\",\"kind\":\"local\",\"origin\":\"jhosts\"");
        assertThat(json.stdout()).contains("\"spec\":\"0:127.0.0.1:" + target.port() + "\",\"kind\":\"remote\",\"origin\":\"jhosts\"")
                .contains("\"allocatedPort\":" + chosen + ",\"status\":\"open\"");
        assertThat(json.stdout()).contains("\"spec\":\"127.0.0.1:" + configPort + ":127.0.0.1:" + target.port()
                + "\",\"kind\":\"local\",\"origin\":\"config\"");

        Processes.Result cancel = jhosts("forward", SshdFixture.HOST, "-L", spec, "--cancel");
        assertThat(cancel.exitCode()).as(cancel.describe()).isZero();
        assertThat(LineEcho.listening(added)).as("the cancelled forward's port").isFalse();
        String configSpec = "127.0.0.1:" + configPort + ":127.0.0.1:" + target.port();
        assertThat(jhosts("forward", SshdFixture.HOST, "-L", configSpec, "--cancel").exitCode()).isZero();
        assertThat(LineEcho.listening(configPort)).isFalse();
        Processes.Result after = jhosts("forward", SshdFixture.HOST, "--list");
        assertThat(after.stdout()).doesNotContain(spec);
        assertThat(after.stdout()).containsPattern("-L " + Pattern.quote(configSpec) + " +config +cancelled");
    }

    @Test
    void listingWithoutALiveMasterSaysSo() {
        Processes.Result list = jhosts("forward", SshdFixture.HOST, "--list");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.stderr()).contains("testhost: no live master");
        assertThat(jhosts("forward", SshdFixture.HOST).exitCode()).as("neither a forward nor --list").isEqualTo(2);
        assertThat(jhosts("forward", SshdFixture.HOST, "--list", "--cancel").exitCode()).isEqualTo(2);
    }
}

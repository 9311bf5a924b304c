package dev.jhosts.cli;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jhosts connect} end to end, without a terminal (pipes). */
class ConnectCommandTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterAll
    static void exitMaster() {
        SSHD.jhosts(LIMIT, "master", "exit", HOST);
    }

    @Test
    void hostNamesSshCannotTakeAreOneLineUsageErrors() {
        // "connect ''" reached ssh as an empty host; a line break made a three-line error
        List<List<String>> commands = List.of(
                List.of("connect", ""), List.of("connect", "", "--", "true"), List.of("connect", "a\nb"),
                List.of("connect", "a\nb", "--", "true"), List.of("connect", "a b"), List.of("connect", "--", "-oProxyCommand=x"),
                List.of("master", "check", ""), List.of("master", "check", "a\nb"), List.of("master", "stop", "\u001b[2J"),
                List.of("master", "start", HOST, ""), List.of("forward", "a\nb", "-D", "1080"));
        for (List<String> command : commands) {
            Processes.Result result = SSHD.jhosts(LIMIT, command.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
            assertThat(result.stderr()).as(result.describe()).startsWith("jhosts: " + command.get(0))
                    .endsWith("; name a host as 'jhosts list' shows them\n")
                    .doesNotContain("\u001b");
            assertThat(result.stderr().lines().count()).as(result.describe()).isEqualTo(1);
        }
        assertThat(SSHD.jhosts(LIMIT, "connect", "a\nb").stderr())
                .isEqualTo("jhosts: connect: host name 'a\\nb' contains a space, line break or control character; "
                        + "name a host as 'jhosts list' shows them\n");
    }

    @Test
    void startThenConnectPrintsOk() {
        Processes.Result start = SSHD.jhosts(LIMIT, "master", "start", HOST);
        assertThat(start.exitCode()).as(start.describe()).isZero();
        Processes.Result connect = SSHD.jhosts(LIMIT, "connect", HOST, "--", "echo", "ok");
        assertThat(connect.exitCode()).as(connect.describe()).isZero();
        assertThat(connect.stdout()).isEqualTo("ok\n");
    }

    @Test
    void connectStartsTheMasterItNeeds() {
        SSHD.jhosts(LIMIT, "master", "exit", HOST);
        Processes.Result connect = SSHD.jhosts(LIMIT, "connect", HOST, "--", "echo", "$((6*7))");
        assertThat(connect.exitCode()).as(connect.describe()).isZero();
        assertThat(connect.stdout()).isEqualTo("42\n");
        assertThat(SSHD.jhosts(LIMIT, "master", "check", HOST).exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 44})
    void remoteExitStatusBecomesOurs(int status) {
        Processes.Result connect = SSHD.jhosts(LIMIT, "connect", HOST, "--", "exit " + status);
        assertThat(connect.exitCode()).as(connect.describe()).isEqualTo(status);
        Processes.Result closedEarly = SSHD.jhosts(LIMIT, "connect", HOST, "--", "exec >&- 2>&-; exit " + status);
        assertThat(closedEarly.exitCode()).as(closedEarly.describe()).isEqualTo(status);
    }

    @Test
    void stdinAndStdoutCarryBytesExactly() {
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(data);
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", SSHD.sshConfig().toString(),
                "connect", HOST, "--", "sha256sum"));
        Processes.Result remote = Processes.run(command, SSHD.jhostsEnv(), LIMIT, data);
        Processes.Result local = Processes.run(List.of("sha256sum"), java.util.Map.of(), LIMIT, data);
        assertThat(remote.exitCode()).as(remote.describe()).isZero();
        assertThat(remote.stdout().split(" ")[0]).isEqualTo(local.stdout().split(" ")[0]);
    }

    @Test
    void stderrStaysApart() {
        Processes.Result connect = SSHD.jhosts(LIMIT, "connect", HOST, "--", "echo out; echo err >&2; exit 3");
        assertThat(connect.exitCode()).isEqualTo(3);
        assertThat(connect.stdout()).isEqualTo("out\n");
        assertThat(connect.stderr()).isEqualTo("err\n");
    }

    @Test
    void aHostOfJhostsOwnSettingsIsReachedWithItsValues() throws Exception {
        // Everything but HostName/Port/User comes from "Host *"; the extra host is not in the ssh config.
        java.nio.file.Path config = SSHD.dir().resolve("star_config");
        java.nio.file.Files.writeString(config, "Host *\n" + SSHD.hostOptions()
                .replace("  HostName 127.0.0.1\n", "").replace("  Port " + SSHD.port() + "\n", ""));
        java.nio.file.Path settings = SSHD.dir().resolve("extra.conf");
        java.nio.file.Files.writeString(settings, "hosts = [ { name = extra1, hostname = \"127.0.0.1\", port = "
                + SSHD.port() + ", user = \"" + System.getProperty("user.name") + "\" } ]\n");
        Processes.Result list = SSHD.jhosts(LIMIT, "-F", config.toString(), "-c", settings.toString(), "list", "--json");
        assertThat(list.stdout()).contains("\"alias\":\"extra1\"", "\"extra\":true");
        Processes.Result connect = SSHD.jhosts(LIMIT, "-F", config.toString(), "-c", settings.toString(),
                "connect", "extra1", "--", "echo", "extra-ok");
        assertThat(connect.exitCode()).as(connect.describe()).isZero();
        assertThat(connect.stdout()).isEqualTo("extra-ok\n");
        SSHD.jhosts(LIMIT, "-F", config.toString(), "-c", settings.toString(), "master", "exit", "extra1");
    }

    @Test
    void anUnreachableHostFailsWithSshsReason() {
        java.nio.file.Path config = SSHD.writeSshConfig("unreachable_config",
                "Host nowhere\n  HostName 127.0.0.1\n  Port 1\n  BatchMode yes\n");
        Processes.Result connect = SSHD.jhosts(LIMIT, "-F", config.toString(), "connect", "nowhere", "--", "true");
        assertThat(connect.exitCode()).isEqualTo(255);
        assertThat(connect.stderr()).contains("nowhere").contains("refused");
    }
}

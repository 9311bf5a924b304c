package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.JumpConfig;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hosts behind a bastion share the bastion's master: two real sshd (bastion and target), each
 * with its own log, and the bastion's log counts the authentications.
 */
class JumpHostMastersTest {
    @RegisterExtension
    static final SshdFixture BASTION = new SshdFixture(1);

    @RegisterExtension
    static final SshdFixture TARGET = new SshdFixture(2);

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final List<String> BEHIND = List.of("t1", "t2", "t3");

    @AfterEach
    void endMasters() {
        for (String host : List.of("chain", "t1", "t2", "t3", "hop2", "bastion")) {
            jhosts("master", "exit", "--force", host);
        }
    }

    /** Three hosts behind the bastion, reaching the target on three ports (so three masters), and a two-hop chain. */
    private static Path config() throws IOException {
        return new JumpConfig(BASTION, TARGET)
                .host("hop2", BASTION, BASTION.extraPort(0), "")
                .behind("t1", -1, "bastion")
                .behind("t2", 0, "bastion")
                .behind("t3", 1, "bastion")
                .behind("chain", -1, "bastion,hop2")
                .write("jump_config");
    }

    private static Processes.Result jhosts(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("-F", config().toString()));
            command.addAll(List.of(args));
            return TARGET.jhosts(LIMIT, command.toArray(String[]::new));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long accepted(SshdFixture server) throws IOException {
        return JumpConfig.authentications(server);
    }

    private static Map<String, String> socketsByAlias() {
        Processes.Result list = jhosts("master", "list", "--json");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        Map<String, String> sockets = new java.util.HashMap<>();
        Matcher entry = Pattern.compile("\\{\"host\":\"([^\"]*)\",\"aliases\":\\[([^]]*)],\"socket\":\"([^\"]+)\"")
                .matcher(list.stdout());
        while (entry.find()) {
            for (String alias : entry.group(2).replace("\"", "").split(",")) {
                sockets.put(alias, entry.group(3));
            }
        }
        return sockets;
    }

    @Test
    void threeHostsBehindTheBastionAuthenticateThereOnce() throws Exception {
        long bastionBefore = accepted(BASTION);
        long targetBefore = accepted(TARGET);

        Processes.Result start = jhosts("master", "start", "t1", "t2", "t3");

        assertThat(start.exitCode()).as(start.describe()).isZero();
        assertThat(accepted(BASTION) - bastionBefore).as("bastion authentications").isEqualTo(1);
        assertThat(accepted(TARGET) - targetBefore).as("target authentications").isEqualTo(3);
        Map<String, String> sockets = socketsByAlias();
        assertThat(sockets).containsKeys("bastion", "t1", "t2", "t3");
        assertThat(Set(sockets, BEHIND)).hasSize(3);
        for (String host : BEHIND) {
            Processes.Result check = Processes.run(List.of("ssh", "-F", config().toString(), "-S", sockets.get(host),
                    "-O", "check", host), Map.of(), LIMIT);
            assertThat(check.exitCode()).as(check.describe()).isZero();
        }
        Processes.Result json = jhosts("master", "list", "--json");
        assertThat(json.stdout()).contains("\"via\":[\"bastion\"]");

        Processes.Result session = jhosts("connect", "t2", "--", "echo", "=$((6*7))=");
        assertThat(session.stdout()).as(session.describe()).contains("=42=");
        assertThat(accepted(BASTION) - bastionBefore).as("bastion authentications after a session").isEqualTo(1);
    }

    @Test
    void aTwoHopChainGoesThroughEachHopsMaster() throws Exception {
        long bastionBefore = accepted(BASTION);

        Processes.Result start = jhosts("master", "start", "chain");

        assertThat(start.exitCode()).as(start.describe()).isZero();
        // the bastion's sshd is both hops: one login as bastion, one as hop2 (through bastion's master)
        assertThat(accepted(BASTION) - bastionBefore).isEqualTo(2);
        Processes.Result list = jhosts("master", "list", "--json");
        assertThat(list.stdout()).contains("\"via\":[\"bastion\",\"hop2 via bastion\"]");
        Processes.Result session = jhosts("connect", "chain", "--", "echo", "=$((6*7))=");
        assertThat(session.stdout()).as(session.describe()).contains("=42=");
    }

    @Test
    void endingTheBastionsMasterNamesItsDependantsAndNeedsForce() throws Exception {
        assertThat(jhosts("master", "start", "t1", "t3").exitCode()).isZero();
        Map<String, String> sockets = socketsByAlias();
        List<Long> pids = new ArrayList<>();
        for (String host : List.of("t1", "t3")) {
            pids.add(Long.parseLong(jhosts("master", "check", host).stdout().strip()));
        }

        Processes.Result refused = jhosts("master", "kill", "bastion");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("t1", "t3", "--force");
        assertThat(jhosts("master", "check", "bastion").exitCode()).as("bastion still alive").isZero();

        Processes.Result killed = jhosts("master", "kill", "--force", "bastion");
        assertThat(killed.exitCode()).as(killed.describe()).isZero();
        assertThat(killed.stdout()).contains("rode it: t1, t3");
        for (long pid : pids) {
            awaitExit(pid);
        }
        assertThat(Path.of(sockets.get("t1"))).doesNotExist();
    }

    private static java.util.Set<String> Set(Map<String, String> sockets, List<String> aliases) {
        return new java.util.HashSet<>(aliases.stream().map(sockets::get).toList());
    }

    private static void awaitExit(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("master " + pid + " ended").isFalse();
    }
}

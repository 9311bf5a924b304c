package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jhosts run} against one real sshd listening on five ports (h0…h4, so five masters) and
 * a host where nothing listens; the remote commands are real processes, looked for with pgrep.
 */
class RunCommandTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(4);

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static FleetConfig fleet;
    private static Path config;

    @BeforeAll
    static void writeConfig() throws IOException {
        fleet = new FleetConfig(SSHD);
        config = fleet.write("run_config");
    }

    @AfterAll
    static void endMasters() {
        for (String host : fleet.aliases()) {
            jhosts(List.of("master", "exit", host), null);
        }
    }

    private static Processes.Result jhosts(List<String> args, byte[] stdin) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString()));
        command.addAll(args);
        return Processes.run(command, SSHD.jhostsEnv(), LIMIT, stdin);
    }

    /** Exit 0 on h0, h1, h3; 3 on h2; 44 on h4 (told apart by the port each connection reached). */
    private static String statusesCommand() {
        return "echo \"out $(echo $SSH_CONNECTION | cut -d' ' -f4)\"; echo err >&2; case \"$SSH_CONNECTION\" in *\" "
                + fleet.port(2) + "\") exit 3;; *\" " + fleet.port(4) + "\") exit 44;; esac";
    }

    @Test
    void eachHostsLinesAfterItsAliasThenTheSummaryAndExit1WhenAnyFailed() {
        List<String> args = new ArrayList<>(List.of("run", "h0", "h1", "h2", "h3", "h4", "ghost", "--", statusesCommand()));
        Processes.Result run = jhosts(args, new byte[0]);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            // aligned on the longest alias, "ghost"
            assertThat(run.stdout().lines()).as(run.describe()).contains("h" + i + "    | out " + fleet.port(i));
            assertThat(run.stderr().lines()).contains("h" + i + "    | err");
        }
        assertThat(run.stdout()).doesNotContain("\033[").doesNotContain("jhosts-pid");
        assertThat(run.stderr()).contains("jhosts: run on 6 hosts: 3 succeeded, 2 failed, 1 unreachable, 0 timed out");
        assertThat(run.stderr()).contains("  failed       h2 (exit 3), h4 (exit 44)");
        assertThat(run.stderr()).containsPattern("  unreachable  ghost: .*Connection refused");
    }

    @Test
    void jsonIsOneObjectPerHostWithItsStatusOutputAndError() {
        Processes.Result run = jhosts(List.of("run", "--json", "h0", "h1", "h2", "h3", "h4", "ghost", "--",
                statusesCommand()), new byte[0]);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        List<String> objects = run.stdout().lines().toList();
        assertThat(objects).hasSize(6);
        Map<String, Integer> expected = Map.of("h0", 0, "h1", 0, "h2", 3, "h3", 0, "h4", 44);
        Pattern shape = Pattern.compile("\\{\"alias\":\"(\\w+)\",\"outcome\":\"([a-z-]+)\",\"exitStatus\":(\\d+|null),"
                + "\"stdout\":\"(.*)\",\"stderr\":\"(.*)\",\"durationMs\":\\d+,\"error\":(null|\".*\")}");
        for (String object : objects) {
            Matcher fields = shape.matcher(object);
            assertThat(fields.matches()).as(object).isTrue();
            String alias = fields.group(1);
            if (alias.equals("ghost")) {
                assertThat(fields.group(2)).isEqualTo("unreachable");
                assertThat(fields.group(3)).isEqualTo("null");
                assertThat(fields.group(6)).contains("unreachable: ").contains("Connection refused");
            } else {
                int index = Integer.parseInt(alias.substring(1));
                assertThat(fields.group(3)).as(object).isEqualTo(String.valueOf(expected.get(alias)));
                assertThat(fields.group(2)).isEqualTo(expected.get(alias) == 0 ? "succeeded" : "failed");
                assertThat(fields.group(4)).isEqualTo("out " + fleet.port(index) + "\\n");
                assertThat(fields.group(5)).isEqualTo("err\\n");
                assertThat(fields.group(6)).isEqualTo("null");
            }
        }
    }

    @Test
    void standardInputIsSentToEveryHost() throws Exception {
        byte[] input = new byte[200_000];
        new java.util.Random(7).nextBytes(input);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        Processes.Result run = jhosts(List.of("run", "--tag", "even", "--", "sha256sum"), input);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stderr()).contains("jhosts: sending 200000 bytes of standard input to each of 3 hosts");
        for (String host : List.of("h0", "h2", "h4")) {
            assertThat(run.stdout().lines()).contains(host + " | " + digest + "  -");
        }
        assertThat(run.stdout()).doesNotContain("h1 |").doesNotContain("h3 |");
        assertThat(run.stderr()).contains("run on 3 hosts: 3 succeeded");
    }

    @Test
    void noStdinSendsNone() {
        Processes.Result run = jhosts(List.of("run", "-n", "h1", "--", "wc -c"), "ignored".getBytes(StandardCharsets.UTF_8));
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout().strip()).isEqualTo("h1 | 0");
    }

    @Test
    void theTimeoutCutsASleepAndNoneIsLeftRunning() {
        Requirements.requireCommand("pgrep", "procps");
        Processes.Result run = jhosts(List.of("run", "--timeout", "2s", "--group", "fleet", "--", "sleep 4711"), new byte[0]);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stderr()).contains("run on 5 hosts: 0 succeeded, 0 failed, 0 unreachable, 5 timed out");
        assertThat(run.stderr()).contains("h0 (stopped after 2s)");
        assertThat(awaitNoRemote("sleep 4711")).as("remote sleeps left running").isZero();
    }

    @Test
    void sigintStopsEverySessionNamesThemAndLeavesNoRemoteCommand() throws Exception {
        Requirements.requireCommand("pgrep", "procps");
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString(),
                "run", "h0", "h1", "h2", "h3", "h4", "--", "echo started; sleep 4712"));
        Path out = SSHD.dir().resolve("sigint.out");
        Path err = SSHD.dir().resolve("sigint.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(SSHD.jhostsEnv());
        Process run = builder.start();
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (remote("sleep 4712") < 5 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(remote("sleep 4712")).as("remote sleeps started").isEqualTo(5);
            assertThat(sshProcessesWith("sleep 4712")).as("ssh processes carrying the command").isZero();
            Processes.Result kill = Processes.run(List.of("kill", "-INT", Long.toString(run.pid())), Map.of(), PATIENCE);
            assertThat(kill.exitCode()).isZero();
            assertThat(run.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("jhosts ends after SIGINT").isTrue();
            String stderr = Files.readString(err);
            assertThat(run.exitValue()).as(stderr).isEqualTo(130);
            assertThat(stderr).contains("jhosts: interrupted: cut h0, h1, h2, h3, h4");
            assertThat(stderr).contains("5 cut");
            assertThat(Files.readString(out).lines().filter(line -> line.endsWith("| started")).count()).isEqualTo(5);
            assertThat(awaitNoRemote("sleep 4712")).as("remote sleeps left running").isZero();
        } finally {
            run.destroyForcibly();
        }
    }

    @Test
    void everyHostSucceedingExits0() {
        Processes.Result run = jhosts(List.of("run", "--match", "tag:odd", "--parallel", "1", "--", "true"), new byte[0]);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stderr()).contains("run on 2 hosts: 2 succeeded, 0 failed, 0 unreachable, 0 timed out");
    }

    @Test
    void usageErrorsExit2WithOneLine() {
        for (List<String> args : List.of(
                List.of("run", "h0", "uptime"),
                List.of("run", "--", "uptime"),
                List.of("run", "--tag", "nosuchtag", "--", "uptime"),
                List.of("run", "--timeout", "soon", "h0", "--", "uptime"),
                List.of("run", "--parallel", "0", "h0", "--", "uptime"))) {
            Processes.Result run = jhosts(args, new byte[0]);
            assertThat(run.exitCode()).as(args + "\n" + run.describe()).isEqualTo(2);
            assertThat(run.stderr().lines().findFirst().orElse("")).startsWith("jhosts: ");
        }
    }

    /** How many processes run exactly {@code command} (the remote side: sshd runs them here, as this user). */
    private static long remote(String command) {
        Processes.Result found = Processes.run(List.of("pgrep", "-f", "^" + command + "$"), Map.of(), PATIENCE);
        return found.stdout().lines().filter(line -> !line.isBlank()).count();
    }

    private static long awaitNoRemote(String command) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long left = remote(command);
        while (left > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = remote(command);
        }
        return left;
    }

    /** ssh client processes whose command line carries {@code text}: there must be none, jhosts runs no ssh per host. */
    private static long sshProcessesWith(String text) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
                .filter(process -> {
                    try {
                        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                                StandardCharsets.UTF_8).contains(text);
                    } catch (IOException e) {
                        return false;
                    }
                }).count();
    }
}

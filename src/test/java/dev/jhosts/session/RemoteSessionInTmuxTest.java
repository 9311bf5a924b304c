package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code remote-session}: {@code jhosts connect HOST} opens the shell inside the remote's tmux,
 * so that after the master is killed the next session attaches the same shell (and a session of
 * the picker's server reattaches it by itself); {@code auto} on a
 * remote without tmux gives the login shell and one line. The remote tmux (the test sshd's own,
 * running as this user) gets a socket directory of the test's through sshd's SetEnv.
 */
class RemoteSessionInTmuxTest {
    private static final Path REMOTE_TMUX = temporaryDirectory("jhrtmux");
    /** A PATH without tmux (nor anything else) for the second server's sessions. */
    private static final Path EMPTY_PATH = temporaryDirectory("jhnopath");

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture().withConfig("SetEnv TMUX_TMPDIR=" + REMOTE_TMUX);

    @RegisterExtension
    static final SshdFixture NO_TMUX = new SshdFixture()
            .withConfig("SetEnv TMUX_TMPDIR=" + REMOTE_TMUX + " PATH=" + EMPTY_PATH);

    private Tmux tmux;

    @AfterEach
    void tearDown() {
        if (tmux != null) {
            tmux.close();
        }
        remoteTmux("kill-server");
    }

    @AfterAll
    static void removeDirectories() throws IOException {
        for (Path dir : List.of(REMOTE_TMUX, EMPTY_PATH)) {
            try (var tree = Files.walk(dir)) {
                for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void connectsSessionComesBackAfterTheMasterDiedInTheSameRemoteShell() throws Exception {
        Requirements.requireCommand("tmux", "tmux");
        Path settings = SSHD.dir().resolve("tmux.conf");
        Files.writeString(settings, "remote-session = tmux\n");
        tmux = driver(SSHD);
        String connect = connectLine(SSHD, settings);
        tmux.type(connect);
        tmux.keys("Enter");
        tmux.waitFor("[jhosts-1]");
        // connect's session is the jhosts server's: it comes back by itself
        markKillTheMasterAndComeBack(settings, "kept");
        assertThat(remoteTmux("list-sessions", "-F", "#{session_name}:#{session_attached}")).isEqualTo("jhosts-1:1");

        // a second session open at the same time gets a remote session of its own
        try (Tmux second = driver(SSHD)) {
            second.type(connect);
            second.keys("Enter");
            second.waitFor("[jhosts-2]");
            assertThat(remoteTmux("list-sessions", "-F", "#{session_name}:#{session_attached}").lines())
                    .containsExactly("jhosts-1:1", "jhosts-2:1");
        }
    }

    @Test
    void thePickersSessionToo() throws Exception {
        Requirements.requireCommand("tmux", "tmux");
        Path settings = SSHD.dir().resolve("picker.conf");
        Files.writeString(settings, "remote-session = tmux\n");
        tmux = driver(SSHD);
        tmux.type(SshdFixture.launcher().toAbsolutePath() + " -F " + SSHD.sshConfig() + " -c " + settings
                + "; echo \"jhosts exited $?\"");
        tmux.keys("Enter");
        tmux.waitFor("Enter connect");
        tmux.keys("Enter");
        tmux.waitFor("[jhosts-1]");
        markKillTheMasterAndComeBack(settings, "picker");
        assertThat(remoteTmux("list-sessions", "-F", "#{session_name}:#{session_attached}")).isEqualTo("jhosts-1:1");
    }

    @Test
    void autoWithoutTmuxOnTheRemoteGivesThePlainShellAndSaysWhy() throws Exception {
        Path settings = NO_TMUX.dir().resolve("auto.conf");
        Files.writeString(settings, "hosts = [ { alias = " + SshdFixture.HOST + ", remote-session = auto } ]\n");
        tmux = driver(NO_TMUX);
        tmux.type(connectLine(NO_TMUX, settings));
        tmux.keys("Enter");
        tmux.waitFor("jhosts: no tmux on this host (remote-session = auto): a plain shell");
        tmux.type("echo \"plain $((6*7)) [${TMUX:-none}]\"; exit 3");
        tmux.keys("Enter");
        String screen = tmux.waitFor("connect ended 3");
        assertThat(screen).contains("plain 42 [none]");
        assertThat(remoteTmux("list-sessions")).isEmpty();
    }

    /**
     * Sets a variable in the attached remote tmux session, kills the master, and waits for the
     * session to come back by itself on a new master (a probe that sees the host makes it at once,
     * so jhosts' "connection lost" line may be gone before a capture sees it), in the same remote
     * tmux session with the variable still set and no key typed before the prompt is back.
     */
    private void markKillTheMasterAndComeBack(Path settings, String mark) throws Exception {
        tmux.type("JH_MARK=" + mark + "$((40+2)); echo \"set $JH_MARK\"");
        tmux.keys("Enter");
        tmux.waitFor("set " + mark + "42");
        String killed = masterCheck(settings);
        Processes.Result kill = SSHD.jhosts(Duration.ofSeconds(30), "-c", settings.toString(), "master", "kill",
                SshdFixture.HOST);
        assertThat(kill.exitCode()).as(kill.describe()).isZero();
        awaitRemote(() -> {
            String now = masterCheck(settings);
            return !now.isEmpty() && !now.equals(killed);
        }, "a new master");
        tmux.waitUntil(screen -> !screen.contains("connection lost") && screen.contains("[jhosts-1]")
                && screen.contains("set " + mark + "42"), "the same remote tmux session back", Duration.ofSeconds(90));
        tmux.type("echo \"still $JH_MARK\"");
        tmux.keys("Enter");
        tmux.waitFor("still " + mark + "42");
    }

    /** The output of {@code master check} on the fixture's host ("" when it has no live master). */
    private static String masterCheck(Path settings) {
        Processes.Result check = SSHD.jhosts(Duration.ofSeconds(30), "-c", settings.toString(), "master", "check",
                SshdFixture.HOST);
        return check.exitCode() == 0 ? check.stdout().strip() : "";
    }

    /** The local shell's line that runs jhosts connect on the fixture's host, then says how it ended. */
    private static String connectLine(SshdFixture sshd, Path settings) {
        return SshdFixture.launcher().toAbsolutePath() + " -F " + sshd.sshConfig() + " -c " + settings
                + " connect " + SshdFixture.HOST + "; echo \"connect ended $?\"";
    }

    /** A local shell in a tmux of the test's, from which jhosts runs. */
    private static Tmux driver(SshdFixture sshd) {
        Map<String, String> env = new TreeMap<>(sshd.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("PS1", "local$ ");
        return Tmux.start(120, 30, env, "exec sh");
    }

    /** A tmux command against the remote sessions' tmux server; its output, trimmed ("" on failure). */
    private static String remoteTmux(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, Map.of("TMUX_TMPDIR", REMOTE_TMUX.toString()),
                Duration.ofSeconds(10));
        return result.exitCode() == 0 ? result.stdout().strip() : "";
    }

    private static void awaitRemote(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.LineEcho;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The picker at work over masters, in a real terminal (tmux): marks and a command run on the
 * marked hosts with its results pane; the status pane's forwards of a master (the config's
 * LocalForward listed, one added from the form that then reaches its target, cancelled, and a
 * busy port refused with ssh's reason).
 */
class FleetInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(2);

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static FleetConfig fleet;
    private static LineEcho target;
    private static int configPort;
    private static Path config;
    private Tmux tmux;

    @BeforeAll
    static void setUp() throws IOException {
        target = new LineEcho();
        configPort = LineEcho.freePort();
        fleet = new FleetConfig(SSHD);
        config = fleet.write("tmux_fleet_config");
        // h0 gets a LocalForward of its own config
        String text = Files.readString(config).replaceFirst("(Host h0[^\\n]*\\n)",
                "$1  LocalForward 127.0.0.1:" + configPort + " 127.0.0.1:" + target.port() + "\n");
        Files.writeString(config, text);
    }

    @AfterAll
    static void tearDown() throws IOException {
        target.close();
    }

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
        for (String host : fleet.aliases()) {
            SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "exit", host);
        }
    }

    private Tmux picker(int columns, int rows) {
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        return Tmux.start(columns, rows, env, SshdFixture.launcher().toAbsolutePath() + " -F " + config
                + "; echo \"jhosts exited $?\"; exec sleep 600");
    }

    private static String statusCommand() {
        return "echo \"hi $(echo $SSH_CONNECTION | cut -d' ' -f4)\"; case \"$SSH_CONNECTION\" in *\" " + fleet.port(2)
                + "\") exit 3;; esac";
    }

    private static String rowOf(String screen, String text) {
        return screen.lines().filter(line -> line.contains(text)).findFirst().orElse("");
    }

    @Test
    void marksThenACommandOnTheMarkedHostsAndItsResults() {
        Requirements.requireCommand("pgrep", "procps");
        tmux = picker(150, 40);
        tmux.waitFor("h0");
        tmux.type("tag:even");
        tmux.waitFor("tag:even");
        tmux.keys("C-a");
        String screen = tmux.waitFor("2 hosts marked");
        assertThat(rowOf(screen, "h0 ")).contains("✓h0");
        assertThat(rowOf(screen, "h2 ")).contains("✓h2");
        tmux.keys("C-u");
        tmux.type("ghost");
        tmux.waitUntil(s -> s.contains("1 shown"), "the filter to leave ghost alone");
        tmux.keys("C-a");
        tmux.waitFor("3 hosts marked");
        tmux.keys("C-u");
        screen = tmux.waitUntil(s -> s.contains("4 shown") || s.contains("5 shown"), "the whole list");
        assertThat(rowOf(screen, "h1 ")).doesNotContain("✓");

        tmux.keys("C-r");
        tmux.waitFor("run on 3 hosts ›");
        tmux.type(statusCommand());
        tmux.keys("Enter");
        screen = tmux.waitUntil(s -> s.contains("3 done"), "every host to end");
        assertThat(rowOf(screen, " h0 ")).contains("exit 0").contains("hi " + fleet.port(0));
        assertThat(rowOf(screen, " h2 ")).contains("exit 3").contains("hi " + fleet.port(2));
        assertThat(rowOf(screen, " ghost ")).contains("unreachable");
        assertThat(screen).contains("done: 1 succeeded, 2 not: h2 exit 3, ghost unreachable");
        assertThat(screen).contains("h0: 1 line");
        tmux.keys("Down");
        screen = tmux.waitFor("h2: 1 line");
        assertThat(screen.lines().filter(line -> line.strip().equals("hi " + fleet.port(2))).count()).isEqualTo(1);

        // a command that does not end by itself, stopped from the pane: no remote sleep is left
        tmux.keys("C-r");
        tmux.waitFor("run on 3 hosts ›");
        tmux.type("echo begun; sleep 4715");
        tmux.keys("Enter");
        tmux.waitUntil(s -> s.lines().filter(line -> line.contains("running") && line.contains("begun")).count() == 2,
                "h0 and h2 to run");
        tmux.type("x");
        screen = tmux.waitFor("stopped: cut h0, h2");
        assertThat(rowOf(screen, " h0 ")).contains("cut");
        assertThat(awaitNoRemote("sleep 4715")).isZero();

        tmux.keys("Escape");
        screen = tmux.waitUntil(s -> !s.contains("run on 3 hosts"), "the list back");
        assertThat(rowOf(screen, "h0 ")).contains("✓h0");
        tmux.keys("F4");
        tmux.waitFor("run on 3 hosts, 3 done: echo begun; sleep 4715");
        tmux.keys("Escape");
        // a key right after Esc would make an Alt combination of the two
        tmux.waitUntil(s -> !s.contains("run on 3 hosts"), "the list back again");
        tmux.keys("C-x");
        screen = tmux.waitFor("marks cleared");
        assertThat(screen).doesNotContain("✓");
    }

    @Test
    void forwardsOfAMasterAreListedAddedAndCancelledFromTheStatusPane() throws Exception {
        assertThat(SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "start", "h0").exitCode()).isZero();
        tmux = picker(150, 40);
        tmux.waitFor("masters (1)");
        tmux.keys("Tab");
        tmux.waitFor("f forwards");
        tmux.type("f");
        String configSpec = "-L 127.0.0.1:" + configPort + ":127.0.0.1:" + target.port();
        String screen = tmux.waitFor("forwards of h0 (1)");
        assertThat(rowOf(screen, configSpec)).contains("config");
        assertThat(rowOf(screen, "-R ")).isEmpty();
        assertThat(LineEcho.through(configPort, "config")).isEqualTo("config");

        int added = LineEcho.freePort();
        String spec = "-L 127.0.0.1:" + added + ":127.0.0.1:" + target.port();
        tmux.type("a");
        tmux.waitFor("add ›");
        tmux.type("-L 70000:x:1");
        tmux.keys("Enter");
        tmux.waitFor("bad port '70000'");
        tmux.keys("C-u");
        tmux.type(spec);
        tmux.keys("Enter");
        screen = tmux.waitFor("opened " + spec);
        tmux.waitFor("forwards of h0 (2)");
        assertThat(LineEcho.through(added, "added")).isEqualTo("added");

        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            tmux.type("a");
            tmux.waitFor("add ›");
            tmux.type("-L 127.0.0.1:" + busy.getLocalPort() + ":127.0.0.1:" + target.port());
            tmux.keys("Enter");
            screen = tmux.waitFor("Address already in use");
            assertThat(screen).contains("Port forwarding failed");
            tmux.keys("Escape");
        }

        tmux.waitUntil(s -> !s.contains("add ›"), "the form closed");
        // the forwards jhosts opened come first: the one added is the first row
        tmux.keys("Home");
        tmux.keys("Up");
        tmux.type("d");
        screen = tmux.waitFor("cancelled " + spec);
        assertThat(LineEcho.listening(added)).as("the cancelled forward's port").isFalse();
        tmux.waitUntil(s -> s.contains("forwards of h0 (1)") && !s.contains(spec + " "), "the list without it");
        tmux.keys("Escape");
        tmux.waitFor("masters (1)");
    }

    private static long awaitNoRemote(String command) {
        long deadline = System.nanoTime() + Tmux.PATIENCE.toNanos();
        while (true) {
            long left = Processes.run(List.of("pgrep", "-f", "^" + command + "$"), Map.of(), Tmux.PATIENCE).stdout()
                    .lines().filter(line -> !line.isBlank()).count();
            if (left == 0 || System.nanoTime() > deadline) {
                return left;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
    }
}

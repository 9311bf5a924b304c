package dev.jhosts.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.JhostsServers;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.TcpRelay;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections that come back (issue 16): the masters reach the test sshd through a relay the
 * test controls, which drops every connection and then passes nothing for ten seconds, as a
 * network that goes and a laptop that sleeps; also with the host behind a bastion that the relay
 * carries. The picker runs in tmux as a client of its server.
 */
class ReconnectInTmuxTest {
    private static final Path REMOTE_TMUX = temporaryDirectory("jhrctmux");

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture().withConfig("SetEnv TMUX_TMPDIR=" + REMOTE_TMUX);

    private static final String HOST = "relayed";
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** From the path working again to the session back: a launch that waited for a frozen path, then the backoff. */
    private static final Duration BACK = Duration.ofSeconds(120);
    private static final Duration SLEEP = Duration.ofSeconds(10);
    private static final Pattern PROMPT = Pattern.compile("(?m)^\\S+@\\S+[#$] ?$");

    private TcpRelay relay;
    private Path config;
    private final List<Tmux> terminals = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        relay = new TcpRelay(SSHD.port());
        config = SSHD.dir().resolve("relayed_config");
        Files.writeString(config, "Host " + HOST + "\n"
                + SSHD.hostOptions().replace("  Port " + SSHD.port() + "\n", "  Port " + relay.port() + "\n")
                + "  HostKeyAlias [127.0.0.1]:" + SSHD.port() + "\n");
    }

    @AfterEach
    void tearDown() {
        terminals.forEach(Tmux::close);
        terminals.clear();
        JhostsServers.stopAll(Path.of(SSHD.jhostsEnv().get("XDG_RUNTIME_DIR"), "jhosts"));
        relay.close();
        remoteTmux("kill-server");
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        try (var tree = Files.walk(REMOTE_TMUX)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void aSessionInTheRemoteTmuxComesBackByItselfAfterADropAndASleep() throws Exception {
        Requirements.requireCommand("tmux", "tmux");
        Tmux picker = picker(settings("tmux.conf", "remote-session = tmux\n"));
        openSession(picker);
        comesBackInTheSameRemoteTmux(picker, "kept");
    }

    @Test
    void aSessionBehindABastionComesBackByItselfAfterADropAndASleep() throws Exception {
        Requirements.requireCommand("tmux", "tmux");
        // the bastion reached through the relay; the host behind it rides the bastion's master
        config = SSHD.dir().resolve("bastion_config");
        Files.writeString(config, "Host bastion\n"
                + SSHD.hostOptions().replace("  Port " + SSHD.port() + "\n", "  Port " + relay.port() + "\n")
                + "  HostKeyAlias [127.0.0.1]:" + SSHD.port() + "\n"
                + "Host inner\n" + SSHD.hostOptions() + "  ProxyJump bastion\n");
        Tmux picker = picker(settings("bastion.conf", "remote-session = tmux\n"));
        picker.waitFor("Enter connect");
        picker.type("inner");
        picker.waitUntil(s -> s.contains("1 shown") && s.contains(" inner "), "inner alone in the list");
        picker.keys("Enter");
        // the bastion's master comes back first, then the inner one through it
        comesBackInTheSameRemoteTmux(picker, "behind");
    }

    /**
     * A variable set in the session's remote tmux before a drop and a sleep is still set after
     * it, with no key sent until the screen is back, and the remote has one tmux session, not two.
     */
    private void comesBackInTheSameRemoteTmux(Tmux picker, String mark) throws InterruptedException {
        picker.waitFor("[jhosts-1]");
        picker.type("JH_MARK=" + mark + "$((40+2)); echo \"set $JH_MARK\"");
        picker.keys("Enter");
        picker.waitFor("set " + mark + "42");

        dropAndSleep(() -> {
            String lost = picker.waitFor("connection lost");
            // the last screen stays, and says how to leave
            assertThat(lost).contains("set " + mark + "42").contains("~. leaves");
        });

        // no key until the remote tmux has drawn its screen again over jhosts' line
        picker.waitUntil(s -> !s.contains("connection lost") && s.contains("[jhosts-1]") && s.contains("set " + mark + "42"),
                "the same remote tmux session back", BACK);
        picker.type("echo \"still $JH_MARK\"");
        picker.keys("Enter");
        picker.waitFor("still " + mark + "42");
        assertThat(remoteTmux("list-sessions", "-F", "#{session_name}:#{session_attached}")).isEqualTo("jhosts-1:1");
    }

    @Test
    void aPlainSessionsRowOffersANewShellBelowTheOldScreenAndTheForwardsAreOpenedAgain() throws Exception {
        Path settings = settings("plain.conf", "");
        Tmux picker = picker(settings);
        openSession(picker);
        int port = freePort();
        String spec = port + ":127.0.0.1:" + SSHD.port();
        Processes.Result forward = jhosts(settings, "forward", HOST, "-L", spec);
        assertThat(forward.exitCode()).as(forward.describe()).isZero();
        picker.type("echo before-the-$((6*7))");
        picker.keys("Enter");
        picker.waitFor("\nbefore-the-42");

        dropAndSleep(() -> {
            picker.waitFor("connection lost");
            // typed while lost: goes nowhere, never to the new shell
            picker.type("echo typed-while-$((1+1))");
            picker.keys("Enter");
            picker.keys("C-\\");
            picker.waitUntil(s -> s.lines().anyMatch(line -> line.contains(HOST) && line.contains("connection lost")),
                    "the row saying connection lost");
        });

        picker.waitUntil(s -> s.contains("Enter: new shell"), "the row offering a new shell", BACK);
        Processes.Result listed = jhosts(settings, "forward", HOST, "--list");
        assertThat(listed.stdout()).as(listed.describe()).contains(Integer.toString(port)).contains("open");
        try (java.net.Socket through = new java.net.Socket("127.0.0.1", port)) {
            // the forward leads to the sshd again: its banner comes
            through.setSoTimeout((int) LIMIT.toMillis());
            assertThat(new String(through.getInputStream().readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("SSH-");
        }
        picker.keys("Enter");
        picker.waitFor("a new shell");
        picker.waitUntil(s -> PROMPT.matcher(s).find(), "the new shell's prompt");
        picker.type("echo after-$((1+1))");
        picker.keys("Enter");
        picker.waitFor("\nafter-2");
        String history = picker.history();
        assertThat(history.indexOf("before-the-42")).as(history).isNotNegative()
                .isLessThan(history.indexOf("a new shell"));
        assertThat(history).doesNotContain("typed-while");
    }

    @Test
    void anAttachedPlainSessionOpensItsNewShellOnEnterOnceTheMasterIsBack() throws Exception {
        Tmux picker = picker(settings("attached.conf", ""));
        openSession(picker);
        picker.type("echo before-the-$((6*7))");
        picker.keys("Enter");
        picker.waitFor("\nbefore-the-42");
        relay.cut();
        picker.waitFor("connection lost");
        picker.waitUntil(s -> s.contains("Enter opens a new shell"), "the offer of a new shell", BACK);
        picker.keys("Enter");
        picker.waitFor("connection back: a new shell");
        picker.type("echo after-$((1+1))");
        picker.keys("Enter");
        picker.waitFor("\nafter-2");
        assertThat(picker.history()).contains("before-the-42");
    }

    @Test
    void tildeDotLeavesALostSession() throws Exception {
        Tmux picker = picker(settings("leave.conf", ""));
        openSession(picker);
        relay.refuse(true);
        relay.cut();
        picker.waitFor("~. leaves");
        picker.keys("Enter");
        picker.type("~.");
        picker.waitFor(HOST + ": session ended: closed with ~.");
        assertThat(picker.screen()).doesNotContain("connection lost");
    }

    @Test
    void aFrozenPathIsNoticedThroughServerAlive() throws Exception {
        Tmux picker = picker(settings("frozen.conf", ""));
        openSession(picker);
        picker.keys("C-\\");
        picker.waitFor("detached");
        relay.freeze();
        // nothing is closed: the master's ServerAliveInterval x ServerAliveCountMax (1 s x 2) notices
        picker.waitUntil(s -> s.lines().anyMatch(line -> line.contains(HOST) && line.contains("connection lost")),
                "the row saying connection lost");
        relay.thaw();
        picker.waitUntil(s -> s.contains("Enter: new shell"), "the row offering a new shell", BACK);
    }

    @Test
    void aHostThatNeverComesBackIsTriedWithinTheBackoff() throws Exception {
        Tmux picker = picker(settings("never.conf", ""));
        openSession(picker);
        picker.keys("C-\\");
        picker.waitFor("detached");
        // the baseline of the same run: the same picker and server, the session's host up
        Optional<ProcessHandle> server = serverOf("never.conf");
        Duration idleBefore = cpu(server);
        long idleFrom = System.nanoTime();
        Thread.sleep(30_000);
        long idleSpent = Duration.ofNanos(System.nanoTime() - idleFrom).toMillis();
        Duration idle = cpu(server).minus(idleBefore);
        relay.refuse(true);
        int before = relay.spoken();
        relay.cut();
        picker.waitUntil(s -> s.lines().anyMatch(line -> line.contains(HOST) && line.contains("connection lost")),
                "the row saying connection lost");
        Duration cpuBefore = cpu(server);
        long startedAt = System.nanoTime();
        Thread.sleep(60_000);
        int tries = relay.spoken() - before;
        Duration cpu = cpu(server).minus(cpuBefore);
        long spent = Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
        // a figure, not an assertion: the bound is 1% averaged over a minute
        System.out.printf("ReconnectInTmuxTest: a host that stays down: %d tries (connections that spoke) in %d ms;"
                + " server CPU %d ms (%.2f%%); baseline, the host up: %d ms in %d ms (%.2f%%)%n", tries, spent,
                cpu.toMillis(), 100.0 * cpu.toMillis() / spent, idle.toMillis(), idleSpent,
                100.0 * idle.toMillis() / idleSpent);
        // 1, 2, 4, 8, 16, 30 s apart: six tries in a minute; a busy loop would make thousands
        assertThat(tries).isBetween(1, 8);
        assertThat(picker.screen()).contains("connection lost");
    }

    /** The jhosts server started for the settings file {@code name}, found by its command line. */
    private static Optional<ProcessHandle> serverOf(String name) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(name) && line.contains("server"))
                        .orElse(false))
                .findFirst();
    }

    private static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** The relay drops every connection, then passes nothing for ten seconds; {@code meanwhile} runs while frozen. */
    private void dropAndSleep(Runnable meanwhile) throws InterruptedException {
        relay.freeze();
        relay.cut();
        long frozenAt = System.nanoTime();
        meanwhile.run();
        long left = SLEEP.toMillis() - Duration.ofNanos(System.nanoTime() - frozenAt).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        relay.thaw();
    }

    private static Path settings(String name, String settings) throws IOException {
        Path file = SSHD.dir().resolve(name);
        Files.writeString(file, settings + "server-alive-interval = 1s\nserver-alive-count-max = 2\n");
        return file;
    }

    private Processes.Result jhosts(Path settings, String... arguments) {
        List<String> line = new ArrayList<>(List.of("-F", config.toString(), "-c", settings.toString()));
        line.addAll(List.of(arguments));
        return SSHD.jhosts(LIMIT, line.toArray(String[]::new));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Tmux picker(Path file) {
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        Tmux tmux = Tmux.start(100, 30, env, SshdFixture.launcher().toAbsolutePath() + " -F " + config + " -c " + file
                + "; echo \"jhosts exited $?\"; exec sleep 600");
        terminals.add(tmux);
        return tmux;
    }

    private static void openSession(Tmux picker) {
        picker.waitFor(HOST);
        picker.waitFor("Enter connect");
        picker.keys("Enter");
        picker.waitUntil(s -> !s.contains("Enter connect") && (PROMPT.matcher(s).find() || s.contains("[jhosts-")),
                "the remote prompt", LIMIT);
    }

    /** A tmux command against the remote sessions' tmux server; its output, trimmed ("" on failure). */
    private static String remoteTmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, Map.of("TMUX_TMPDIR", REMOTE_TMUX.toString()),
                Duration.ofSeconds(10));
        return result.exitCode() == 0 ? result.stdout().strip() : "";
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

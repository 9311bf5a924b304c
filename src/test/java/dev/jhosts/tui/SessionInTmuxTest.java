package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions from the list against a real sshd, in a real terminal (tmux): the remote shell, its
 * terminal size, keys and Ctrl-C reaching it, the exit status shown back in the list, and the
 * status pane's view of the master and its stop, exit and kill.
 */
class SessionInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Pattern PROMPT = Pattern.compile("(?m)^\\S+@\\S+[#$] ?$");
    private static final Pattern MASTER_PID = Pattern.compile("pid=(\\d+)");

    private Path sshConfig;
    private Path modes;
    private Tmux tmux;

    @BeforeEach
    void start() throws IOException {
        Path unknownHosts = SSHD.dir().resolve("unknown_hosts");
        Files.writeString(unknownHosts, "");
        // "localhost" rather than 127.0.0.1: another ControlPath than testhost's, and a host key
        // nobody knows, so the background launch (BatchMode) fails and a session needs ssh to ask
        String asking = String.join("\n",
                "Host askhost",
                "  HostName localhost",
                "  Port " + SSHD.port(),
                "  User " + System.getProperty("user.name"),
                "  IdentityFile " + SSHD.clientKey(),
                "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + unknownHosts,
                "  GlobalKnownHostsFile /dev/null",
                "  StrictHostKeyChecking ask",
                "");
        sshConfig = SSHD.writeSshConfig("tui_config", "Host other\n" + SSHD.hostOptions() + asking);
        launch("");
    }

    /** Starts jhosts (with {@code extraArguments}) from a shell that notes the terminal modes and its exit status. */
    private void launch(String extraArguments) {
        if (tmux != null) {
            tmux.close();
        }
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("PS1", "$ ");
        modes = SSHD.dir().resolve("modes");
        tmux = Tmux.start(80, 24, env, "stty -g > " + modes + ".before; "
                + SshdFixture.launcher().toAbsolutePath() + " -F " + sshConfig + " " + extraArguments
                + "; echo \"jhosts exited $?\"; stty -g > " + modes + ".after.part && mv " + modes + ".after.part " + modes + ".after; exec sleep 600");
    }

    @AfterEach
    void stop() {
        tmux.close();
    }

    /** Waits for the selected host's master (prelaunched) to be live and listed. */
    private String waitForLiveMaster() {
        return tmux.waitUntil(screen -> screen.lines().anyMatch(line -> isTesthostRow(line) && line.contains(" live ")),
                "testhost's live master in the status pane");
    }

    /** A status pane row of testhost's master (testhost and other share its ControlPath). */
    private static boolean isTesthostRow(String line) {
        return line.contains("testhost") && line.contains("other") && line.contains("pid");
    }

    /** Focuses the status pane and selects testhost's master (another host's may be listed too). */
    private void selectTesthostInPane() {
        tmux.keys("Tab");
        String screen = tmux.waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && line.contains("pid")),
                "the status pane to take the keys");
        List<String> rows = screen.lines().filter(line -> line.contains(" pid ")).toList();
        int index = 0;
        while (index < rows.size() && !isTesthostRow(rows.get(index))) {
            index++;
        }
        tmux.keys("Home");
        for (int i = 0; i < index; i++) {
            tmux.keys("Down");
        }
        tmux.waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && isTesthostRow(line)),
                "testhost's master to be selected");
    }

    private void waitForNoMaster() {
        tmux.waitUntil(screen -> screen.lines().noneMatch(SessionInTmuxTest::isTesthostRow),
                "the pane to lose testhost's master");
    }

    /** Opens a session on the selected host and waits for the remote shell's prompt. */
    private void enterSession() {
        waitForLiveMaster();
        tmux.keys("Enter");
        tmux.waitUntil(screen -> !screen.contains("Enter connect") && PROMPT.matcher(screen).find(),
                "the remote shell's prompt");
    }

    private static boolean hasLine(String screen, String line) {
        return screen.lines().anyMatch(candidate -> candidate.strip().equals(line));
    }

    /** testhost's control socket in jhosts' directory (ssh expands %C as jhosts does). */
    private Path socket() {
        Path directory = SSHD.dir().resolve("run/jhosts");
        Processes.Result result = Processes.run(SSHD.ssh("-G", "-o", "ControlPath=" + directory + "/%C", SshdFixture.HOST),
                Map.of(), Duration.ofSeconds(20));
        return result.stdout().lines()
                .filter(line -> line.startsWith("controlpath "))
                .map(line -> Path.of(line.substring("controlpath ".length()).strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no controlpath from ssh -G: " + result.describe()));
    }

    /** The pid {@code ssh -O check} reports for the master at {@code socket}, or empty when none. */
    private Optional<Long> sshCheck(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        Processes.Result result = Processes.run(
                SSHD.ssh("-S", socket.toString(), "-O", "check", SshdFixture.HOST), Map.of(), Duration.ofSeconds(20));
        Matcher matcher = MASTER_PID.matcher(result.stderr());
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    @Test
    void enterOpensARemoteShellAndItsExitStatusIsShownBackInTheList() throws IOException {
        tmux.type("test");
        enterSession();
        tmux.type("echo $((6*7))");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> hasLine(screen, "42"), "42 from the remote shell");
        tmux.type("exit 3");
        tmux.keys("Enter");
        String list = tmux.waitFor("session ended: exit 3");
        assertThat(list).contains("› test").contains("testhost").contains("Enter connect");
        tmux.keys("Escape", "Escape");
        tmux.waitFor("jhosts exited 0");
        Path after = Path.of(modes + ".after");
        tmux.waitUntil(screen -> Files.exists(after), "the modes after jhosts");
        assertThat(Files.readString(after)).isEqualTo(Files.readString(Path.of(modes + ".before")));
    }

    /** jhosts exited, and the terminal has the modes it had before jhosts. */
    private void quitAndCheckModes() throws IOException {
        tmux.keys("Escape", "Escape");
        tmux.waitFor("jhosts exited 0");
        Path after = Path.of(modes + ".after");
        tmux.waitUntil(screen -> Files.exists(after), "the modes after jhosts");
        assertThat(Files.readString(after)).isEqualTo(Files.readString(Path.of(modes + ".before")));
    }

    /** Continues a stopped process, if it is still there. */
    private static void resume(long pid) {
        Processes.run(List.of("kill", "-CONT", Long.toString(pid)), Map.of(), Duration.ofSeconds(10));
    }

    /** Sends a signal (STOP, CONT) to a process with kill(1). */
    private static void signal(long pid, String name) {
        Processes.Result result = Processes.run(List.of("kill", "-" + name, Long.toString(pid)), Map.of(),
                Duration.ofSeconds(10));
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    /** A status pane row of testhost's master in the given state ("live", "unresponsive"). */
    private String waitForTesthostRow(String word) {
        return tmux.waitUntil(screen -> screen.lines().anyMatch(line -> isTesthostRow(line) && line.contains(" " + word + " ")),
                "testhost's master shown " + word);
    }

    /** ssh keeps what is typed before the remote prompt shows; so must jhosts, in order. */
    @Test
    void keysTypedRightAfterEnterReachTheSession() throws IOException {
        waitForLiveMaster();
        tmux.keys("Enter");
        tmux.type("echo typed-ahead-$((6*7))");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> hasLine(screen, "typed-ahead-42"), "the typed-ahead command's output");
        tmux.type("exit");
        tmux.keys("Enter");
        tmux.waitFor("session ended: exit 0");
        quitAndCheckModes();
    }

    /**
     * Enter on a master that froze since it was last seen: the check runs in the background, the
     * list keeps answering keys (Esc cancels the connect instead of quitting jhosts once the check
     * is over), and the row shows the master unresponsive.
     */
    @Test
    void enterOnAFrozenMasterLeavesTheListAnswering() throws IOException {
        waitForLiveMaster();
        long pid = sshCheck(socket()).orElseThrow(() -> new AssertionError("ssh -O check found no master"));
        signal(pid, "STOP");
        try {
            tmux.keys("Enter");
            tmux.keys("Escape");
            String screen = tmux.waitUntil(s -> s.contains("connect cancelled") || s.contains("master does not answer")
                            || s.contains("jhosts exited"),
                    "Esc to cancel the connect");
            assertThat(screen).doesNotContain("jhosts exited");
            waitForTesthostRow("unresponsive");
            tmux.type("oth");
            screen = tmux.waitUntil(s -> s.contains("1 shown") || s.contains("jhosts exited"), "the filter to narrow");
            assertThat(screen).doesNotContain("jhosts exited");
        } finally {
            resume(pid);
        }
        quitAndCheckModes();
    }

    /**
     * A session whose master stops answering: ~. is read by jhosts, not by the frozen master, so
     * it still ends the session; the list is back with the master shown unresponsive, and it can
     * be killed from the pane.
     */
    @Test
    void tildeDotLeavesASessionWhoseMasterFroze() throws IOException {
        enterSession();
        long pid = sshCheck(socket()).orElseThrow(() -> new AssertionError("ssh -O check found no master"));
        signal(pid, "STOP");
        try {
            tmux.keys("Enter");
            tmux.type("~.");
            tmux.waitFor("Enter connect");
            waitForTesthostRow("unresponsive");
            selectTesthostInPane();
            tmux.type("k");
            tmux.waitFor("Kill the master of");
            tmux.type("y");
            tmux.waitFor("killed pid " + pid);
        } finally {
            resume(pid);
        }
        quitAndCheckModes();
    }

    /**
     * The escapes are jhosts' own, after a newline only: ~~ sends one ~, a ~ inside a line passes
     * as it is, ~? lists the escapes, ~. closes the session.
     */
    @Test
    void theSessionEscapesAreJhostsOwn() throws IOException {
        enterSession();
        startCat();
        tmux.type("~~x");
        tmux.keys("Enter");
        tmux.type("a~.b");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> count(screen, "~x") == 2 && count(screen, "a~.b") == 2,
                "cat to echo ~x and a~.b back");
        tmux.type("~?");
        tmux.waitFor("~.  close this session");
        tmux.keys("C-d");
        tmux.keys("Enter");
        tmux.type("~.");
        tmux.waitFor("testhost: session ended: closed with ~.");
        quitAndCheckModes();
    }

    /**
     * Starts cat on the remote and waits until it runs: a line typed while the remote bash is still
     * between reading "cat" and starting it arrives with the remote tty's echo off (readline's modes)
     * and is shown once instead of twice.
     */
    private void startCat() {
        tmux.type("sh -c 'echo cat-ready; exec cat'");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> hasLine(screen, "cat-ready"), "cat to start");
    }

    private static long count(String screen, String line) {
        return screen.lines().filter(candidate -> candidate.strip().equals(line)).count();
    }

    /**
     * A server that refuses the pty (authorized_keys "no-pty"): on MUX_S_TTY_ALLOC_FAIL the
     * terminal gets its normal modes back, as ssh's mux client does, so what is typed is echoed
     * and edited locally; and it is raw again in the list afterwards.
     */
    @Test
    void aSessionRefusedAPtyGetsTheTerminalInItsNormalModes() throws IOException {
        String key = Files.readString(SSHD.authorizedKeys());
        exitTesthostMaster();
        Files.writeString(SSHD.authorizedKeys(), "no-pty " + key);
        try {
            launch("");
            waitForLiveMaster();
            tmux.keys("Enter");
            // the master writes this into the session as it tells jhosts (MUX_S_TTY_ALLOC_FAIL)
            tmux.waitFor("PTY allocation request failed");
            String before = Files.readString(Path.of(modes + ".before"));
            tmux.waitUntil(screen -> paneModes().equals(before), "the terminal's normal modes during the session");
            tmux.type("echo no-pty-$((6*7))");
            tmux.waitFor("echo no-pty-$((6*7))"); // the local terminal echoes: the remote side has no pty to do it
            tmux.keys("Enter");
            tmux.waitUntil(screen -> hasLine(screen, "no-pty-42"), "the remote shell's answer");
            tmux.type("exit 3");
            tmux.keys("Enter");
            tmux.waitFor("session ended: exit 3, no pty");
            quitAndCheckModes();
        } finally {
            Files.writeString(SSHD.authorizedKeys(), key);
            exitTesthostMaster();
        }
    }

    /** {@code stty -g} of the pane's terminal, read from outside. */
    private String paneModes() {
        return Processes.run(List.of("sh", "-c", "stty -g < " + tmux.paneTty()), Map.of(), Duration.ofSeconds(10)).stdout();
    }

    /** Ends testhost's master, if any, so that the next one authenticates anew. */
    private void exitTesthostMaster() {
        Path socket = socket();
        if (Files.exists(socket)) {
            Processes.run(SSHD.ssh("-S", socket.toString(), "-O", "exit", SshdFixture.HOST), Map.of(), Duration.ofSeconds(20));
        }
    }

    @Test
    void aHostWhoseKeyMustBeConfirmedIsAskedInThePickerAndGetsItsMaster() {
        tmux.type("askh");
        tmux.waitFor("needs you");
        tmux.keys("Enter");
        tmux.waitFor("continue connecting");
        tmux.type("yes");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> PROMPT.matcher(screen).find(), "the remote shell's prompt");
        tmux.type("exit 5");
        tmux.keys("Enter");
        tmux.waitFor("askhost: session ended: exit 5");
        String screen = tmux.waitUntil(s -> s.lines().anyMatch(line -> line.contains("askhost") && line.contains(" live ")),
                "askhost's master in the status pane");
        assertThat(screen).contains("Master live, pid");
    }

    @Test
    void onSessionEndExitLeavesWithTheRemoteStatus() throws IOException {
        Path settings = SSHD.dir().resolve("exit-after-session.conf");
        Files.writeString(settings, "jhosts { on-session-end = exit }\n");
        launch("-c " + settings);
        enterSession();
        tmux.type("exit 7");
        tmux.keys("Enter");
        tmux.waitFor("jhosts exited 7");
    }

    @Test
    void theRemoteTerminalHasThePaneSizeAndFollowsResizes() {
        enterSession();
        tmux.type("stty size");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> hasLine(screen, "24 80"), "stty size 24 80");
        tmux.resize(100, 30);
        tmux.waitUntil(screen -> screen.lines().count() == 30, "the bigger pane");
        // the new size travels as ssh's does (SIGWINCH to the master, window-change to the server):
        // the remote shell waits for it, bounded by the test's patience
        tmux.type("clear; until [ \"$(stty size)\" = '30 100' ]; do sleep 0.05; done; stty size");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> hasLine(screen, "30 100"), "stty size 30 100");
        tmux.type("exit");
        tmux.keys("Enter");
        String list = tmux.waitFor("session ended: exit 0");
        assertThat(list.lines().count()).isEqualTo(30);
        assertThat(list.lines().reduce((first, second) -> second).orElseThrow()).contains("Enter connect");
    }

    @Test
    void keysReachTheRemoteSideAndCtrlCInterruptsIt() {
        enterSession();
        startCat();
        tmux.type("typed-line");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> screen.lines().filter(line -> line.strip().equals("typed-line")).count() == 2,
                "cat to echo the line back");
        tmux.keys("C-d");
        // "started" comes from the foreground job itself, so the Ctrl-C after it reaches that job and
        // not the remote bash still between reading the line and starting it (which ignores SIGINT)
        tmux.type("sh -c 'echo started; exec sleep 30'");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> hasLine(screen, "started"), "sleep to start");
        tmux.keys("C-c");
        tmux.type("echo status=$?");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> hasLine(screen, "status=130"), "the interrupted sleep's status");
        tmux.type("exit");
        tmux.keys("Enter");
        tmux.waitFor("session ended: exit 0");
    }

    @Test
    void theStatusPaneShowsTheMasterWithThePidSshReports() {
        waitForLiveMaster();
        long pid = sshCheck(socket()).orElseThrow(() -> new AssertionError("ssh -O check found no master"));
        String screen = tmux.waitFor("pid " + pid);
        assertThat(screen).contains("testhost").contains("other").contains("jhosts");
        selectTesthostInPane();
        tmux.type("c");
        tmux.waitFor("alive, pid " + pid);
    }

    @Test
    void stopFromThePaneEndsAnIdleMaster() throws IOException {
        waitForLiveMaster();
        Path socket = socket();
        selectTesthostInPane();
        tmux.type("s");
        tmux.waitFor("stopped: no new sessions");
        waitForNoMaster();
        assertThat(sshCheck(socket)).isEmpty();
    }

    @Test
    void exitFromThePaneEndsTheMaster() throws IOException {
        waitForLiveMaster();
        Path socket = socket();
        selectTesthostInPane();
        tmux.type("x");
        tmux.waitFor("master exited");
        waitForNoMaster();
        assertThat(sshCheck(socket)).isEmpty();
    }

    @Test
    void killFromThePaneEndsAStoppedMaster() throws IOException, InterruptedException {
        waitForLiveMaster();
        long pid = sshCheck(socket()).orElseThrow(() -> new AssertionError("ssh -O check found no master"));
        Processes.Result stopped = Processes.run(List.of("kill", "-STOP", Long.toString(pid)), Map.of(),
                Duration.ofSeconds(10));
        assertThat(stopped.exitCode()).isZero();
        try {
            selectTesthostInPane();
            tmux.type("c");
            tmux.waitFor("does not answer");
            tmux.type("k");
            tmux.waitFor("Kill the master of");
            tmux.type("y");
            tmux.waitFor("killed pid " + pid);
            ProcessHandle master = ProcessHandle.of(pid).orElse(null);
            if (master != null) {
                master.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the master " + pid + " is still there", e);
        } finally {
            Processes.run(List.of("kill", "-CONT", Long.toString(pid)), Map.of(), Duration.ofSeconds(10));
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}

package dev.jhosts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code target/jhosts demo} in a real terminal (tmux), as a newcomer would run it, on a PATH
 * where no sshd can be found and with a HOME, XDG directories and temporary directory of the
 * test's own: the masters come up, a session on the quick host runs a command with the
 * terminal's modes, the stuck host's master turns unresponsive and is killed from the status
 * pane, and quitting (or SIGTERM, or SIGHUP) leaves no process and no file behind, checked by
 * pid and by path.
 */
class DemoInTmuxTest {
    /** No sbin: nothing here can start an sshd. */
    private static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    private Path home;
    private Path temporary;
    private List<Path> xdg;
    private Tmux tmux;

    @BeforeEach
    void prepare() throws IOException {
        assumeTrue(ProcFs.available(), "no /proc: the demo runs on Linux only");
        Requirements.requireCommand("ssh", "openssh-client");
        for (String directory : PATH.split(":")) {
            assertThat(Path.of(directory, "sshd")).as("an sshd on the test's PATH").doesNotExist();
        }
        home = Files.createDirectory(dir.resolve("home"));
        // short: the demo's control sockets under it must stay within OpenSSH's limit
        temporary = Files.createTempDirectory(Path.of("/tmp"), "jd");
        xdg = List.of(Files.createDirectory(dir.resolve("config")), Files.createDirectory(dir.resolve("state")),
                Files.createDirectory(dir.resolve("run")), Files.createDirectory(dir.resolve("cache")));
    }

    @AfterEach
    void closeTmux() throws IOException {
        if (tmux != null) {
            tmux.close();
        }
        // tmux's end hangs jhosts up; let its cleanup finish before the directory goes
        Path pid = dir.resolve("pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(jhosts -> {
                try {
                    jhosts.onExit().get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception stillThere) {
                    jhosts.destroyForcibly();
                }
            });
        }
        if (temporary != null) {
            try (Stream<Path> paths = Files.walk(temporary)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", PATH);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", xdg.get(0).toString());
        env.put("XDG_STATE_HOME", xdg.get(1).toString());
        env.put("XDG_RUNTIME_DIR", xdg.get(2).toString());
        env.put("XDG_CACHE_HOME", xdg.get(3).toString());
        env.put("JHOSTS_JAVA_OPTS", "-Djava.io.tmpdir=" + temporary);
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "");
        env.put("SSH_AUTH_SOCK", dir.resolve("no-agent").toString());
        return env;
    }

    /** Runs {@code jhosts demo} from a shell that sets an unusual erase character and notes the pid and the exit status. */
    private void startDemo() {
        startDemo(Map.of());
    }

    /** As {@link #startDemo()}, with {@code changes} to the environment. */
    private void startDemo(Map<String, String> changes) {
        Map<String, String> env = env();
        env.putAll(changes);
        tmux = Tmux.start(120, 32, env, "cd " + dir + " && stty erase '^H' && "
                + "sh -c 'echo $$ > pid; exec \"$0\" demo' " + SshdFixture.launcher().toAbsolutePath()
                + "; echo \"jhosts exited $?\"; exec sleep 600");
    }

    private String waitUntil(java.util.function.Predicate<String> condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return tmux.waitUntil(condition, what);
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** A status pane row of {@code alias}'s master. */
    private static boolean paneRow(String line, String alias) {
        return line.contains(" pid ") && line.matches("^.[^ ] " + alias + " .*");
    }

    private String waitForMaster(String alias, String state) {
        return waitUntil(screen -> screen.lines().anyMatch(line -> paneRow(line, alias) && line.contains(" " + state + " ")),
                alias + "'s master " + state + " in the status pane");
    }

    /** The host list's selected row is quick's (the filter may match another host's description too). */
    private static boolean quickSelected(String screen) {
        return screen.contains("› quick") && screen.lines().anyMatch(line -> line.matches("^›. quick .*@127\\.0\\.0\\.1:.*"));
    }

    private long jhostsPid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("pid")).strip());
    }

    /** The demo's directory in the test's temporary directory. */
    private Path demoDirectory() throws IOException {
        try (Stream<Path> entries = Files.list(temporary)) {
            List<Path> demos = entries.filter(path -> path.getFileName().toString().startsWith("jhosts-demo-")).toList();
            assertThat(demos).as("the demo's directory in " + temporary).hasSize(1);
            return demos.get(0);
        }
    }

    /** jhosts and every process that names the demo's directory: the masters, ssh, the session shells. */
    private List<Long> demoProcesses(Path root) throws IOException {
        List<Long> pids = new ArrayList<>(new ProcessSweep(root.toString(), ProcFs.currentUid(), Instant.EPOCH).find());
        pids.add(jhostsPid());
        return pids;
    }

    private void assertNothingLeft(Path root, List<Long> pids) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Long> running = running(pids);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            running = running(running);
        }
        assertThat(running).as("processes of the demo still running (" + describe(running) + ")").isEmpty();
        assertThat(new ProcessSweep(root.toString(), ProcFs.currentUid(), Instant.EPOCH).find())
                .as("processes naming " + root).isEmpty();
        assertThat(root).as("the demo's directory").doesNotExist();
        assertThat(listing(temporary)).as("the temporary directory").isEmpty();
        assertThat(listing(home)).as("HOME").isEmpty();
        for (Path directory : xdg) {
            assertThat(listing(directory)).as(directory.toString()).isEmpty();
        }
    }

    private static List<Long> running(List<Long> pids) {
        return pids.stream()
                .filter(pid -> ProcFs.state(pid).map(state -> !state.equals("Z") && !state.equals("X")).orElse(false))
                .toList();
    }

    private static String describe(List<Long> pids) {
        return String.join("; ", pids.stream().map(pid -> pid + ": " + ProcFs.commandLine(pid)).toList());
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> entries = Files.walk(directory)) {
            return entries.filter(path -> !path.equals(directory)).map(Path::toString).toList();
        }
    }

    @Test
    void thePasswordHostAsksInADialogWrongThenRightAndLandsInTheSession() throws Exception {
        startDemo();
        waitUntil(screen -> screen.contains("6 hosts"), "the demo's six hosts");
        String config = Files.readString(demoDirectory().resolve("ssh_config"));
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("password (\\S+):").matcher(config);
        assertThat(password.find()).as(config).isTrue();
        tmux.type("password");
        waitUntil(s -> s.contains("1 shown"), "the password host alone");
        waitUntil(s -> s.contains("needs you"), "the background launch needing the user");
        tmux.keys("Enter");
        waitUntil(s -> s.contains("ssh asks, for password:") && s.contains("password:"), "the password dialog");
        tmux.type("wrong-" + password.group(1));
        tmux.keys("Enter");
        waitUntil(s -> s.contains("answer sent") && s.contains("ssh asks, for password:"), "ssh asking again");
        tmux.type(password.group(1));
        tmux.keys("Enter");
        waitUntil(s -> s.lines().anyMatch(line -> line.matches("^\\S+@password:.*")), "the shell on password");
        tmux.type("echo =$((6*7))=");
        tmux.keys("Enter");
        waitUntil(s -> s.lines().anyMatch(line -> line.strip().equals("=42=")), "=42= from the session");
        tmux.type("exit");
        tmux.keys("Enter");
        waitUntil(s -> s.contains("session ended: exit 0"), "the end of the session");
        tmux.keys("C-c");
        waitUntil(s -> s.contains("jhosts exited"), "the demo's end");
    }

    @Test
    void mastersComeUpASessionRunsTheStuckMasterIsKilledAndQuittingLeavesNothing() throws Exception {
        startDemo();
        waitUntil(screen -> screen.contains("6 hosts"), "the demo's six hosts");
        String screen = waitForMaster("quick", "live");
        assertThat(screen).contains("stuck").contains("behind-jump").contains("password");
        waitForMaster("behind-jump", "live");
        Path root = demoDirectory();

        tmux.type("quick");
        waitUntil(DemoInTmuxTest::quickSelected, "quick selected by the filter");
        tmux.keys("Enter");
        waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("root@quick:") || line.matches("^\\S+@quick:.*")),
                "the prompt of the shell on quick");
        tmux.type("echo =$((6*7))=; stty -a | grep -o ' erase = [^;]*'; stty size");
        tmux.keys("Enter");
        screen = waitUntil(s -> s.lines().anyMatch(line -> line.strip().equals("=42="))
                && s.lines().anyMatch(line -> line.strip().equals("32 120")), "=42= and the terminal's size from the session");
        assertThat(screen.lines().map(String::strip)).as("the terminal's modes on the server side").contains("erase = ^H");
        tmux.type("exit");
        tmux.keys("Enter");
        waitUntil(s -> s.contains("session ended: exit 0"), "the end of the session");

        tmux.keys("Escape");
        waitUntil(s -> s.contains("6 shown"), "the whole list again");
        waitForMaster("stuck", "unresponsive");
        tmux.keys("Tab");
        screen = waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && line.contains(" pid ")),
                "the status pane to take the keys");
        List<String> rows = screen.lines().filter(line -> line.contains(" pid ")).toList();
        int stuck = 0;
        while (stuck < rows.size() && !paneRow(rows.get(stuck), "stuck")) {
            stuck++;
        }
        tmux.keys("Home");
        for (int i = 0; i < stuck; i++) {
            tmux.keys("Down");
        }
        waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && paneRow(line, "stuck")),
                "the stuck master to be selected");
        tmux.type("k");
        waitUntil(s -> s.contains("Kill the master of stuck"), "the kill question");
        tmux.type("y");
        waitUntil(s -> s.contains("killed pid"), "the stuck master killed");

        List<Long> pids = demoProcesses(root);
        assertThat(pids.size()).as("jhosts and the masters of the demo").isGreaterThan(3);
        tmux.keys("Tab");
        tmux.keys("Escape");
        waitUntil(s -> s.contains("jhosts exited 0"), "jhosts to end");
        assertNothingLeft(root, pids);
    }

    /**
     * The picker hands the terminal back over a session's old lines (in the C locale they are
     * still there): they must not trail what is written after.
     */
    @Test
    void theLastLinesAreWrittenOnCleanLines() throws Exception {
        startDemo(Map.of("LANG", "C"));
        waitForMaster("quick", "live");
        waitForMaster("slow", "live");
        waitForMaster("behind-jump", "live");
        tmux.type("quick");
        // in the C locale the selection mark is ASCII
        waitUntil(s -> s.lines().anyMatch(line -> line.matches("^>. quick .*@127\\.0\\.0\\.1:.*")),
                "quick selected by the filter");
        tmux.keys("Enter");
        waitUntil(s -> s.lines().anyMatch(line -> line.matches("^\\S+@quick:.*")), "the prompt of the shell on quick");
        tmux.type("exit");
        tmux.keys("Enter");
        waitUntil(s -> s.contains("session ended: exit 0"), "the end of the session");
        tmux.keys("Escape");
        waitUntil(s -> s.contains("6 shown"), "the whole list");
        tmux.keys("Escape");
        String screen = waitUntil(s -> s.contains("jhosts exited "), "jhosts to end");
        List<String> lines = screen.lines().map(String::stripTrailing).toList();
        int last = 0;
        while (last < lines.size() && !lines.get(last).contains("jhosts demo: ended")) {
            last++;
        }
        assertThat(last).as("the demo's last line on\n" + screen).isLessThan(lines.size() - 1);
        assertThat(lines.get(last)).as("the demo's last line").endsWith(" removed");
        assertThat(lines.get(last + 1)).as("the shell's line after it").isEqualTo("jhosts exited 0");
        assertThat(lines.subList(last + 2, lines.size())).as("the lines below").allMatch(String::isEmpty);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP"})
    void aSignalEndsTheDemoAndLeavesNothing(String signal) throws Exception {
        startDemo();
        waitForMaster("quick", "live");
        waitForMaster("slow", "live");
        tmux.type("quick");
        waitUntil(DemoInTmuxTest::quickSelected, "quick selected by the filter");
        tmux.keys("Enter");
        waitUntil(s -> s.lines().anyMatch(line -> line.matches("^\\S+@quick:.*")), "the prompt of the shell on quick");
        tmux.type("sleep 600 & echo started-$!");
        tmux.keys("Enter");
        waitUntil(s -> s.contains("started-"), "a background job in the session");
        Path root = demoDirectory();
        List<Long> pids = demoProcesses(root);
        assertThat(pids.size()).as("jhosts, its masters and the session's shell and job").isGreaterThan(4);

        Processes.Result kill = Processes.run(List.of("kill", "-s", signal, Long.toString(jhostsPid())), Map.of(),
                Duration.ofSeconds(10));
        assertThat(kill.exitCode()).as(kill.describe()).isZero();
        waitUntil(s -> s.contains("jhosts exited "), "jhosts to end");
        assertNothingLeft(root, pids);
    }

    @Test
    void anEmptyHostListSaysHowToAddHostsAndOffersTheDemo() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty_config"), "# no hosts\n");
        tmux = Tmux.start(120, 24, env(), SshdFixture.launcher().toAbsolutePath() + " -F " + empty
                + "; exec sleep 600");
        String screen = tmux.waitFor("jhosts demo");
        assertThat(screen).contains("config-samples/ssh_config");
    }
}

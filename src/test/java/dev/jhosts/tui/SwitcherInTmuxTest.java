package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.RemoteShells;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The session switcher in a real terminal (tmux) against a real sshd: three hosts, sessions
 * detached with the detach key and with {@code ~^Z}, attached again with their last screen on
 * it before any key is sent (the same remote shell), switched with the next/previous keys,
 * ending while detached, quitting with sessions alive, and SIGTERM hanging them up, the terminal
 * restored exactly each time.
 */
class SwitcherInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(2);

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern PROMPT = RemoteShells.PROMPT;
    private static FleetConfig fleet;
    private static Path config;
    private Path modes;
    private Tmux tmux;

    @BeforeAll
    static void setUp() throws IOException {
        fleet = new FleetConfig(SSHD);
        config = fleet.write("switcher_config");
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

    private void picker() {
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        modes = SSHD.dir().resolve("switcher-modes");
        tmux = Tmux.start(100, 30, env, "stty -g > " + modes + ".before; echo $$ > " + modes + ".shell; "
                + SshdFixture.launcher().toAbsolutePath() + " -F " + config
                + "; echo \"jhosts exited $?\"; stty -g > " + modes + ".after.part && mv " + modes + ".after.part " + modes + ".after; exec sleep 600");
        tmux.waitFor("h0");
    }

    private void open(String alias) {
        RemoteShells.open(tmux, alias);
    }

    private String shellPid(String name) {
        return RemoteShells.shellPid(tmux, name);
    }

    private String backInTheList() {
        return tmux.waitUntil(s -> s.contains("Enter connect"), "the list back");
    }

    private static String rowOf(String screen, String alias) {
        return screen.lines().filter(line -> line.contains(" " + alias + " ")).findFirst().orElse("");
    }

    private void assertTerminalRestored() throws IOException {
        tmux.waitFor("jhosts exited");
        Path after = Path.of(modes + ".after");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(after) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(Files.readString(after)).isEqualTo(Files.readString(Path.of(modes + ".before")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean alive(String pid) {
        return RemoteShells.alive(pid);
    }

    @Test
    void twoSessionsDetachedAndAttachedAgainWithTheirScreenAndTheSameShell() throws IOException {
        picker();
        open("h0");
        String first = shellPid("first");
        tmux.keys("C-\\");
        String screen = backInTheList();
        assertThat(rowOf(screen, "h0")).contains("session").contains("idle");

        open("h1");
        String second = shellPid("second");
        // ~^Z after a newline detaches as well
        tmux.type("~");
        tmux.keys("C-z");
        backInTheList();

        // back to h0: its last output is on the screen before any key is sent
        tmux.keys("C-u");
        tmux.type("h0");
        tmux.waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && line.contains("h0 ")), "h0 selected");
        tmux.keys("Enter");
        screen = tmux.waitUntil(s -> s.contains("first=" + first) && !s.contains("Enter connect"), "h0's last screen");
        assertThat(PROMPT.matcher(screen).find()).as(screen).isTrue();
        assertThat(shellPid("again")).isEqualTo(first);

        // straight to the other session and back, without the list
        tmux.keys("F12");
        tmux.waitUntil(s -> s.contains("second=" + second) && !s.contains("first=" + first), "h1's screen");
        tmux.keys("S-F12");
        tmux.waitUntil(s -> s.contains("again=" + first), "h0's screen again");

        // output while detached is kept: the shell goes on printing, and the list marks it
        tmux.type("sleep 1; echo while-away");
        tmux.keys("Enter");
        tmux.keys("C-\\");
        screen = tmux.waitUntil(s -> rowOf(s, "h0").contains("●"), "h0 marked with unseen output");
        tmux.keys("C-u");
        tmux.type("h0");
        tmux.keys("Enter");
        tmux.waitUntil(s -> s.contains("while-away") && !s.contains("Enter connect"), "the output made while away");
        tmux.keys("C-\\");
        backInTheList();

        // quitting asks, naming the sessions; then they are hung up
        tmux.keys("C-u");
        tmux.keys("Escape");
        screen = tmux.waitFor("Quit? These sessions live:");
        assertThat(screen).contains("h0 #1").contains("h1 #2");
        tmux.type("y");
        assertTerminalRestored();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while ((alive(first) || alive(second)) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(alive(first)).as("h0's remote shell hung up").isFalse();
        assertThat(alive(second)).as("h1's remote shell hung up").isFalse();
    }

    @Test
    void aFullScreenProgramIsOnScreenAgainWithNoKeySent() throws IOException {
        Requirements.requireCommand("less", "less");
        picker();
        open("h0");
        tmux.type("seq -f 'row %g of the file' 1 200 | less");
        tmux.keys("Enter");
        tmux.waitFor("row 20 of the file");
        tmux.keys("C-\\");
        backInTheList();
        tmux.keys("Enter");
        String screen = tmux.waitUntil(s -> s.contains("row 20 of the file") && !s.contains("Enter connect"),
                "less as it was");
        assertThat(screen).contains("row 1 of the file");
        // less takes keys again: one page on
        tmux.keys("Space");
        tmux.waitFor("row 40 of the file");
        tmux.type("q");
        tmux.waitUntil(s -> PROMPT.matcher(s).find(), "the shell after less");
        tmux.keys("C-\\");
        backInTheList();
        // the filter still says h0: Esc clears it, then a second Esc quits (and asks)
        tmux.keys("Escape");
        tmux.waitUntil(s -> s.contains("type to filter"), "the filter cleared");
        tmux.keys("Escape");
        tmux.waitFor("Quit?");
        tmux.keys("Enter");
        assertTerminalRestored();
    }

    @Test
    void aSessionThatEndsWhileDetachedShowsItsStatusAndSigtermLeavesTheRestInTheServer() throws IOException {
        picker();
        open("h2");
        tmux.type("sleep 1; exit 7");
        tmux.keys("Enter");
        tmux.keys("C-\\");
        String screen = tmux.waitUntil(s -> rowOf(s, "h2").contains("session ended: exit 7"),
                "h2's status in the list");
        assertThat(screen).contains("h2: detached session ended: exit 7");

        open("h0");
        String shell = shellPid("kept");
        tmux.keys("C-\\");
        backInTheList();
        String picker = Files.readString(Path.of(modes + ".shell")).strip();
        // the picker is the shell's child: SIGTERM to it, as a logout would send
        ProcessHandle jhosts = ProcessHandle.of(Long.parseLong(picker)).orElseThrow().children()
                .filter(child -> child.info().command().orElse("").contains("java")).findFirst().orElseThrow();
        new ProcessBuilder("kill", "-TERM", Long.toString(jhosts.pid())).start();
        assertTerminalRestored();
        // the session is the jhosts server's: it goes on without the terminal, until the server stops
        assertThat(alive(shell)).as("the detached session goes on in the server").isTrue();
        assertThat(SSHD.jhosts(LIMIT, "-F", config.toString(), "sessions").stdout()).contains("h0");
        assertThat(SSHD.jhosts(LIMIT, "-F", config.toString(), "server", "stop").exitCode())
                .as("stop with a live session needs --force").isEqualTo(1);
        assertThat(alive(shell)).isTrue();
        assertThat(SSHD.jhosts(LIMIT, "-F", config.toString(), "server", "stop", "--force").exitCode()).isZero();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (alive(shell) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(alive(shell)).as("the session's remote shell hung up with the server").isFalse();
    }

    @Test
    void insideTmuxF5OpensTheHostInAWindowOfItsOwnOnTheSameMaster() {
        picker();
        tmux.keys("C-u");
        tmux.type("h1");
        tmux.waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›●") && line.contains("h1 ")),
                "h1 selected with its master live");
        tmux.keys("F5");
        // tmux makes the new window the current one; the picker stays in window 0
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String windows = tmux.windows();
        while (!windows.contains("connect h1") && System.nanoTime() < deadline) {
            sleep(50);
            windows = tmux.windows();
        }
        assertThat(windows).contains("1 h1 ").contains("-F " + config + " connect h1");
        String window = "";
        while (!PROMPT.matcher(window).find() && System.nanoTime() < deadline) {
            sleep(50);
            window = tmux.screenOfWindow(1);
        }
        assertThat(PROMPT.matcher(window).find()).as(window).isTrue();
        String picker = tmux.screenOfWindow(0);
        while (!picker.contains("h1: opened in a tmux window") && System.nanoTime() < deadline) {
            sleep(50);
            picker = tmux.screenOfWindow(0);
        }
        assertThat(picker).contains("h1: opened in a tmux window");
        // the window's session rides the picker's master: still one master for h1
        assertThat(SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "list").stdout().lines()
                .filter(line -> line.contains("h1")).count()).isEqualTo(1);
        // and it is a session of the same jhosts server (the window found it: one server, two sessions' worth of h1)
        assertThat(dev.jhosts.testing.JhostsServers.in(Path.of(SSHD.jhostsEnv().get("XDG_RUNTIME_DIR"), "jhosts")))
                .hasSize(1);
        assertThat(SSHD.jhosts(LIMIT, "-F", config.toString(), "sessions").stdout()).contains("h1");
    }
}

package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A remote program that is hard on the terminal, in a real terminal (tmux) against a real sshd:
 * one that floods the session with terminal queries and never reads their answers while it is
 * detached (the session must stay usable: its screen back on attach, {@code ~.} working), and one
 * that leaves the terminal in its modes when jhosts is killed by a signal (the terminal must be
 * given back as it was: tmux's pane flags and {@code stty -g} as before jhosts started), in the
 * picker and in {@code jhosts connect}.
 */
class HostileRemoteInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern PROMPT = Pattern.compile("(?m)^\\S+@\\S+[#$] ?$");
    /** tmux's flags for the modes a program can leave a terminal in; see {@link #paneModes()}. */
    private static final String PANE_MODES = "alternate=#{alternate_on} cursor-shown=#{cursor_flag}"
            + " cursor-keys=#{keypad_cursor_flag} keypad=#{keypad_flag} mouse=#{mouse_any_flag} insert=#{insert_flag}";
    private Path files;
    private Tmux tmux;

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
        SSHD.jhosts(LIMIT, "-F", SSHD.sshConfig().toString(), "master", "exit", "testhost");
    }

    /**
     * The picker in a new pane; the pane's modes and {@code stty -g} are written down before it
     * starts (the shell waits for the test to read the modes) and {@code stty -g} after it ends.
     * Returns the pane's modes before jhosts.
     */
    private String picker() throws IOException {
        return jhosts("");
    }

    /** {@link #picker()} for {@code jhosts ARGUMENTS} (after {@code -F}). */
    private String jhosts(String arguments) throws IOException {
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        files = Files.createTempDirectory(SSHD.dir(), "hostile");
        Path go = files.resolve("go");
        tmux = Tmux.start(100, 30, env, "stty -g > " + files.resolve("before") + "; echo $$ > " + files.resolve("shell")
                + "; i=0; while [ ! -e " + go + " ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i + 1)); done; "
                + SshdFixture.launcher().toAbsolutePath() + " -F " + SSHD.sshConfig() + arguments
                + "; echo \"jhosts exited $?\"; stty -g > " + files.resolve("after.part") + " && mv " + files.resolve("after.part") + " " + files.resolve("after") + "; exec sleep 600");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(files.resolve("shell")) && System.nanoTime() < deadline) {
            sleep(50);
        }
        String before = paneModes();
        Files.writeString(go, "");
        return before;
    }

    private void open() {
        tmux.waitFor("testhost");
        tmux.waitFor("Enter connect");
        tmux.keys("Enter");
        tmux.waitUntil(s -> !s.contains("Enter connect") && PROMPT.matcher(s).find(), "the remote prompt");
    }

    private String paneModes() {
        return tmux.display(PANE_MODES);
    }

    private long jhostsPid() throws IOException {
        String shell = Files.readString(files.resolve("shell")).strip();
        return ProcessHandle.of(Long.parseLong(shell)).orElseThrow().children()
                .filter(child -> child.info().command().orElse("").contains("java")).findFirst().orElseThrow().pid();
    }

    private void awaitPaneModes(String expected) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String modes = paneModes();
        while (!modes.equals(expected) && System.nanoTime() < deadline) {
            sleep(50);
            modes = paneModes();
        }
        assertThat(modes).isEqualTo(expected);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP", "INT"})
    void aSignalGivesTheTerminalBackWithoutTheModesTheRemoteProgramSet(String signal) throws Exception {
        String before = picker();
        open();
        setModesAndEndWith(signal, before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP", "INT"})
    void aSignalGivesTheTerminalOfConnectBackWithoutTheModesTheRemoteProgramSet(String signal) throws Exception {
        String before = jhosts(" connect testhost");
        tmux.waitUntil(s -> PROMPT.matcher(s).find(), "the remote prompt");
        setModesAndEndWith(signal, before);
    }

    /** The remote program sets its modes and waits; jhosts gets {@code signal}; the terminal is as {@code before}. */
    private void setModesAndEndWith(String signal, String before) throws Exception {
        assertThat(before).isEqualTo("alternate=0 cursor-shown=1 cursor-keys=0 keypad=0 mouse=0 insert=0");
        // what `tput smcup` and a full-screen program do, then it waits
        tmux.type("printf '\\033[?1049h\\033[?1h\\033=\\033[?1000h\\033[?25l\\033[4h'; sleep 600");
        tmux.keys("Enter");
        awaitPaneModes("alternate=1 cursor-shown=0 cursor-keys=1 keypad=1 mouse=1 insert=1");

        new ProcessBuilder("kill", "-" + signal, Long.toString(jhostsPid())).start().waitFor();
        tmux.waitFor("jhosts exited");
        assertThat(paneModes()).as("after SIG" + signal).isEqualTo(before);
        Path after = files.resolve("after");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(after) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(Files.readString(after)).isEqualTo(Files.readString(files.resolve("before")));
    }

    @Test
    void aProgramFloodingQueriesItNeverReadsWhileDetachedLeavesTheSessionUsable() throws Exception {
        picker();
        open();
        // once detached, three million device-attribute queries (9 MB, their answers 27 MB: more
        // than the PTY, the channel's window and the remote PTY hold), none of the answers read;
        // the remote side (this machine) marks when all is sent
        Path detached = files.resolve("detached");
        Path sent = files.resolve("sent");
        tmux.type("i=0; while [ ! -e " + detached + " ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done; "
                + "stty raw -echo; yes $'\\e[c' | head -n 3000000 | tr -d '\\n'; printf 'flood-sent'; touch " + sent
                + "; sleep 600");
        tmux.keys("Enter");
        tmux.keys("C-\\");
        tmux.waitUntil(s -> s.contains("Enter connect") && s.lines().anyMatch(line -> line.contains("testhost")
                && line.contains("session")), "the detached session in the list");
        Files.writeString(detached, "");
        // the session reads its output to the end, answering into a PTY nobody reads
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(sent) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(sent).as("the flood read to its end while detached").exists();
        // attached again: the session's screen, with everything the program sent
        tmux.keys("Enter");
        tmux.waitUntil(s -> s.contains("flood-sent") && !s.contains("Enter connect"), "the session's screen");
        // the program still reads nothing: the escape works all the same. Known doubt (issue 20's
        // note): a newline typed the moment the screen is back is at times not seen by the escape
        // scanner, so ~. goes to the remote as text; the test then says so and types it again
        // (at most three times), which still fails if the escape never works.
        for (int attempt = 1; ; attempt++) {
            tmux.keys("Enter");
            tmux.type("~.");
            try {
                tmux.waitUntil(s -> s.contains("Enter connect") && s.contains("closed with ~."), "the list after ~.",
                        java.time.Duration.ofSeconds(5));
                return;
            } catch (AssertionError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
                System.err.println("HostileRemoteInTmuxTest: ~. not taken on attempt " + attempt + "; typing it again");
            }
        }
    }
}

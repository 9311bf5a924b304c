package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import dev.jhosts.tui.view.DisplayText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built {@code target/jhosts} in a real terminal (tmux): the list, the filter, group
 * headers and the order key, quitting, resizing, history warnings, and the terminal's modes
 * after it (no sshd needed: nothing connects here).
 */
class TuiInTmuxTest {
    @TempDir
    Path dir;

    private Path sshConfig;
    private Tmux tmux;

    @BeforeEach
    void writeConfig() throws IOException {
        sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, String.join("\n",
                "Host web1 web2",
                "  HostName 127.0.0.1",
                "Host db-main",
                "  HostName 127.0.0.1",
                "Host 東京",
                "  HostName 127.0.0.1",
                // nothing listens on port 1: prelaunched masters fail at once, no key or
                // known_hosts file of the user's is read
                "Host *",
                "  Port 1",
                "  BatchMode yes",
                "  IdentitiesOnly yes",
                "  IdentityFile /dev/null",
                "  UserKnownHostsFile /dev/null",
                "  GlobalKnownHostsFile /dev/null",
                ""));
    }

    @AfterEach
    void closeTmux() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private Map<String, String> env(String term, String lang) {
        Map<String, String> env = new HashMap<>();
        env.put("TERM", term);
        env.put("LANG", lang);
        env.put("LC_ALL", "");
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_RUNTIME_DIR", dir.toString());
        return env;
    }

    /** Runs jhosts from a shell that records the terminal modes before and after, and its exit status. */
    private Tmux start(int columns, int rows, Map<String, String> env) {
        String command = "cd " + dir + " && stty -g > before; "
                + "sh -c 'echo $$ > pid; exec \"$0\" -F \"$1\"' " + SshdFixture.launcher().toAbsolutePath() + " " + sshConfig
                + "; echo \"jhosts exited $?\"; stty -g > after.part && mv after.part after; exec sleep 600";
        tmux = Tmux.start(columns, rows, env, command);
        return tmux;
    }

    private String modes(String file) throws IOException {
        return Files.readString(dir.resolve(file)).strip();
    }

    /** {@code stty -g} after jhosts equals {@code stty -g} before it. */
    private void assertModesRestored() throws IOException {
        tmux.waitUntil(screen -> Files.exists(dir.resolve("after")), "the modes after jhosts");
        assertThat(modes("after")).isEqualTo(modes("before"));
    }

    @Test
    void showsTheHostsAndNarrowsWhileTyping() {
        start(80, 24, env("xterm-256color", "C.UTF-8"));
        String screen = tmux.waitFor("4 shown");
        assertThat(screen).contains("web1").contains("web2").contains("db-main").contains("東京");
        String webRow = screen.lines().filter(line -> line.contains("web1")).findFirst().orElseThrow();
        String wideRow = screen.lines().filter(line -> line.contains("東京")).findFirst().orElseThrow();
        assertThat(displayColumn(wideRow, "@127.0.0.1")).as("columns after a wide alias")
                .isEqualTo(displayColumn(webRow, "@127.0.0.1"));
        tmux.type("db");
        screen = tmux.waitFor("1 shown");
        assertThat(screen).contains("db-main").doesNotContain("web1");
        tmux.keys("BSpace", "BSpace", "w", "2");
        screen = tmux.waitUntil(s -> s.contains("1 shown") && s.contains("› w2"), "the filter w2");
        assertThat(screen).contains("web2").doesNotContain("db-main");
    }

    @Test
    void escapeClearsTheFilterThenQuitsAndTheTerminalModesAreRestored() throws IOException {
        start(80, 24, env("xterm-256color", "C.UTF-8"));
        tmux.waitFor("4 shown");
        tmux.type("web");
        tmux.waitFor("2 shown");
        tmux.keys("Escape");
        tmux.waitFor("4 shown");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
        assertModesRestored();
    }

    /**
     * jhosts run over ssh on a jump box gets an arrow key's three bytes with network delays
     * between them: ESC, then "[" and "B" 40 to 80 ms later. They are still one key (Down), not
     * an Esc that quits the list and two letters for the shell.
     */
    @Test
    void anArrowKeyWhoseBytesArriveApartMovesTheSelection() throws IOException {
        start(80, 24, env("xterm-256color", "C.UTF-8"));
        tmux.waitFor("4 shown");
        tmux.waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && line.contains("web1")), "web1 selected");
        tmux.typeFrom("for gap in 0.04 0.06 0.08; do printf '\\033'; sleep $gap; printf '['; sleep $gap; printf 'B';"
                + " sleep 0.2; done");
        String screen = tmux.waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && line.contains("東京"))
                || s.contains("jhosts exited"), "three Downs to select the fourth host");
        assertThat(screen).doesNotContain("jhosts exited").contains("type to filter");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
        assertModesRestored();
    }

    @Test
    void controlCQuitsAtOnce() throws IOException {
        start(80, 24, env("xterm-256color", "C.UTF-8"));
        tmux.waitFor("4 shown");
        // the picker's, not the first frame the server draws while the client's JVM starts
        tmux.waitUntilTaken();
        tmux.type("we");
        tmux.keys("C-c");
        tmux.waitFor("jhosts exited 130");
        assertModesRestored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP", "INT"})
    void aSignalRestoresTheTerminal(String signal) throws Exception {
        start(80, 24, env("xterm-256color", "C.UTF-8"));
        tmux.waitFor("4 shown");
        tmux.waitUntilTaken();
        String pid = Files.readString(dir.resolve("pid")).strip();
        Processes.Result kill = Processes.run(List.of("kill", "-s", signal, pid), Map.of(), Duration.ofSeconds(10));
        assertThat(kill.exitCode()).as(kill.describe()).isZero();
        tmux.waitFor("jhosts exited ");
        assertModesRestored();
        assertThat(tmux.screen()).doesNotContain("4 shown");
    }

    @Test
    void controlZSuspendsToTheShellAndFgBringsTheListBackAsItWas() throws IOException {
        Requirements.requireCommand("bash", "bash");
        Map<String, String> env = env("xterm-256color", "C.UTF-8");
        env.put("PS1", "ready$ ");
        tmux = Tmux.start(80, 24, env, "cd " + dir + " && exec bash --norc --noprofile -i");
        tmux.waitFor("ready$");
        tmux.type("stty -g > before; " + SshdFixture.launcher().toAbsolutePath() + " -F " + sshConfig + "\r");
        tmux.waitFor("4 shown");
        tmux.type("web");
        tmux.waitFor("2 shown");
        tmux.keys("C-z");
        tmux.waitFor("Stopped");
        tmux.type("stty -g > suspended; echo modes-$((40+2))\r");
        // the typed line shows the command; only its output shows the sum
        tmux.waitFor("modes-42");
        assertThat(modes("suspended")).as("the terminal while jhosts is stopped").isEqualTo(modes("before"));
        tmux.type("fg\r");
        String screen = tmux.waitUntil(s -> s.contains("2 shown") && s.contains("› web"), "the list with its filter");
        assertThat(screen).contains("web1").doesNotContain("db-main");
        tmux.keys("Escape", "Escape");
        tmux.waitUntil(s -> !s.contains(" shown"), "jhosts to leave the screen");
        // fg's status is the job's
        tmux.type("echo \"jhosts exited $?\"; stty -g > after.part && mv after.part after\r");
        tmux.waitFor("jhosts exited 0");
        assertModesRestored();
    }

    @Test
    void helpShowsEveryKey() {
        start(80, 24, env("xterm-256color", "C.UTF-8"));
        tmux.waitFor("4 shown");
        tmux.type("?");
        String help = tmux.waitFor("filter: fuzzy");
        assertThat(help).contains("Esc").contains("Up ^P").contains("PgUp/PgDn scroll");
        // 24 rows hold a page of it: the rest is a scroll away
        tmux.keys("PgDn");
        assertThat(tmux.waitFor("kill its pid")).contains("Tab S-Tab").contains("? F1");
        tmux.keys("End");
        String end = tmux.waitFor("send one ~");
        assertThat(end).contains("In a session").doesNotContain("filter: fuzzy");
        tmux.type("q");
        tmux.waitUntil(screen -> !screen.contains("send one ~"), "help to close");
        assertThat(tmux.screen()).contains("4 shown");
    }

    @Test
    void resizingRelaysOutTheScreen() {
        start(80, 24, env("xterm-256color", "C.UTF-8"));
        tmux.waitFor("4 shown");
        tmux.resize(60, 15);
        tmux.waitUntil(screen -> lastLine(screen).contains("Enter connect") && screen.lines().count() == 15,
                "the footer on row 15");
        tmux.resize(20, 5);
        tmux.waitUntil(screen -> screen.lines().count() == 5 && screen.contains("web1"), "a 20x5 screen with the list");
        tmux.resize(1, 1);
        tmux.resize(100, 30);
        String screen = tmux.waitUntil(s -> lastLine(s).contains("Enter connect") && s.contains("4 hosts"),
                "the full screen again");
        assertThat(screen.lines().filter(line -> line.contains("web1")).count()).isGreaterThanOrEqualTo(1);
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }

    /** The terminal column where {@code text} starts in a captured line (wide glyphs count two). */
    private static int displayColumn(String line, String text) {
        return DisplayText.width(line.substring(0, line.indexOf(text)), true);
    }

    private static String lastLine(String screen) {
        String[] lines = screen.split("\n");
        return lines[lines.length - 1];
    }

    @ParameterizedTest
    @ValueSource(strings = {"xterm-256color", "screen-256color", "tmux-256color", "linux"})
    void worksOnCommonTerminalTypes(String term) {
        start(80, 24, env(term, "C.UTF-8"));
        tmux.waitFor("4 shown");
        tmux.type("web");
        tmux.waitFor("2 shown");
        tmux.keys("Escape", "Escape");
        tmux.waitFor("jhosts exited 0");
    }

    @Test
    void noColorMeansNoColour() {
        Map<String, String> env = env("xterm-256color", "C.UTF-8");
        start(80, 24, env);
        String coloured = tmux.waitFor("4 shown");
        assertThat(tmux.screenWithAttributes()).containsPattern("\u001b\\[[0-9;]*(3[0-7]|4[0-7]|9[0-7])[;m]");
        assertThat(coloured).contains("›");
        tmux.close();
        env.put("NO_COLOR", "1");
        start(80, 24, env);
        tmux.waitFor("4 shown");
        String plain = tmux.screenWithAttributes();
        assertThat(plain).doesNotContainPattern("\u001b\\[[0-9;]*(3[0-7]|4[0-7]|9[0-7]|38;|48;)");
        assertThat(plain).contains("\u001b[7m");
    }

    @Test
    void aNonUtf8LocaleGetsAscii() {
        start(80, 24, env("xterm-256color", "C"));
        String screen = tmux.waitFor("4 shown");
        assertThat(screen).contains("> type to filter").contains("4 hosts | 4 shown").contains("??");
        assertThat(screen.chars()).allMatch(c -> c < 0x80);
    }

    /** Rows as the screen shows them: the index of the first line containing {@code text}. */
    private static int lineOf(String screen, String text) {
        List<String> lines = screen.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " in:\n" + screen);
    }

    private void writeGroupedConfig() throws IOException {
        Files.writeString(sshConfig, String.join("\n",
                "Host web1 web2   # jhosts: group=Production",
                "  HostName 127.0.0.1",
                "Host db-main     # jhosts: group=Production",
                "Host zeta alpha",
                "  HostName 127.0.0.1",
                "Host lab         # jhosts: group=Lab",
                "Host *",
                "  Port 1",
                "  BatchMode yes",
                "  IdentitiesOnly yes",
                "  IdentityFile /dev/null",
                "  UserKnownHostsFile /dev/null",
                "  GlobalKnownHostsFile /dev/null",
                ""));
    }

    @Test
    void groupsAreHeadersThatFoldWithLeftAndRight() throws IOException {
        writeGroupedConfig();
        start(80, 30, env("xterm-256color", "C.UTF-8"));
        String screen = tmux.waitFor("6 shown");
        assertThat(screen).contains("▾ Production (3)").contains("▾ no group (2)").contains("▾ Lab (1)");
        assertThat(lineOf(screen, "Production (3)")).isLessThan(lineOf(screen, "web1"));
        assertThat(lineOf(screen, "db-main")).isLessThan(lineOf(screen, "no group (2)"));
        tmux.keys("Left");
        screen = tmux.waitFor("▸ Production (3)");
        assertThat(screen).doesNotContain("web1").doesNotContain("db-main").contains("zeta").contains("lab")
                .contains("folded: Right or Enter unfolds");
        tmux.keys("Right");
        screen = tmux.waitFor("▾ Production (3)");
        assertThat(screen).contains("web1").contains("db-main");
        tmux.keys("Enter");
        tmux.waitFor("▸ Production (3)");
        tmux.type("web");
        screen = tmux.waitUntil(s -> s.contains("2 shown") && s.contains("web2"), "the filter opening the group");
        assertThat(screen).contains("▾ Production (2)");
        tmux.keys("Escape");
        tmux.waitFor("▸ Production (3)");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }

    @Test
    void theOrderKeyTogglesAlphabeticalOrder() throws IOException {
        writeGroupedConfig();
        start(80, 30, env("xterm-256color", "C.UTF-8"));
        String screen = tmux.waitFor("order: recent first");
        assertThat(lineOf(screen, "zeta")).isLessThan(lineOf(screen, "alpha"));
        assertThat(lineOf(screen, "Production (3)")).isLessThan(lineOf(screen, "no group (2)"));
        tmux.keys("F3");
        screen = tmux.waitFor("order: a-z");
        assertThat(lineOf(screen, "alpha")).isLessThan(lineOf(screen, "zeta"));
        assertThat(lineOf(screen, "no group (2)")).isLessThan(lineOf(screen, "Production (3)"));
        assertThat(lineOf(screen, "db-main")).isLessThan(lineOf(screen, "web1"));
        tmux.keys("C-o");
        screen = tmux.waitFor("order: recent first");
        assertThat(lineOf(screen, "zeta")).isLessThan(lineOf(screen, "alpha"));
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }

    @Test
    void aCorruptHistoryIsSetAsideWithAWarning() throws IOException {
        Path history = dir.resolve("state").resolve("jhosts").resolve("history");
        Files.createDirectories(history.getParent());
        Files.writeString(history, "not a history at all\n");
        start(200, 24, env("xterm-256color", "C.UTF-8"));
        String screen = tmux.waitFor("4 shown");
        assertThat(screen).contains("not a jhosts history; set aside as history.corrupt-");
        try (var files = Files.list(history.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("history.corrupt-"));
        }
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }
}

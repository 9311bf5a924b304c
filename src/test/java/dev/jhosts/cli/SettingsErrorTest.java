package dev.jhosts.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken settings file: one line naming file and line, exit 2, nothing else, for every command. */
class SettingsErrorTest {
    @TempDir
    Path dir;

    private Processes.Result jhosts(String... args) {
        return jhostsWithRuntimeDirectory(dir, args);
    }

    private Processes.Result jhostsWithRuntimeDirectory(Path runtime, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(SshdFixture.launcher().toString()));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of("XDG_CONFIG_HOME", dir.toString(), "XDG_RUNTIME_DIR", runtime.toString(),
                "XDG_STATE_HOME", dir.toString()), Duration.ofSeconds(60));
    }

    /** Settings whose third line is wrong: {@link #badSettingsLine} is what jhosts says of them. */
    private Path badSettings() throws IOException {
        Path settings = dir.resolve("bad.conf");
        Files.writeString(settings, "control-persist = 5m\n# a comment\nconnect-timeout = soon\n");
        return settings;
    }

    private static String badSettingsLine(Path settings) {
        return "jhosts: " + settings + ":3: connect-timeout: expected a duration such as 750ms, 10s or 5m, got 'soon'\n";
    }

    private Path oneHostConfig() throws IOException {
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host a\n  HostName 127.0.0.1\n");
        return sshConfig;
    }

    @Test
    void badSettingsExitTwoWithFileAndLine() throws Exception {
        Path settings = badSettings();
        Path sshConfig = oneHostConfig();
        for (List<String> args : List.<List<String>>of(List.of("list"), List.of("master", "check", "a"), List.of("connect", "a"), List.of())) {
            List<String> command = new java.util.ArrayList<>(List.of("-c", settings.toString(), "-F", sshConfig.toString()));
            command.addAll(args);
            Processes.Result result = jhosts(command.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo(badSettingsLine(settings));
        }
    }

    /**
     * A server reads its settings on a thread of its own while it takes its place: a settings
     * error is still its one line and exit 2, told before a control directory it cannot use.
     */
    @Test
    void aServerTellsBadSettingsBeforeAControlDirectoryItCannotUse() throws Exception {
        Path settings = badSettings();
        Path good = dir.resolve("good.conf");
        Files.writeString(good, "");
        Path sshConfig = oneHostConfig();
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Files.writeString(runtime.resolve("jhosts"), "a file where the control directory goes\n");

        Processes.Result bad = jhostsWithRuntimeDirectory(runtime, "-c", settings.toString(), "-F", sshConfig.toString(),
                "server", "run");
        assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(2);
        assertThat(bad.stderr()).isEqualTo(badSettingsLine(settings));

        Processes.Result placeless = jhostsWithRuntimeDirectory(runtime, "-c", good.toString(), "-F", sshConfig.toString(),
                "server", "run");
        assertThat(placeless.exitCode()).as(placeless.describe()).isEqualTo(1);
        assertThat(placeless.stderr()).isEqualTo("jhosts: control directory " + runtime.resolve("jhosts")
                + " is not a directory\n");
    }

    /** Settings that crashed, hung or got past the loader before: each one line, exit 2, for a command that uses them. */
    @Test
    void boundedSettingsProblemsAreOneLineAndExitTwo() throws Exception {
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host a\n  HostName 127.0.0.1\n");
        Path fifo = dir.resolve("fifo.conf");
        Processes.Result made = Processes.run(List.of("mkfifo", fifo.toString()), Map.of(), Duration.ofSeconds(10));
        assertThat(made.exitCode()).as(made.describe()).isZero();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("a = " + "{ a = ".repeat(5_000) + "1" + " }".repeat(5_000) + "\n",
                ":1: nested too deeply (more than 64 levels of objects, lists and key segments); jhosts' settings need at most 4");
        cases.put("ssh-binary = null\n", ":1: ssh-binary: expected a string, got null");
        cases.put("# long\nconnect-timeout = 200000d\n", ":2: connect-timeout: must be from 1s to 10m, got '200000d'");
        cases.put("include file(\"" + fifo + "\")\n",
                ":1: include of " + fifo + " refused: not a regular file (a device, FIFO or socket); not read");
        cases.put("\n\ninclude required(file(\"" + dir.resolve("missing.conf") + "\"))\n",
                ":3: include required(...): no such file " + dir.resolve("missing.conf"));
        assertEachIsOneLineAndExitTwo(dir.resolve("bad.conf"), sshConfig, cases,
                List.of(List.of("master", "start", "a"), List.of("list")));
    }

    /** Each settings text of {@code cases}, for each command of {@code commands}: exit 2 and the one line it maps to. */
    private void assertEachIsOneLineAndExitTwo(Path settings, Path sshConfig, Map<String, String> cases,
            List<List<String>> commands) throws Exception {
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            Files.writeString(settings, entry.getKey());
            for (List<String> args : commands) {
                List<String> command = new java.util.ArrayList<>(List.of("-c", settings.toString(), "-F", sshConfig.toString()));
                command.addAll(args);
                Processes.Result result = jhosts(command.toArray(String[]::new));
                assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
                assertThat(result.stdout()).isEmpty();
                assertThat(result.stderr()).isEqualTo("jhosts: " + settings + entry.getValue() + "\n");
            }
        }
    }

    /** Writes {@code bytes} to a file named {@code name} in the test's directory. */
    private Path settingsFile(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static String doubling(String first, IntFunction<String> step, int levels) {
        StringBuilder text = new StringBuilder("a0 = " + first + "\n");
        for (int level = 1; level <= levels; level++) {
            text.append("a").append(level).append(" = ").append(step.apply(level - 1)).append('\n');
        }
        return text.toString();
    }

    /**
     * Settings files that hung jhosts, crashed it with a stack trace, or were accepted (issue 20):
     * {@code jhosts list} refuses each with one line naming the file and line, and exit 2. Each run
     * is bounded (a net for a hang, not a measure of speed).
     */
    @Test
    void hostileSettingsAreOneLineWithFileAndLine() throws Exception {
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host a\n  HostName 127.0.0.1\n");
        byte[] garbage = new byte[1 << 20];
        new Random(20).nextBytes(garbage);
        Map<Path, String> cases = new LinkedHashMap<>();
        String dollar = ": a '\\$' outside quotes must start a substitution \\$\\{\\.\\.\\.\\}; put the ";
        cases.put(settingsFile("lone-dollar.conf", "$\n".getBytes(UTF_8)), ":1" + dollar + "key in double quotes to keep the '\\$'");
        cases.put(settingsFile("dollar-value.conf", "control-persist = 1m\nssh-binary = /usr/bin/ssh$\n".getBytes(UTF_8)),
                ":2" + dollar + "value in double quotes to keep the '\\$'");
        String doubled = ":[0-9]+: substitutions \\(\\$\\{\\.\\.\\.\\}\\) make the settings larger than 16 MiB once written out "
                + "\\(each copies the value it names\\); write the value out instead";
        cases.put(settingsFile("double-strings.conf", doubling("x", p -> "${a" + p + "}${a" + p + "}", 44).getBytes(UTF_8)), doubled);
        cases.put(settingsFile("double-lists.conf", doubling("[x]", p -> "${a" + p + "} ${a" + p + "}", 44).getBytes(UTF_8)), doubled);
        cases.put(settingsFile("double-objects.conf",
                doubling("{ x = 1 }", p -> "{ l = ${a" + p + "}, r = ${a" + p + "} }", 44).getBytes(UTF_8)), doubled);
        cases.put(settingsFile("garbage.conf", garbage), ":[0-9]+: not UTF-8: byte [0-9]+ of the line is 0x[0-9a-f]{2}; save the file as UTF-8");
        cases.put(settingsFile("latin1.conf", "escape-char = \"\u00a7\"\n".getBytes(StandardCharsets.ISO_8859_1)),
                ":1: not UTF-8: byte 16 of the line is 0xa7; save the file as UTF-8");
        cases.put(settingsFile("deep-key.conf", (String.join(".", Collections.nCopies(5_000, "\"a\"")) + " = 1\n").getBytes(UTF_8)),
                ":1: nested too deeply \\(more than 64 levels of objects, lists and key segments\\); jhosts' settings need at most 4");
        if (Files.isRegularFile(Path.of("/proc/self/pagemap"))) {
            cases.put(settingsFile("pagemap.conf", "\ninclude \"/proc/self/pagemap\"\n".getBytes(UTF_8)),
                    ":2: include of /proc/self/pagemap refused: cannot be read: .*");
        }
        cases.put(settingsFile("long-key.conf", ("x".repeat(3_000_000) + " = 1\n").getBytes(UTF_8)),
                ":1: unknown key 'x{77}\\.\\.\\.' \\(the settings are listed in jhosts\\(1\\), SETTINGS, and in reference.conf\\)");
        cases.put(settingsFile("concatenation.conf", ("a = " + "x ".repeat(500_000) + "\n").getBytes(UTF_8)),
                ":1: a value of more than 256 pieces \\(words, strings, substitutions\\); put it in double quotes");
        StringBuilder merges = new StringBuilder();
        for (int i = 0; i < 75_000; i++) {
            merges.append("a { x").append(i % 200).append(" = 1 }\n");
        }
        cases.put(settingsFile("merges.conf", merges.toString().getBytes(UTF_8)),
                ":[0-9]+: keys set again more than 1000 times in the settings; set each once");
        for (Map.Entry<Path, String> entry : cases.entrySet()) {
            Processes.Result result = jhosts("-c", entry.getKey().toString(), "-F", sshConfig.toString(), "list");
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).as(entry.getKey().toString())
                    .matches(Pattern.quote("jhosts: " + entry.getKey()) + entry.getValue() + "\n");
        }
    }

    /**
     * The picker with such a file (it spun at full CPU until Ctrl-C): the same line, exit 2, and
     * the terminal's modes as they were.
     */
    @Test
    void thePickerRefusesHostileSettingsAndLeavesTheTerminalAsItWas() throws Exception {
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host a\n  HostName 127.0.0.1\n");
        Path settings = settingsFile("dollar.conf", "ssh-binary = /usr/bin/ssh$\n".getBytes(UTF_8));
        String command = "cd " + dir + " && stty -g > before; " + SshdFixture.launcher().toAbsolutePath()
                + " -c " + settings + " -F " + sshConfig + "; echo \"jhosts exited $?\"; stty -g > after.part && mv after.part after; exec sleep 600";
        try (Tmux tmux = Tmux.start(200, 24, Map.of("TERM", "xterm-256color", "XDG_CONFIG_HOME", dir.toString(),
                "XDG_STATE_HOME", dir.toString(), "XDG_RUNTIME_DIR", dir.toString()), command)) {
            String screen = tmux.waitFor("jhosts exited");
            assertThat(screen).contains("jhosts: " + settings + ":1: a '$' outside quotes must start a substitution")
                    .contains("jhosts exited 2");
            tmux.waitUntil(shown -> Files.exists(dir.resolve("after")), "the modes after jhosts");
            assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
        }
    }

    /** Key bindings: an unknown key, action or mode, a clash, a renamed setting: one line, file and line, exit 2. */
    @Test
    void badKeyBindingsAreOneLineAndExitTwo() throws Exception {
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host a\n  HostName 127.0.0.1\n");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("keys {\n  list {\n    connect = \"C-o\"\n    order = [F3, \"C-o\"]\n  }\n}\n",
                ":4: keys: ^O is bound to both list.connect and list.order");
        cases.put("keys.list.help = \"c\"\nkeys.status-pane.check = c\n",
                ":2: keys: c is bound to both list.help and status-pane.check (both work in status-pane)");
        cases.put("keys {\n  list {\n    connect = [Enter,\n      Hyper-x]\n  }\n}\n",
                ":4: keys.list.connect: unknown key 'Hyper-x' (keys: Enter, Esc, Tab, S-Tab, Backspace, Delete, Up, Down, "
                        + "Left, Right, PgUp, PgDn, Home, End, Space, F1 to F12, C-a to C-z, or one printable character)");
        cases.put("\nkeys { list { conect = Enter } }\n",
                ":2: keys.list: unknown action 'conect' (the actions: up, down, page-up, page-down, first, last, connect, "
                        + "new-session, tmux, fold, unfold, order, mark, mark-all, clear-marks, run, results, edit-host, add-host, "
                        + "delete-char, delete-word, clear-filter, clear-or-quit, help, masters, toggle-masters, files)");
        cases.put("keys { lists { connect = Enter } }\n",
                ":1: keys: unknown mode 'lists' (the modes: picker, list, status-pane, forwards, results, dialogs, forms, "
                        + "files, session)");
        cases.put("keys { files { open = Enter } }\n", ":1: keys.files: unknown action 'open' (the actions: up, down, "
                + "page-up, page-down, first, last, switch, enter, up-folder, mark, copy, rename, make-folder, delete, stop-copy, "
                + "reload, close)");
        cases.put("keys { session { detach = [F11, F12] } }\n",
                ":1: keys.session.detach: a session's action takes one key (or none), got 2");
        cases.put("keys { session { detach = Enter } }\n",
                ":1: keys.session.detach: unknown key 'Enter' (a session's keys: C-x (C-a to C-z, C-\\, C-], C-^, C-_), "
                        + "F1 to F12, S-F1 to S-F12, or none)");
        cases.put("keys.forms.submit = [Enter, q]\n",
                ":1: keys.forms.submit: 'q' is a character, which forms cannot take: it could not be typed in a filter, "
                        + "a command or a password");
        Path settings = dir.resolve("keys.conf");
        assertEachIsOneLineAndExitTwo(settings, sshConfig, cases, List.of(List.of("list"), List.of()));
        Files.writeString(settings, "keys { list { connect = [Enter, \"C-o\"] }, session { detach = \"C-]\" } }\n");
        Processes.Result fine = jhosts("-c", settings.toString(), "-F", sshConfig.toString(), "list");
        assertThat(fine.exitCode()).as(fine.describe()).isZero();
    }

    @Test
    void defaultSettingsFileIsRead() throws Exception {
        Path settings = dir.resolve("jhosts/jhosts.conf");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "unknown-thing = 1\n");
        Processes.Result result = jhosts("-F", "/dev/null", "list");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("jhosts: " + settings + ":1: unknown key 'unknown-thing' "
                + "(the settings are listed in jhosts(1), SETTINGS, and in reference.conf)\n");
    }

    @Test
    void usageErrorsExitTwo() {
        Processes.Result result = jhosts("master", "frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("jhosts: ");
        assertThat(jhosts("--version").stdout()).startsWith("jhosts ");
        assertThat(jhosts("--help").stdout()).contains("connect", "master", "forward", "list");
    }
}

package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken settings file: one line naming file and line, exit 2, nothing else, for every command. */
class SettingsErrorTest {
    @TempDir
    Path dir;

    private Processes.Result jhosts(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(SshdFixture.launcher().toString()));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of("XDG_CONFIG_HOME", dir.toString(), "XDG_RUNTIME_DIR", dir.toString(),
                "XDG_STATE_HOME", dir.toString()), Duration.ofSeconds(60));
    }

    @Test
    void badSettingsExitTwoWithFileAndLine() throws Exception {
        Path settings = dir.resolve("bad.conf");
        Files.writeString(settings, "control-persist = 5m\n# a comment\nconnect-timeout = soon\n");
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host a\n  HostName 127.0.0.1\n");
        for (List<String> args : List.<List<String>>of(List.of("list"), List.of("master", "check", "a"), List.of("connect", "a"), List.of())) {
            List<String> command = new java.util.ArrayList<>(List.of("-c", settings.toString(), "-F", sshConfig.toString()));
            command.addAll(args);
            Processes.Result result = jhosts(command.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("jhosts: " + settings + ":3: connect-timeout: expected a duration "
                    + "such as 750ms, 10s or 5m, got 'soon'\n");
        }
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
                        + "new-session, tmux, fold, unfold, order, mark, mark-all, clear-marks, run, results, delete-char, "
                        + "delete-word, clear-filter, clear-or-quit, help, masters, toggle-masters)");
        cases.put("keys { lists { connect = Enter } }\n",
                ":1: keys: unknown mode 'lists' (the modes: picker, list, status-pane, forwards, results, dialogs, forms, "
                        + "files, session)");
        cases.put("keys { files { open = Enter } }\n", ":1: keys.files: unknown action 'open' (files has no actions yet)");
        cases.put("keys { session { detach = [F11, F12] } }\n",
                ":1: keys.session.detach: a session's action takes one key (or none), got 2");
        cases.put("keys { session { detach = Enter } }\n",
                ":1: keys.session.detach: unknown key 'Enter' (a session's keys: C-x (C-a to C-z, C-\\, C-], C-^, C-_), "
                        + "F1 to F12, S-F1 to S-F12, or none)");
        cases.put("keys.forms.submit = [Enter, q]\n",
                ":1: keys.forms.submit: 'q' is a character, which forms cannot take: it could not be typed in a filter, "
                        + "a command or a password");
        cases.put("# old\ndetach-key = \"^]\"\n",
                ":2: detach-key is now written in the keys block: keys { session { detach = ... } }");
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

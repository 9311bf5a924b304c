package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keys rebound in the settings, in the built {@code target/jhosts} in a real terminal (tmux)
 * against a real sshd: the new key does the action, the key it took no longer does the old
 * one, and the help and the footer show the bindings in force.
 */
class KeysInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Pattern PROMPT = Pattern.compile("(?m)^\\S+@\\S+[#$] ?$");

    private Tmux tmux;

    private void launch(String settings) throws IOException {
        Path sshConfig = SSHD.writeSshConfig("keys_config", "");
        Path settingsFile = SSHD.dir().resolve("keys.conf");
        Files.writeString(settingsFile, settings);
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("PS1", "$ ");
        tmux = Tmux.start(80, 24, env, SshdFixture.launcher().toAbsolutePath() + " -F " + sshConfig + " -c " + settingsFile
                + "; echo \"jhosts exited $?\"; exec sleep 600");
    }

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void connectBoundToCtrlOOpensASessionAndTheOrderKeepsF3() throws IOException {
        launch("keys { list { connect = [Enter, \"C-o\"] } }\n");
        tmux.waitUntil(screen -> screen.lines().anyMatch(line -> line.contains(SshdFixture.HOST) && line.contains(" live ")),
                "testhost's live master");
        tmux.type("?");
        String help = tmux.waitFor("filter: fuzzy");
        assertThat(help).containsPattern("Enter \\^O +connect").containsPattern("F3 +order");
        tmux.keys("Escape");
        tmux.waitUntil(screen -> !screen.contains("filter: fuzzy"), "the help to close");
        tmux.keys("C-o");
        tmux.waitUntil(screen -> !screen.contains("Enter connect") && PROMPT.matcher(screen).find(),
                "the remote shell's prompt after C-o");
        tmux.type("echo bound-$((40+2))");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> screen.lines().anyMatch(line -> line.strip().equals("bound-42")), "the remote shell's answer");
        tmux.type("exit");
        tmux.keys("Enter");
        String list = tmux.waitFor("session ended");
        assertThat(list).contains("order: recent first").contains("Enter connect");
        tmux.keys("F3");
        tmux.waitFor("order: a-z");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }

    @Test
    void aReboundHelpKeyAndADetachKeyShowInTheHelp() throws IOException {
        launch("keys {\n  list { help = [F1, h], masters = [] }\n  session { detach = \"C-]\" }\n}\n");
        tmux.waitFor("Enter connect");
        assertThat(tmux.screen()).as("an unbound action leaves the footer").doesNotContain("Tab masters")
                .contains("F1 help");
        tmux.keys("Tab");
        tmux.type("h");
        tmux.waitFor("filter: fuzzy");
        tmux.keys("PgDn");
        String help = tmux.waitFor("this help");
        assertThat(help).containsPattern("F1 h +this help").doesNotContain("go to the status pane");
        tmux.keys("End");
        String end = tmux.waitFor("In a session");
        assertThat(end).containsPattern("\\^\\] +detach");
        tmux.keys("q");
        tmux.waitUntil(screen -> !screen.contains("In a session"), "the help to close");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }
}

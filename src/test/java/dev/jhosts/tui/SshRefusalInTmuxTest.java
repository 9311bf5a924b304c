package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config OpenSSH refuses (a bad cipher list) lists its hosts at once, then the status line
 * says that ssh refuses it, with ssh's own line naming file and line; F1 lists it (at the end of the help) with the
 * other warnings. A second picker of the same server says it too (from the answer ssh gave the first).
 */
class SshRefusalInTmuxTest {
    @TempDir
    Path dir;

    private Tmux tmux;
    private Tmux second;

    @AfterEach
    void closeTmux() {
        if (second != null) {
            second.close();
        }
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void theStatusLineGivesSshsLineWhenSshRefusesTheConfig() throws Exception {
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, String.join("\n",
                "Host web1",
                "  HostName 127.0.0.1",
                "Host *",
                "  Port 1",
                "  BatchMode yes",
                "  Ciphers nonesuch",
                ""));
        Map<String, String> env = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8", "LC_ALL", "",
                "XDG_CONFIG_HOME", dir.resolve("config").toString(), "XDG_STATE_HOME", dir.resolve("state").toString(),
                "XDG_RUNTIME_DIR", dir.toString());
        tmux = Tmux.start(200, 30, env, SshdFixture.launcher().toAbsolutePath() + " -F " + sshConfig + "; exec sleep 600");

        String screen = tmux.waitFor("ssh refuses this config");

        assertThat(screen).contains("web1").contains("line 6: Bad SSH2 cipher spec 'nonesuch'");
        tmux.keys("F1");
        tmux.keys("End"); // the warnings close the help, which scrolls
        assertThat(tmux.waitFor("Bad SSH2 cipher spec")).contains(sshConfig + " line 6");

        second = Tmux.start(200, 30, env, SshdFixture.launcher().toAbsolutePath() + " -F " + sshConfig + "; exec sleep 600");
        assertThat(second.waitFor("ssh refuses this config")).contains("web1");
    }
}

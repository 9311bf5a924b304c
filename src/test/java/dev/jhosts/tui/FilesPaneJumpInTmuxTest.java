package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.JumpConfig;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The files pane on a host behind a bastion (its master rides the bastion's, one bastion login),
 * and on a host that cannot be reached (the reason in the pane, the picker goes on).
 */
class FilesPaneJumpInTmuxTest {
    @RegisterExtension
    static final SshdFixture BASTION = new SshdFixture();

    @RegisterExtension
    static final SshdFixture TARGET = new SshdFixture();

    private final String remoteName = "!jhosts-files-jump-" + ProcessHandle.current().pid();
    private Path config;
    private Path remote;
    private Tmux tmux;

    @AfterEach
    void stop() throws IOException {
        if (tmux != null) {
            tmux.close();
        }
        for (String host : new String[] {"t1", "bastion"}) {
            TARGET.jhosts(Duration.ofSeconds(30), "-F", config.toString(), "master", "exit", "--force", host);
        }
        if (remote != null) {
            Files.deleteIfExists(remote.resolve("there.txt"));
            Files.deleteIfExists(remote);
        }
    }

    private void start(Path local) throws IOException {
        config = new JumpConfig(BASTION, TARGET)
                .behind("t1", -1, "bastion")
                // nothing listens on port 1
                .host("dead", BASTION, 1, "")
                .write("files_jump_config");
        Path settings = TARGET.dir().resolve("files-jump.conf");
        Files.writeString(settings, "prelaunch-delay = 1m\n");
        Map<String, String> env = new TreeMap<>(TARGET.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        tmux = Tmux.start(140, 30, env, "cd " + local + " && " + SshdFixture.launcher().toAbsolutePath() + " -F " + config
                + " -c " + settings + "; echo \"jhosts exited $?\"; exec sleep 600");
        tmux.waitFor("3 shown");
    }

    @Test
    void aHostBehindTheBastionIsBrowsedAndCopiedFromThroughItsMaster() throws IOException {
        remote = Files.createDirectories(Path.of(System.getProperty("user.home")).resolve(remoteName));
        Files.writeString(remote.resolve("there.txt"), "through the bastion\n");
        Path local = Files.createDirectories(TARGET.dir().resolve("local-jump"));
        start(local);
        long loginsBefore = JumpConfig.authentications(BASTION);
        tmux.type("t1");
        tmux.waitFor("1 shown");
        tmux.keys("F6");
        tmux.waitFor(remoteName + "/");
        for (int i = 0; i < 300 && !tmux.screen().lines().anyMatch(l -> l.startsWith("›") && l.contains(remoteName)); i++) {
            tmux.keys("Down");
        }
        tmux.keys("Enter");
        tmux.waitFor("there.txt");
        tmux.keys("F5");
        tmux.waitFor("copied down: 1 file");
        assertThat(local.resolve("there.txt")).hasContent("through the bastion");
        assertThat(JumpConfig.authentications(BASTION) - loginsBefore).as("bastion logins").isEqualTo(1);
        tmux.keys("Escape");
        tmux.waitUntil(s -> !s.contains("files: "), "the pane closed");
        tmux.waitFor("via bastion");
    }

    @Test
    void aHostThatCannotBeReachedSaysWhyInThePane() throws IOException {
        start(Files.createDirectories(TARGET.dir().resolve("local-dead")));
        tmux.type("dead");
        tmux.waitFor("1 shown");
        tmux.keys("F6");
        // the probe's line in the details says "Connection refused" already: wait for the pane's own
        tmux.waitUntil(s -> s.contains("files: dead") && s.contains("Connection refused"), "the pane's reason");
        tmux.keys("Escape");
        tmux.waitUntil(s -> !s.contains("files: "), "the pane closed");
        tmux.keys("C-u", "Escape");
        tmux.waitFor("jhosts exited 0");
    }
}

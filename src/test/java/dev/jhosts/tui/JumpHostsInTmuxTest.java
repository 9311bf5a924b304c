package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.JumpConfig;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The picker with hosts behind a bastion: prelaunch brings the bastion up too, the pane shows who rides whom, and ending the bastion asks. */
class JumpHostsInTmuxTest {
    @RegisterExtension
    static final SshdFixture BASTION = new SshdFixture();

    @RegisterExtension
    static final SshdFixture TARGET = new SshdFixture(1);

    private Tmux tmux;

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
        for (String host : new String[] {"t1", "t2", "bastion"}) {
            TARGET.jhosts(Duration.ofSeconds(30), "-F", TARGET.dir().resolve("tui_jump_config").toString(),
                    "master", "exit", "--force", host);
        }
    }

    @Test
    void thePaneShowsWhoRidesTheBastionAndExitingItAsksAndCutsThem() throws Exception {
        Path config = new JumpConfig(BASTION, TARGET)
                .behind("t1", -1, "bastion")
                .behind("t2", 0, "bastion")
                .write("tui_jump_config");
        Path settings = TARGET.dir().resolve("jump.conf");
        Files.writeString(settings, "prelaunch = [t1, t2]\n");
        long loginsBefore = JumpConfig.authentications(BASTION);
        Map<String, String> env = new TreeMap<>(TARGET.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        tmux = Tmux.start(160, 30, env, SshdFixture.launcher().toAbsolutePath() + " -F " + config + " -c " + settings
                + "; echo \"jhosts exited $?\"; exec sleep 600");

        String screen = tmux.waitFor("jump for t1,t2");
        assertThat(screen).contains("via bastion");
        assertThat(JumpConfig.authentications(BASTION) - loginsBefore).as("bastion logins").isEqualTo(1);

        tmux.keys("Tab", "Home");
        tmux.waitUntil(s -> s.lines().anyMatch(line -> line.contains("›") && line.contains("bastion")
                && line.contains("jump for")), "the bastion selected in the pane");
        tmux.type("x");
        screen = tmux.waitFor("Riding it:");
        assertThat(screen).contains("t1", "t2", "they are cut");
        tmux.type("n");
        tmux.waitFor("exit cancelled");
        tmux.type("x");
        tmux.waitFor("Riding it:");
        tmux.type("y");
        tmux.waitUntil(s -> s.contains("bastion: master exited") && !s.contains("── masters"),
                "the bastion gone and the pane with it");
        tmux.keys("Down");
        screen = tmux.waitFor("cut: via bastion, whose master was exited");
        assertThat(screen).contains("── t1");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }
}

package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The picker shows what probes found before Enter: a round trip, a refused port, a CHANGED key (and Enter asks). */
class ProbesInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private Tmux tmux;

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void rowsAndDetailsShowProbesAndEnterOnAChangedKeyAsksFirst() throws Exception {
        Path otherKey = SSHD.dir().resolve("other_host_key");
        Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()), Map.of(),
                Duration.ofSeconds(30));
        Path wrongKnownHosts = SSHD.dir().resolve("wrong_known_hosts");
        Files.writeString(wrongKnownHosts, "[127.0.0.1]:" + SSHD.port() + " " + Files.readString(Path.of(otherKey + ".pub")));
        String options = SSHD.hostOptions();
        Path config = SSHD.writeSshConfig("probe_config",
                "Host changed\n" + options.replace("UserKnownHostsFile ", "UserKnownHostsFile " + wrongKnownHosts + " #")
                        + "Host closed\n  HostName 127.0.0.1\n  Port 1\n");
        Path settings = SSHD.dir().resolve("probe.conf");
        Files.writeString(settings, "prelaunch-delay = 1m\n");
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        tmux = Tmux.start(120, 30, env, SshdFixture.launcher().toAbsolutePath() + " -F " + config + " -c " + settings
                + "; echo \"jhosts exited $?\"; exec sleep 600");

        String screen = tmux.waitUntil(s -> s.contains("KEY CHANGED") && s.contains("refused") && s.matches("(?s).*testhost.*\\dms.*"),
                "probe notes on all three rows");
        assertThat(screen).contains("Probe reachable", "host key known");
        tmux.type("changed");
        tmux.waitFor("1 shown");
        screen = tmux.waitFor("HOST KEY CHANGED");
        tmux.keys("Enter");
        screen = tmux.waitFor("host key changed");
        assertThat(screen).contains("ssh-keygen -f '" + wrongKnownHosts + "' -R '[127.0.0.1]:" + SSHD.port() + "'");
        tmux.type("n");
        tmux.waitFor("not connected (host key changed)");
        tmux.keys("C-c");
        tmux.waitFor("jhosts exited 130");
    }
}

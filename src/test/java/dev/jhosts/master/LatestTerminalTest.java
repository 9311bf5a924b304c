package dev.jhosts.master;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.testing.SshdFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The masters a server makes take the agent and display of the terminal the user came from
 * last, not of the one that started the server long ago (tmux's update-environment).
 */
class LatestTerminalTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @Test
    void beforeAnyTerminalTheProcessEnvironmentStandsAfterOneItsAgentAndDisplayDo() {
        LatestTerminal latest = new LatestTerminal();
        Map<String, String> environment = new HashMap<>(Map.of("SSH_AUTH_SOCK", "/run/old/agent", "DISPLAY", ":0",
                "PATH", "/usr/bin"));
        latest.applyTo(environment);
        assertThat(environment).containsEntry("SSH_AUTH_SOCK", "/run/old/agent").containsEntry("DISPLAY", ":0");

        latest.cameFrom(Map.of("SSH_AUTH_SOCK", "/run/new/agent", "TERM", "xterm"));
        latest.applyTo(environment);
        assertThat(environment).containsEntry("SSH_AUTH_SOCK", "/run/new/agent")
                .doesNotContainKey("DISPLAY")
                .doesNotContainKey("TERM")
                .containsEntry("PATH", "/usr/bin");
    }

    @Test
    void aMasterMadeAfterATerminalCameHasThatTerminalsAgent() throws Exception {
        Locations locations = Locations.of(SSHD.jhostsEnv(), SSHD.dir());
        Settings settings = new SettingsLoader(locations).loadDefault();
        HostConfigs hosts = new HostConfigs(new SshOptionsResolver(settings.sshBinary(), SSHD.sshConfig()),
                HostOptions.none());
        LatestTerminal latest = new LatestTerminal();
        Path agent = SSHD.dir().resolve("latest-terminal-agent.sock");
        latest.cameFrom(Map.of("SSH_AUTH_SOCK", agent.toString()));
        try (Masters masters = new Masters(settings, SSHD.sshConfig(), ControlDirectory.prepare(settings.controlDirectory()),
                hosts, latest)) {
            MasterState state = masters.start(HOST).get(60, TimeUnit.SECONDS);
            assertThat(state).isInstanceOf(MasterState.Live.class);
            long pid = ((MasterState.Live) state).pid();
            List<String> environment = Arrays.asList(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid),
                    "environ")), StandardCharsets.UTF_8).split("\0"));
            assertThat(environment).contains("SSH_AUTH_SOCK=" + agent);
            masters.exit(masters.controlPath(HOST).socket(), false);
        }
    }
}

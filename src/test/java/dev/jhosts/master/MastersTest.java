package dev.jhosts.master;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The masters in process, against a real sshd: events, sharing, discovery, parallel launches. */
class MastersTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static Masters manager(Path sshConfig) throws Exception {
        Locations locations = Locations.of(SSHD.jhostsEnv(), SSHD.dir());
        Settings settings = new SettingsLoader(locations).loadDefault();
        HostConfigs hosts = new HostConfigs(new SshOptionsResolver(settings.sshBinary(), sshConfig), HostOptions.none());
        return new Masters(settings, sshConfig, ControlDirectory.prepare(settings.controlDirectory()), hosts);
    }

    @Test
    void startPublishesStartingThenLiveForEveryAliasOfTheSocketAndDiscoveryNoticesTheEnd() throws Exception {
        Path config = SSHD.writeSshConfig("aliases_config", "Host other\n" + SSHD.hostOptions());
        List<MasterEvent> events = new CopyOnWriteArrayList<>();
        try (Masters masters = manager(config)) {
            masters.addListener(events::add);
            masters.controlPath("other");
            MasterState state = masters.start(HOST).get(60, TimeUnit.SECONDS);
            assertThat(state).isInstanceOf(MasterState.Live.class);
            // listeners hear changes on the store's own thread: wait (bounded) for them to arrive
            long heard = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!events.containsAll(List.of(new MasterEvent(HOST, state), new MasterEvent("other", state)))
                    && System.nanoTime() < heard) {
                Thread.sleep(10);
            }
            assertThat(events).first().isEqualTo(new MasterEvent(HOST, new MasterState.Starting()));
            assertThat(events).contains(new MasterEvent(HOST, state), new MasterEvent("other", state));
            assertThat(masters.state("other")).isEqualTo(state);

            List<MasterInfo> found = masters.discover(List.of(HOST, "other"));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).aliases()).containsExactlyInAnyOrder(HOST, "other");
            assertThat(found.get(0).startedByJhosts()).isTrue();

            // Both aliases reach the same place, so the second start reuses the master.
            assertThat(masters.start("other").get(60, TimeUnit.SECONDS)).isEqualTo(state);

            masters.exit(found.get(0).socket(), false);
            long pid = ((MasterState.Live) state).pid();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            events.clear();
            assertThat(masters.discover(List.of(HOST, "other"))).isEmpty();
            assertThat(masters.state(HOST)).isEqualTo(new MasterState.None());
        }
    }

    @Test
    void aFailedLaunchCarriesSshsReason() throws Exception {
        Path config = SSHD.writeSshConfig("refused_config", "Host closed\n  HostName 127.0.0.1\n  Port 1\n  BatchMode yes\n");
        try (Masters masters = manager(config)) {
            MasterState state = masters.start("closed").get(60, TimeUnit.SECONDS);
            assertThat(state).isInstanceOf(MasterState.Failed.class);
            MasterState.Failed failed = (MasterState.Failed) state;
            assertThat(failed.reason()).contains("Connection refused");
            assertThat(failed.needsPrompt()).isFalse();
            // Discovery finds no master there, but the failure and its reason stay.
            masters.discover(List.of("closed"));
            assertThat(masters.state("closed")).isEqualTo(failed);
        }
    }

    @Test
    void anUnknownHostKeyNeedsAPrompt() throws Exception {
        // localhost, not 127.0.0.1: another socket than testhost's, whatever master an earlier test left
        Path config = SSHD.writeSshConfig("unknown_key_config", "Host stranger\n  HostName localhost\n  Port "
                + SSHD.port() + "\n  IdentityFile " + SSHD.clientKey() + "\n  UserKnownHostsFile /dev/null\n"
                + "  StrictHostKeyChecking ask\n");
        try (Masters masters = manager(config)) {
            MasterState state = masters.start("stranger").get(60, TimeUnit.SECONDS);
            assertThat(state).isInstanceOf(MasterState.Failed.class);
            assertThat(((MasterState.Failed) state).needsPrompt()).as(state.toString()).isTrue();
        }
    }
}

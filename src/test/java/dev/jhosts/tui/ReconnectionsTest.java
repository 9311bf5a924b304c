package dev.jhosts.tui;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.HostOptions;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.TcpRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Masters made again for lost sessions, against the test sshd: the master made in the
 * background and the sessions told once; a host whose master needs the user left to the user
 * until a master of it is live some other way; a path that comes back bringing the next try at once.
 */
class ReconnectionsTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** What the sessions heard, and whether they still wait. */
    private static final class Heard implements Reconnections.Renewal {
        final List<String> news = new CopyOnWriteArrayList<>();
        volatile boolean waiting = true;

        @Override
        public void masterBack(String alias, Path socket, long pid) {
            news.add("back " + alias + " " + pid);
            waiting = false;
        }

        @Override
        public void needsYou(String alias) {
            news.add("needs you " + alias);
        }

        @Override
        public boolean waiting(String alias) {
            return waiting;
        }
    }

    private static Masters masters(Path sshConfig) throws Exception {
        Locations locations = Locations.of(SSHD.jhostsEnv(), SSHD.dir());
        Settings settings = new SettingsLoader(locations).loadDefault();
        HostConfigs hosts = new HostConfigs(new SshOptionsResolver(settings.sshBinary(), sshConfig), HostOptions.none());
        return new Masters(settings, sshConfig, ControlDirectory.prepare(settings.controlDirectory()), hosts);
    }

    @Test
    void theMasterOfALostHostIsMadeAgainAndItsSessionsToldOnce() throws Exception {
        Heard heard = new Heard();
        try (Masters masters = masters(SSHD.sshConfig());
             Reconnections reconnections = new Reconnections(masters, LIMIT, heard, problem -> { })) {
            reconnections.lost(HOST);
            await(() -> !heard.news.isEmpty(), "the master made again");
            MasterState state = masters.state(HOST);
            assertThat(state).isInstanceOf(MasterState.Live.class);
            assertThat(heard.news).containsExactly("back " + HOST + " " + ((MasterState.Live) state).pid());
            await(() -> !reconnections.underWay(HOST), "the host's tries ended");
            masters.exit(masters.controlPath(HOST).socket(), false);
        }
    }

    @Test
    void aHostWhoseMasterNeedsYouIsLeftToYouUntilAMasterOfItIsLive() throws Exception {
        // "locked" has no key the server takes; it shares its ControlPath with the host that has one
        Path socket = SSHD.dir().resolve("shared.sock");
        Path config = SSHD.writeSshConfig("locked_config", "  ControlPath " + socket + "\n"
                + "Host locked\n" + SSHD.hostOptions().replace(SSHD.clientKey().toString(), SSHD.dir().resolve("no_such_key").toString())
                + "  PreferredAuthentications publickey\n  ControlPath " + socket + "\n");
        Heard heard = new Heard();
        try (Masters masters = masters(config);
             Reconnections reconnections = new Reconnections(masters, LIMIT, heard, problem -> { })) {
            reconnections.lost("locked");
            await(() -> heard.news.contains("needs you locked"), "the host left to the user");
            assertThat(masters.state("locked")).isInstanceOf(MasterState.Failed.class);
            assertThat(reconnections.underWay("locked")).isTrue();

            // the user makes a master of it (here: through the alias that shares its socket)
            MasterState live = masters.start(HOST).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(live).isInstanceOf(MasterState.Live.class);
            await(() -> heard.news.contains("back locked " + ((MasterState.Live) live).pid()), "the sessions told");
            assertThat(heard.news).containsExactly("needs you locked", "back locked " + ((MasterState.Live) live).pid());
            masters.exit(socket, false);
        }
    }

    @Test
    void aPathThatComesBackBringsTheNextTryAtOnce() throws Exception {
        try (TcpRelay relay = new TcpRelay(SSHD.port())) {
            Path config = SSHD.writeSshConfig("relayed_config", "Host relayed\n"
                    + SSHD.hostOptions().replace("  Port " + SSHD.port() + "\n", "  Port " + relay.port() + "\n")
                    + "  HostKeyAlias [127.0.0.1]:" + SSHD.port() + "\n");
            Heard heard = new Heard();
            relay.down(true);
            // the first try ten minutes away: only the path's return brings one within the test's limit
            try (Masters masters = masters(config);
                 Reconnections reconnections = new Reconnections(masters, LIMIT, heard, problem -> { },
                         Duration.ofMinutes(10))) {
                reconnections.lost("relayed");
                // long enough for the path to be found down at least once
                Thread.sleep(2 * Reconnections.PATH_WATCH.toMillis() + 500);
                assertThat(heard.news).isEmpty();
                relay.down(false);
                await(() -> !heard.news.isEmpty(), "the master made again once the path came back");
                assertThat(masters.state("relayed")).isInstanceOf(MasterState.Live.class);
                masters.exit(masters.controlPath("relayed").socket(), false);
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + LIMIT.toSeconds() + "s for " + what);
            }
            Thread.sleep(20);
        }
    }
}

package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostOrderingTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path dir;

    private static Host host(String alias, boolean favourite) {
        return new Host(alias, alias, "me", 22, "", List.of(), "", "", favourite, false, Path.of("/config"), 1);
    }

    @Test
    void favouritesThenFrecencyThenConfigOrder() throws IOException {
        History history = History.load(dir);
        history.recordConnect("often", NOW.minus(Duration.ofDays(2)));
        history.recordConnect("often", NOW.minus(Duration.ofDays(3)));
        history.recordConnect("often", NOW.minus(Duration.ofDays(4)));
        history.recordConnect("recent", NOW.minus(Duration.ofMinutes(5)));
        history.recordConnect("old", NOW.minus(Duration.ofDays(90)));
        history.recordConnect("fav-used", NOW.minus(Duration.ofMinutes(1)));
        List<Host> config = List.of(host("zeta", false), host("old", false), host("fav-unused", true),
                host("recent", false), host("alpha", false), host("often", false), host("fav-used", true));

        List<Host> sorted = HostOrdering.frecency(history, NOW).sort(config);

        assertThat(sorted).extracting(Host::alias)
                .containsExactly("fav-used", "fav-unused", "often", "recent", "old", "zeta", "alpha");
    }

    @Test
    void recentConnectsWeighMoreThanOldOnes() {
        double fresh = HostOrdering.score(new History.Visits(1, List.of(NOW.minus(Duration.ofHours(1)))), NOW);
        double dayOld = HostOrdering.score(new History.Visits(1, List.of(NOW.minus(Duration.ofHours(20)))), NOW);
        double ancient = HostOrdering.score(new History.Visits(1, List.of(NOW.minus(Duration.ofDays(400)))), NOW);
        double frequentAncient = HostOrdering.score(new History.Visits(50, List.of(NOW.minus(Duration.ofDays(400)))), NOW);

        assertThat(fresh).isGreaterThan(dayOld);
        assertThat(dayOld).isGreaterThan(ancient);
        assertThat(frequentAncient).isGreaterThan(fresh);
        assertThat(HostOrdering.score(new History.Visits(0, List.of()), NOW)).isZero();
    }

    @Test
    void alphabeticalKeepsFavouritesFirstAndIgnoresCase() {
        List<Host> config = List.of(host("beta", false), host("Alpha", false), host("zed", true), host("alpha", false));

        assertThat(HostOrdering.alphabetical().sort(config)).extracting(Host::alias)
                .containsExactly("zed", "Alpha", "alpha", "beta");
    }
}

package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnEmptyHistory() {
        History history = History.load(dir.resolve("state/jhosts"));

        assertThat(history.all()).isEmpty();
        assertThat(history.warnings()).isEmpty();
    }

    @Test
    void connectsAreSavedAndReadBack() throws IOException {
        Path state = dir.resolve("state/jhosts");
        History history = History.load(state);
        history.recordConnect("web1", T0);
        history.recordConnect("web1", T0.plusSeconds(60));
        history.recordConnect("db", T0.plusSeconds(30));

        History again = History.load(state);

        assertThat(again.visits("web1")).hasValue(new History.Visits(2, List.of(T0.plusSeconds(60), T0)));
        assertThat(again.visits("db")).hasValue(new History.Visits(1, List.of(T0.plusSeconds(30))));
        assertThat(again.visits("other")).isEmpty();
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void onlyTheMostRecentConnectsAreKeptButAllAreCounted() throws IOException {
        History history = History.load(dir);
        for (int i = 0; i < History.KEPT_CONNECTS + 5; i++) {
            history.recordConnect("busy", T0.plusSeconds(i));
        }

        History.Visits visits = History.load(dir).visits("busy").orElseThrow();

        assertThat(visits.connects()).isEqualTo(History.KEPT_CONNECTS + 5);
        assertThat(visits.recent()).hasSize(History.KEPT_CONNECTS)
                .startsWith(T0.plusSeconds(History.KEPT_CONNECTS + 4));
    }

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        History history = History.load(dir);
        history.recordConnect("a", T0);
        history.recordConnect("b", T0);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("history", "history.lock");
        }
        assertThat(Files.readString(dir.resolve("history"))).startsWith("jhosts-history 1\n").contains("a\t1\t").contains("b\t1\t");
    }

    @Test
    void connectsRecordedByAnotherJhostsAreKept() throws IOException {
        History first = History.load(dir);
        History second = History.load(dir);
        first.recordConnect("from-first", T0);
        second.recordConnect("from-second", T0);

        assertThat(History.load(dir).all()).containsOnlyKeys("from-first", "from-second");
    }

    @Test
    void aCorruptFileIsSetAsideWithAWarning() throws IOException {
        byte[] garbage = "not a history\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("history"), garbage);

        History history = History.load(dir);

        assertThat(history.all()).isEmpty();
        assertThat(history.warnings()).singleElement().asString().contains("set aside as history.corrupt-");
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("history.corrupt-")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        }
        history.recordConnect("fresh", T0);
        assertThat(History.load(dir).all()).containsOnlyKeys("fresh");
    }

    @Test
    void aLineThatDoesNotParseMakesTheFileCorrupt() throws IOException {
        Files.writeString(dir.resolve("history"), "jhosts-history 1\nweb1\t2\t1700000000\nweb2\tmany\t1\n");

        History history = History.load(dir);

        assertThat(history.all()).isEmpty();
        assertThat(history.warnings()).hasSize(1);
        assertThat(dir.resolve("history")).doesNotExist();
    }

    @Test
    void aliasesThatCannotBeStoredAreRefused() {
        History history = History.load(dir);

        assertThatThrownBy(() -> history.recordConnect("tab\there", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.recordConnect("", T0)).isInstanceOf(IllegalArgumentException.class);
    }
}

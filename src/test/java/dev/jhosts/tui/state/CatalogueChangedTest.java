package dev.jhosts.tui.state;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A source answers while the picker runs: its hosts join the list, the filter and the selection stay. */
class CatalogueChangedTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    private ViewState state = ViewState.initial(List.of(host("web1"), host("db1"), host("web2")), List.of(),
            new ScreenSize(100, 30), T0, Duration.ofMillis(300));

    private void apply(UiEvent event) {
        state = Update.update(Keymap.defaults(), state, event).state();
    }

    private void type(String text) {
        text.chars().forEach(c -> apply(new UiEvent.KeyPressed(Key.typed((char) c))));
    }

    private List<String> shown() {
        return state.list().matches().stream().map(match -> match.host().alias()).toList();
    }

    private String selected() {
        return state.list().selectedMatch().map(match -> match.host().alias()).orElse("");
    }

    @Test
    void newHostsJoinUnderTheSameFilterAndTheSelectedHostStaysSelected() {
        type("web");
        apply(new UiEvent.KeyPressed(Key.named(Key.Name.DOWN)));
        assertThat(shown()).containsExactly("web1", "web2");
        assertThat(selected()).isEqualTo("web2");

        List<Host> withSource = List.of(host("web0"), host("web1"), host("db1"), host("web2"), host("db9"));
        apply(new UiEvent.CatalogueChanged(withSource, List.of()));
        assertThat(state.catalogue()).hasSize(5);
        assertThat(state.list().filter()).isEqualTo("web");
        assertThat(shown()).containsExactlyInAnyOrder("web0", "web1", "web2");
        assertThat(selected()).isEqualTo("web2");
    }

    @Test
    void aNewWarningGoesToTheStatusLineAndLeavesItWhenItIsGone() {
        String failing = "source cmdb: exited with status 3: connection refused";
        apply(new UiEvent.CatalogueChanged(state.catalogue(), List.of(failing)));
        assertThat(state.message()).isEqualTo("warning: " + failing);
        assertThat(state.warnings()).containsExactly(failing);

        apply(new UiEvent.Notice("something else"));
        apply(new UiEvent.CatalogueChanged(state.catalogue(), List.of(failing)));
        assertThat(state.message()).isEqualTo("something else"); // not new: not said again

        apply(new UiEvent.CatalogueChanged(state.catalogue(), List.of(failing, "source b: x", "source c: y")));
        assertThat(state.message()).isEqualTo("2 warnings (F1 lists them): source b: x");

        apply(new UiEvent.CatalogueChanged(state.catalogue(), List.of()));
        assertThat(state.message()).isEmpty();
        assertThat(state.warnings()).isEmpty();
    }

    @Test
    void aWarningThatIsGoneLeavesTheStatusLineToThoseThatRemain() {
        String slow = "source slowinv: gave no answer within 60s";
        String broken = "source broken: exited with status 3: cmdb: connection refused";
        state = ViewState.initial(state.catalogue(), List.of(slow, broken), new ScreenSize(100, 30), T0,
                Duration.ofMillis(300));
        assertThat(state.message()).isEqualTo("2 warnings (F1 lists them): " + slow);

        apply(new UiEvent.CatalogueChanged(state.catalogue(), List.of(broken)));
        assertThat(state.message()).isEqualTo("warning: " + broken);
        assertThat(state.warnings()).containsExactly(broken);
    }

    @Test
    void groupsAppearWhenTheNewHostsHaveThem() {
        assertThat(state.list().grouped()).isFalse();
        apply(new UiEvent.CatalogueChanged(List.of(host("web1"), host("db1"), host("web2"),
                host("ts1", "ts1.example.org", "Tailnet", List.of(), "")), List.of()));
        assertThat(state.list().grouped()).isTrue();
        assertThat(state.list().rows()).anyMatch(row -> row instanceof ListRow.GroupHeader header
                && header.group().equals("Tailnet"));
    }
}

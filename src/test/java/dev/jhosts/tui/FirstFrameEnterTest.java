package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.ListAction;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.ViewState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstFrameEnterTest {
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    private static ViewState first(Map<String, MasterState> known) {
        return ViewState.initial(Hosts.numbered(3), List.of(), new ScreenSize(80, 24), T0, Duration.ofMillis(300))
                .withMasters(known);
    }

    @Test
    void enterOpensANewSessionAtOnceOnTheSelectedHostWhoseMasterIsKnownLive() {
        assertThat(FirstFrameEnter.host(first(Map.of("host00", new MasterState.Live(7))), Keymap.defaults(), List.of()))
                .contains("host00");
    }

    @Test
    void notWhereEnterWouldFirstStartAMasterOrAsk() {
        assertThat(FirstFrameEnter.host(first(Map.of()), Keymap.defaults(), List.of())).isEmpty();
        assertThat(FirstFrameEnter.host(first(Map.of("host01", new MasterState.Live(7))), Keymap.defaults(), List.of()))
                .as("another host's master").isEmpty();
    }

    @Test
    void notWhereEnterWouldShowTheHostsLiveSession() {
        SessionHub.Listing kept = new SessionHub.Listing(3, "host00", T0, T0, Optional.empty());
        assertThat(FirstFrameEnter.host(first(Map.of("host00", new MasterState.Live(7))), Keymap.defaults(), List.of(kept)))
                .isEmpty();
    }

    @Test
    void notWhereEnterIsBoundToSomethingElse() throws Exception {
        Keymap elsewhere = Keymap.builder().bind(ListAction.CONNECT, List.of(new Key.Typed('o')), "test").build();
        assertThat(FirstFrameEnter.host(first(Map.of("host00", new MasterState.Live(7))), elsewhere, List.of())).isEmpty();
    }
}

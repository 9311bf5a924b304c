package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterStatesTest {
    @Test
    void theLiveOnesAreTheAliasesWhoseLastStateIsLive() {
        try (MasterStates states = new MasterStates()) {
            assertThat(states.live()).isEmpty();
            states.decided("web", new MasterState.Live(101));
            states.decided("db", new MasterState.Starting());
            states.observed("cache", new MasterState.Live(102), states.beginObservation());
            states.decided("gone", new MasterState.Live(103));
            states.decided("gone", new MasterState.None());
            assertThat(states.live()).isEqualTo(Map.of("web", new MasterState.Live(101),
                    "cache", new MasterState.Live(102)));
        }
    }

    @Test
    void theLiveOnesAreASnapshotNotAView() {
        try (MasterStates states = new MasterStates()) {
            states.decided("web", new MasterState.Live(101));
            Map<String, MasterState> before = states.live();
            states.decided("web", new MasterState.None());
            assertThat(before).containsKey("web");
            assertThat(states.live()).isEmpty();
        }
    }
}

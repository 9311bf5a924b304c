package dev.jhosts.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void durationsAsPeopleTypeThem() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse(" 1h ")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void badDurationsSayWhatIsExpected() {
        for (String bad : new String[] {"", "s", "10x", "-1s", "1.2.3s", "1e9s", "99999999999999s"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ms, s, m or h");
        }
    }

    @Test
    void describedAsItWouldBeTyped() {
        assertThat(Durations.describe(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.describe(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.describe(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.describe(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }
}

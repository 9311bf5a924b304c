package dev.jhosts.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private static HostResult result(String alias, HostOutcome outcome) {
        return new HostResult(alias, outcome, Duration.ofMillis(5), Captured.NOTHING, Captured.NOTHING);
    }

    @Test
    void countsEachKindAndNamesTheHostsThatDidNotSucceed() {
        RunSummary summary = new RunSummary(List.of(
                result("a", new HostOutcome.Succeeded()),
                result("b", new HostOutcome.Failed(3)),
                result("c", new HostOutcome.Unreachable("ssh: connect to host c port 22: Connection refused")),
                result("d", new HostOutcome.TimedOut(Duration.ofSeconds(2))),
                result("e", new HostOutcome.Failed(44)),
                result("f", new HostOutcome.Cut(true))));
        assertThat(summary.allSucceeded()).isFalse();
        assertThat(summary.lines()).containsExactly(
                "run on 6 hosts: 1 succeeded, 2 failed, 1 unreachable, 1 timed out, 1 cut",
                "  failed       b (exit 3), e (exit 44)",
                "  unreachable  c: ssh: connect to host c port 22: Connection refused",
                "  timed out    d (stopped after 2s)",
                "  cut          f");
    }

    @Test
    void allSucceededIsOneLine() {
        RunSummary summary = new RunSummary(List.of(result("a", new HostOutcome.Succeeded())));
        assertThat(summary.allSucceeded()).isTrue();
        assertThat(summary.lines()).containsExactly("run on 1 host: 1 succeeded, 0 failed, 0 unreachable, 0 timed out");
    }

    @Test
    void aCopyThatPartlyFailedCountsAsFailedWithItsReason() {
        RunSummary summary = new RunSummary("cp to", List.of(
                result("a", new HostOutcome.Succeeded()),
                result("b", new HostOutcome.Incomplete("2 of 9 failed"))));
        assertThat(summary.allSucceeded()).isFalse();
        assertThat(summary.lines()).containsExactly(
                "cp to 2 hosts: 1 succeeded, 1 failed, 0 unreachable, 0 timed out",
                "  incomplete   b: 2 of 9 failed");
    }
}

package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Probes in parallel, never more than the bound, results in the order asked. */
class ParallelProberTest {

    private static ProbeTarget target(int i) {
        return new ProbeTarget("h" + i, "127.0.0.1", 1000 + i, List.of(), "", List.of(), new Transport.Direct());
    }

    @Test
    void atMostTheParallelismRunAtOnceAndResultsKeepTheirOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        HostProber blocking = target -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            twoStarted.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new ProbeResult(target, new Reachability.Reachable(Duration.ofMillis(target.port()), ""),
                    new HostKeyState.NotChecked("fake"), Instant.now());
        };
        try (ParallelProber parallel = new ParallelProber(blocking, 2)) {
            List<ProbeTarget> targets = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                targets.add(target(i));
            }
            CompletableFuture<List<ProbeResult>> all = CompletableFuture.supplyAsync(() -> parallel.probeAll(targets));
            assertThat(twoStarted.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(running.get()).isEqualTo(2);
            release.countDown();
            List<ProbeResult> results = all.get(20, TimeUnit.SECONDS);
            assertThat(results).extracting(r -> r.target().alias()).containsExactly("h0", "h1", "h2", "h3", "h4", "h5");
            assertThat(most.get()).isEqualTo(2);
        }
    }
}

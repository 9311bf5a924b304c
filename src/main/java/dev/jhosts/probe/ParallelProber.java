package dev.jhosts.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs probes at most {@code parallelism} at a time, in the background. */
public final class ParallelProber implements AutoCloseable {
    private final HostProber prober;
    private final ExecutorService pool;

    public ParallelProber(HostProber prober, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.prober = prober;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "jhosts-probes-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues a probe; it runs when one of the {@code parallelism} slots is free. */
    public CompletableFuture<ProbeResult> submit(ProbeTarget target) {
        return CompletableFuture.supplyAsync(() -> prober.probe(target), pool);
    }

    /** Probes every target and returns the results in the targets' order. */
    public List<ProbeResult> probeAll(List<ProbeTarget> targets) {
        List<CompletableFuture<ProbeResult>> running = new ArrayList<>();
        targets.forEach(target -> running.add(submit(target)));
        return running.stream().map(CompletableFuture::join).toList();
    }

    /** Stops taking probes; running ones finish on their own (each is bounded by its timeout). */
    @Override
    public void close() {
        pool.shutdown();
    }
}

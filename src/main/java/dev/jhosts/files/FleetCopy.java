package dev.jhosts.files;

import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One copy with many hosts: every host's master is asked for at once (reused when live, else
 * launched in the background, never prompting); as each is ready its copy runs over an SFTP
 * session of its own, at most {@code parallelism} hosts at a time.
 */
public final class FleetCopy implements AutoCloseable {
    private final List<CompletableFuture<HostCopy.Result>> results = new ArrayList<>();
    private final ExecutorService copies;
    private final Cancellation cancellation;

    private FleetCopy(int parallelism, Cancellation cancellation) {
        AtomicInteger counter = new AtomicInteger();
        this.copies = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(null, runnable, "jhosts-cp-" + counter.incrementAndGet(), 512 * 1024);
            thread.setDaemon(true);
            return thread;
        });
        this.cancellation = cancellation;
    }

    /** Starts the copy with each of {@code aliases}; {@code finished} hears each host's end, from its thread. */
    public static FleetCopy start(Masters masters, List<String> aliases, int parallelism, CopyRequest request,
            Cancellation cancellation, CopyListener listener, Consumer<HostCopy.Result> finished,
            Duration muxTimeout) {
        FleetCopy fleet = new FleetCopy(parallelism, cancellation);
        for (String alias : aliases) {
            CompletableFuture<HostCopy.Result> result = masters.start(alias)
                    .handle((state, error) -> state != null ? state : new MasterState.Failed(String.valueOf(error), false))
                    .thenApplyAsync(state -> HostCopy.run(alias, state, masters, request, cancellation, listener,
                            muxTimeout), fleet.copies)
                    .exceptionally(error -> new HostCopy.Result(alias,
                            new HostCopy.Outcome.NoSession(String.valueOf(error)), Duration.ZERO));
            result.thenAccept(finished);
            fleet.results.add(result);
        }
        return fleet;
    }

    /** Waits for every host; the results in the order of the aliases. */
    public List<HostCopy.Result> await() throws InterruptedException {
        List<HostCopy.Result> all = new ArrayList<>();
        for (CompletableFuture<HostCopy.Result> result : results) {
            try {
                all.add(result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a host's result always completes normally", e);
            }
        }
        return all;
    }

    /** Asks every host's copy to stop (each cleans up and ends: see {@link Cancellation}). */
    public void cancel() {
        cancellation.cancel();
    }

    @Override
    public void close() {
        cancellation.cancel();
        copies.shutdown();
    }
}

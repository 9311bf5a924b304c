package dev.jhosts.run;

import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One command on many hosts through their masters. Every host's master is asked for at once
 * ({@link Masters#start}: reused when live, else launched in the background within the launch
 * cap, never prompting); as each is ready its command runs, at most {@link
 * RunRequest#parallelism} at a time, each over MUX_C_NEW_SESSION on socket pairs of this
 * process: no {@code ssh} process per host.
 */
public final class FleetRun implements AutoCloseable {
    private final RunRequest request;
    private final List<HostRun> hosts = new ArrayList<>();
    private final List<CompletableFuture<HostResult>> results = new ArrayList<>();
    private final ExecutorService sessions;
    private final ScheduledExecutorService timer;

    private FleetRun(RunRequest request) {
        this.request = request;
        this.sessions = Executors.newFixedThreadPool(request.parallelism(), daemonThreads("jhosts-run"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("jhosts-run-timer"));
    }

    /**
     * Starts the run; {@code listener} hears each host's output and end.
     *
     * @param muxTimeout bounds each exchange with a master up to the session's opening
     */
    public static FleetRun start(Masters masters, RunRequest request, RunListener listener, Duration muxTimeout) {
        FleetRun run = new FleetRun(request);
        for (String alias : request.aliases()) {
            HostRun host = new HostRun(alias, request, listener, muxTimeout);
            CompletableFuture<HostResult> result = new CompletableFuture<>();
            result.thenAccept(listener::finished);
            run.hosts.add(host);
            run.results.add(result);
            masters.start(alias)
                    .handle((state, error) -> state != null ? state
                            : new MasterState.Failed(String.valueOf(error), false))
                    .thenApplyAsync(state -> host.run(state, masters, run.timer), run.sessions)
                    .whenComplete((finished, error) -> result.complete(finished != null ? finished
                            : new HostResult(alias, new HostOutcome.Cut(false), Duration.ZERO, Captured.NOTHING,
                                    Captured.NOTHING)));
        }
        return run;
    }

    public RunRequest request() {
        return request;
    }

    /** Waits for every host; the results in the order of the request's hosts. */
    public List<HostResult> await() throws InterruptedException {
        List<HostResult> all = new ArrayList<>();
        for (CompletableFuture<HostResult> result : results) {
            try {
                all.add(result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a host's result always completes normally", e);
            }
        }
        return all;
    }

    /** Whether every host has finished. */
    public boolean finished() {
        return results.stream().allMatch(CompletableFuture::isDone);
    }

    /**
     * Stops every host still running or waiting (a hangup of each running command, then its
     * session closed), all at once, and waits at most {@code limit} for them to end. Returns
     * the hosts it stopped, in the request's order.
     */
    public List<String> stop(Duration limit) {
        List<CompletableFuture<HostRun.Stopped>> stopping = new ArrayList<>();
        ExecutorService stoppers = Executors.newCachedThreadPool(daemonThreads("jhosts-run-stop"));
        try {
            for (int i = 0; i < hosts.size(); i++) {
                HostRun host = hosts.get(i);
                CompletableFuture<HostResult> result = results.get(i);
                stopping.add(CompletableFuture.supplyAsync(() -> {
                    HostRun.Stopped stopped = result.isDone() ? HostRun.Stopped.NOTHING : host.stop(HostRun.Stop.CUT);
                    if (stopped == HostRun.Stopped.BEFORE_IT_BEGAN) {
                        result.complete(new HostResult(host.alias(), new HostOutcome.Cut(false), Duration.ZERO,
                                Captured.NOTHING, Captured.NOTHING));
                    }
                    return stopped;
                }, stoppers));
            }
            long deadline = System.nanoTime() + limit.toNanos();
            List<String> stopped = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                try {
                    HostRun.Stopped outcome = stopping.get(i).get(left(deadline), TimeUnit.NANOSECONDS);
                    if (outcome != HostRun.Stopped.NOTHING) {
                        stopped.add(hosts.get(i).alias());
                        results.get(i).get(left(deadline), TimeUnit.NANOSECONDS);
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (!stopped.contains(hosts.get(i).alias())) {
                        stopped.add(hosts.get(i).alias());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return stopped;
        } finally {
            stoppers.shutdown();
        }
    }

    private static long left(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    /** Stops what still runs and lets the run's threads go. */
    @Override
    public void close() {
        if (!finished()) {
            stop(Duration.ofSeconds(10));
        }
        sessions.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, name + "-" + counter.incrementAndGet(), 512 * 1024);
            thread.setDaemon(true);
            return thread;
        };
    }
}

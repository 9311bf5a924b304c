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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One command on many hosts through their masters. Every host's master is asked for at once
 * ({@link Masters#start}: reused when live, else launched in the background within the launch
 * cap, never prompting); as each is ready its command runs, at most {@link
 * RunRequest#parallelism} at a time, each over MUX_C_NEW_SESSION on socket pairs of this
 * process: no {@code ssh} process per host. A host whose master dies while its command runs is
 * "connection lost", and is run again, on a master made again, when the request allows retries.
 */
public final class FleetRun implements AutoCloseable {
    /** The longest wait before a host whose connection was lost is run again. */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final RunRequest request;
    private final Masters masters;
    private final RunListener listener;
    private final Duration muxTimeout;
    private final List<Slot> slots = new ArrayList<>();
    private final ExecutorService sessions;
    private final ScheduledExecutorService timer;

    private FleetRun(Masters masters, RunRequest request, RunListener listener, Duration muxTimeout) {
        this.request = request;
        this.masters = masters;
        this.listener = listener;
        this.muxTimeout = muxTimeout;
        this.sessions = Executors.newFixedThreadPool(request.parallelism(), daemonThreads("jhosts-run"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("jhosts-run-timer"));
    }

    /**
     * Starts the run; {@code listener} hears each host's output and end.
     *
     * @param muxTimeout bounds each exchange with a master up to the session's opening
     */
    public static FleetRun start(Masters masters, RunRequest request, RunListener listener, Duration muxTimeout) {
        FleetRun run = new FleetRun(masters, request, listener, muxTimeout);
        for (String alias : request.aliases()) {
            Slot slot = new Slot(alias);
            slot.result.thenAccept(listener::finished);
            run.slots.add(slot);
        }
        run.slots.forEach(run::attempt);
        return run;
    }

    /**
     * Runs the command on the slot's host once: its master asked for (launched again after a
     * lost connection), then the command through it.
     */
    private void attempt(Slot slot) {
        HostRun host = new HostRun(slot.alias, request, listener, muxTimeout);
        synchronized (slot) {
            slot.pendingRetry = null;
            if (slot.stopped) {
                slot.result.complete(slot.lost != null ? slot.lost : notBegun(slot.alias));
                return;
            }
            slot.current = host;
        }
        masters.start(slot.alias)
                .handle((state, error) -> state != null ? state
                        : new MasterState.Failed(String.valueOf(error), false))
                .thenApplyAsync(state -> host.run(state, masters, timer), sessions)
                .whenComplete((finished, error) -> ended(slot, finished != null ? finished : notBegun(slot.alias)));
    }

    /**
     * One try on a host ended: a lost connection is tried again (up to {@link RunRequest#retries}
     * times, after 1, 2, 4 … {@link #MAX_RETRY_DELAY}), anything else is the host's result. A
     * master that cannot be made again leaves the host's connection lost, with the reason.
     */
    private void ended(Slot slot, HostResult result) {
        HostResult shown = result;
        Duration delay;
        int retry;
        synchronized (slot) {
            if (slot.retried > 0 && result.outcome() instanceof HostOutcome.Unreachable unreachable) {
                shown = new HostResult(slot.alias, new HostOutcome.ConnectionLost("its master did not come back: "
                        + unreachable.reason()), result.duration(), result.stdout(), result.stderr());
            }
            if (!(shown.outcome() instanceof HostOutcome.ConnectionLost) || slot.stopped
                    || slot.retried >= request.retries()) {
                slot.result.complete(shown);
                return;
            }
            retry = ++slot.retried;
            delay = retryDelay(retry);
            slot.lost = shown;
            slot.pendingRetry = timer.schedule(() -> attempt(slot), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        listener.retrying(slot.alias, shown.outcome(), retry, request.retries(), delay);
    }

    /** The wait before retry {@code retry} (from 1): 1 s, doubled each time, at most {@link #MAX_RETRY_DELAY}. */
    static Duration retryDelay(int retry) {
        long seconds = 1L << Math.min(retry - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_RETRY_DELAY.toSeconds()));
    }

    private static HostResult notBegun(String alias) {
        return new HostResult(alias, new HostOutcome.Cut(false), Duration.ZERO, Captured.NOTHING, Captured.NOTHING);
    }

    /** A host of the run: its current try, and a retry waiting for its time. Guarded by itself. */
    private static final class Slot {
        final String alias;
        final CompletableFuture<HostResult> result = new CompletableFuture<>();
        HostRun current;
        ScheduledFuture<?> pendingRetry;
        /** The lost try a pending retry follows. */
        HostResult lost;
        boolean stopped;
        int retried;

        Slot(String alias) {
            this.alias = alias;
        }
    }

    public RunRequest request() {
        return request;
    }

    /** Waits for every host; the results in the order of the request's hosts. */
    public List<HostResult> await() throws InterruptedException {
        List<HostResult> all = new ArrayList<>();
        for (Slot slot : slots) {
            try {
                all.add(slot.result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a host's result always completes normally", e);
            }
        }
        return all;
    }

    /** Whether every host has finished. */
    public boolean finished() {
        return slots.stream().allMatch(slot -> slot.result.isDone());
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
            for (Slot slot : slots) {
                HostRun host;
                synchronized (slot) {
                    slot.stopped = true;
                    host = slot.current;
                    if (slot.pendingRetry != null) {
                        // waiting to run again: it stays lost, and is not run again
                        slot.pendingRetry.cancel(false);
                        slot.pendingRetry = null;
                        slot.result.complete(slot.lost);
                    }
                }
                CompletableFuture<HostResult> result = slot.result;
                stopping.add(CompletableFuture.supplyAsync(() -> {
                    HostRun.Stopped stopped = result.isDone() || host == null ? HostRun.Stopped.NOTHING
                            : host.stop(HostRun.Stop.CUT);
                    if (stopped == HostRun.Stopped.BEFORE_IT_BEGAN) {
                        result.complete(notBegun(slot.alias));
                    }
                    return stopped;
                }, stoppers));
            }
            long deadline = System.nanoTime() + limit.toNanos();
            List<String> stopped = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                String alias = slots.get(i).alias;
                try {
                    HostRun.Stopped outcome = stopping.get(i).get(left(deadline), TimeUnit.NANOSECONDS);
                    if (outcome != HostRun.Stopped.NOTHING) {
                        stopped.add(alias);
                        slots.get(i).result.get(left(deadline), TimeUnit.NANOSECONDS);
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (!stopped.contains(alias)) {
                        stopped.add(alias);
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

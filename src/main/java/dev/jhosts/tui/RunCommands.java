package dev.jhosts.tui;

import dev.jhosts.config.Settings;
import dev.jhosts.master.Masters;
import dev.jhosts.run.FleetRun;
import dev.jhosts.run.HostResult;
import dev.jhosts.run.LineBuffer;
import dev.jhosts.run.OutputKind;
import dev.jhosts.run.RunListener;
import dev.jhosts.run.RunRequest;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.WorkNews;
import dev.jhosts.tui.state.WorkRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the picker's commands on marked hosts ({@link FleetRun}, as {@code jhosts run} does) and
 * reports to the screen: each host's start and end, and its output as lines, gathered and sent
 * at most ten times a second so that a chatty command does not flood the UI thread.
 */
final class RunCommands implements AutoCloseable {
    private static final Duration FLUSH = Duration.ofMillis(100);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);

    private final Masters masters;
    private final Settings settings;
    private final Consumer<UiEvent> events;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-run-lines");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, FleetRun> runs = new HashMap<>();
    private final List<Lines> active = new CopyOnWriteArrayList<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    RunCommands(Masters masters, Settings settings, Consumer<UiEvent> events) {
        this.masters = masters;
        this.settings = settings;
        this.events = events;
    }

    /** Flushes in {@link #FLUSH}, and again after it while runs are under way: an idle picker has no timer. */
    private void flushSoon() {
        if (flushing.compareAndSet(false, true)) {
            try {
                flusher.schedule(this::flushActive, FLUSH.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                flushing.set(false);
            }
        }
    }

    private void flushActive() {
        active.forEach(Lines::flush);
        flushing.set(false);
        if (!active.isEmpty()) {
            flushSoon();
        }
    }

    void run(WorkRequest request) {
        if (request instanceof WorkRequest.StartRun start) {
            start(start);
        } else if (request instanceof WorkRequest.StopRun stop) {
            FleetRun run;
            synchronized (runs) {
                run = runs.get(stop.runId());
            }
            if (run != null) {
                Thread stopper = new Thread(() -> events.accept(new UiEvent.Work(
                        new WorkNews.RunStopped(stop.runId(), run.stop(STOP_LIMIT)))), "jhosts-run-stop");
                stopper.setDaemon(true);
                stopper.start();
            }
        }
    }

    static boolean handles(WorkRequest request) {
        return request instanceof WorkRequest.StartRun || request instanceof WorkRequest.StopRun;
    }

    private void start(WorkRequest.StartRun start) {
        RunRequest request = new RunRequest(start.command(), start.aliases(), settings.run().parallelism(),
                settings.run().timeout(), settings.run().hangup(), new byte[0], false);
        Lines lines = new Lines(start.runId(), start.aliases().size());
        active.add(lines);
        flushSoon();
        FleetRun run = FleetRun.start(masters, request, lines, settings.aliveCheckTimeout().multipliedBy(4));
        synchronized (runs) {
            runs.put(start.runId(), run);
        }
    }

    /** A run's output as lines per host, posted in batches; a host's end after its last lines. */
    private final class Lines implements RunListener {
        private final int runId;
        private final Map<String, LineBuffer> buffers = new HashMap<>();
        private final Map<String, List<String>> pending = new LinkedHashMap<>();
        private int unfinished;

        Lines(int runId, int hosts) {
            this.runId = runId;
            this.unfinished = hosts;
        }

        @Override
        public void running(String alias) {
            flush();
            events.accept(new UiEvent.Work(new WorkNews.RunHostRunning(runId, alias)));
        }

        @Override
        public synchronized void output(String alias, OutputKind kind, byte[] bytes, int offset, int length) {
            List<String> complete = buffers.computeIfAbsent(alias + '\0' + kind, key -> new LineBuffer())
                    .add(bytes, offset, length);
            if (!complete.isEmpty()) {
                pending.computeIfAbsent(alias, key -> new ArrayList<>()).addAll(complete);
            }
        }

        @Override
        public void finished(HostResult result) {
            synchronized (this) {
                if (--unfinished == 0) {
                    active.remove(this);
                }
                for (OutputKind kind : OutputKind.values()) {
                    LineBuffer buffer = buffers.remove(result.alias() + '\0' + kind);
                    if (buffer != null) {
                        pending.computeIfAbsent(result.alias(), key -> new ArrayList<>()).addAll(buffer.finish());
                    }
                }
            }
            flush();
            events.accept(new UiEvent.Work(new WorkNews.RunHostDone(runId, result.alias(), result.outcome().word(),
                    result.outcome().detail(), result.outcome().success())));
        }

        /** Posts the lines gathered since the last flush, a batch per host. */
        synchronized void flush() {
            for (Map.Entry<String, List<String>> entry : pending.entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    events.accept(new UiEvent.Work(new WorkNews.RunOutput(runId, entry.getKey(), entry.getValue())));
                }
            }
            pending.clear();
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        List<FleetRun> all;
        synchronized (runs) {
            all = new ArrayList<>(runs.values());
        }
        // quitting the picker stops what still runs, as Ctrl-C does to jhosts run
        all.forEach(FleetRun::close);
    }
}

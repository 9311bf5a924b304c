package dev.jhosts.tui;

import dev.jhosts.master.MasterInfo;
import dev.jhosts.master.MasterManager;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.UiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the status pane's rows current: every few seconds, and soon after any master changes
 * state, it lists the masters the manager can find (native alive checks over the control
 * sockets; {@code ssh -G} only runs once per alias, the first time) and posts them.
 */
final class MasterWatch implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofSeconds(3);

    private final MasterManager masters;
    private final List<String> aliases;
    private final Consumer<UiEvent> events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-master-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    MasterWatch(MasterManager masters, List<String> aliases, Consumer<UiEvent> events) {
        this.masters = masters;
        this.aliases = List.copyOf(aliases);
        this.events = events;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::refresh, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lists the masters again shortly (coalesced: many calls, one listing). */
    void refreshSoon() {
        if (refreshQueued.compareAndSet(false, true)) {
            timer.schedule(() -> {
                refreshQueued.set(false);
                refresh();
            }, 100, TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        try {
            List<MasterRow> rows = new ArrayList<>();
            for (MasterInfo info : masters.discover(aliases)) {
                rows.add(row(info));
            }
            events.accept(new UiEvent.MastersListed(rows));
        } catch (RuntimeException e) {
            events.accept(new UiEvent.Notice("listing masters failed: " + e.getMessage()));
        }
    }

    static MasterRow row(MasterInfo info) {
        List<String> names = info.aliases().isEmpty()
                ? List.of(String.valueOf(info.socket().getFileName()))
                : info.aliases();
        Instant started = info.startedAt();
        return new MasterRow(info.socket().toString(), names, info.state(), info.startedByJhosts(), started);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

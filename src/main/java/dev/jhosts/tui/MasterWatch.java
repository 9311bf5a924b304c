package dev.jhosts.tui;

import dev.jhosts.master.MasterInfo;
import dev.jhosts.master.Masters;
import dev.jhosts.master.Via;
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
 * sockets) and posts them. The first listing is of what is known without {@code ssh -G} (the
 * masters jhosts launched, the sockets in its control directory); then the ControlPaths of the
 * catalogue's hosts are learned, one {@code ssh -G} at a time in list order (a start with 200
 * hosts would otherwise keep both cores busy for half a second), and listed again.
 */
final class MasterWatch implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofSeconds(3);

    private final Masters masters;
    private final List<String> aliases;
    private final Consumer<UiEvent> events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-master-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private boolean controlPathsLearned; // on the timer thread only

    MasterWatch(Masters masters, List<String> aliases, Consumer<UiEvent> events) {
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
            list();
            if (!controlPathsLearned) {
                controlPathsLearned = true;
                masters.learnControlPaths(aliases);
                list();
            }
        } catch (RuntimeException e) {
            events.accept(new UiEvent.Notice("listing masters failed: " + e.getMessage()));
        }
    }

    private void list() {
        // In name order, so that rows keep their places from one listing to the next.
        List<MasterInfo> found = masters.discover(List.of()).stream()
                .sorted(java.util.Comparator.comparing((MasterInfo info) -> String.join(",", names(info)),
                        String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<MasterRow> rows = new ArrayList<>();
        for (MasterInfo info : found) {
            rows.add(row(info, found));
        }
        events.accept(new UiEvent.MastersListed(rows));
    }

    /** A pane row; {@code all} tells which masters ride this one. */
    static MasterRow row(MasterInfo info, List<MasterInfo> all) {
        List<String> dependants = all.stream()
                .filter(other -> other.via().stream().anyMatch(hop -> hop.socket().equals(info.socket())))
                .map(MasterWatch::names)
                .map(names -> String.join(",", names))
                .sorted()
                .toList();
        Instant started = info.startedAt();
        return new MasterRow(info.socket().toString(), names(info), info.state(), info.startedByJhosts(), started,
                info.via().stream().map(Via::label).toList(), dependants);
    }

    private static List<String> names(MasterInfo info) {
        return info.aliases().isEmpty() ? List.of(String.valueOf(info.socket().getFileName())) : info.aliases();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

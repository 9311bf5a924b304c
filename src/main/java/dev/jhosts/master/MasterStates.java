package dev.jhosts.master;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The one owner of every alias's master state. Listeners hear each change on one thread of
 * the store's own, in the order the changes were made.
 *
 * <p>Observations (a listing, a check) and launches race: a listing that began before a launch
 * finished must not replace the launch's fresh result with what it saw before. So an
 * observation takes a ticket when it begins, and is dropped if the alias changed after that
 * (newest wins). An observation that finds nothing does not clear what a launch decided
 * (starting, failed with ssh's reason, cut): only a new launch does.
 */
public final class MasterStates implements AutoCloseable {
    private final List<Consumer<MasterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-master-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Entry> entries = new HashMap<>();
    private long clock;

    private record Entry(MasterState state, long ticket, boolean decidedByLaunch) {}

    public void addListener(Consumer<MasterEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<MasterEvent> listener) {
        listeners.remove(listener);
    }

    /** The alias's last known state; never blocks on anything but this store. */
    public synchronized MasterState state(String alias) {
        Entry entry = entries.get(alias);
        return entry == null ? new MasterState.None() : entry.state();
    }

    /** The aliases whose master is live, with their states: a few entries, however long the catalogue. */
    public synchronized Map<String, MasterState> live() {
        Map<String, MasterState> live = new HashMap<>();
        entries.forEach((alias, entry) -> {
            if (entry.state() instanceof MasterState.Live) {
                live.put(alias, entry.state());
            }
        });
        return live;
    }

    /** Begins an observation: its results are kept only if nothing newer came meanwhile. */
    public synchronized long beginObservation() {
        return ++clock;
    }

    /** What an observation that began at {@code ticket} saw for {@code alias}. */
    public synchronized void observed(String alias, MasterState state, long ticket) {
        Entry entry = entries.get(alias);
        if (entry != null) {
            if (ticket < entry.ticket()) {
                return;
            }
            boolean sawNothing = state instanceof MasterState.None;
            if (sawNothing && entry.decidedByLaunch() && !(entry.state() instanceof MasterState.Live)) {
                return;
            }
        }
        set(alias, state, ticket, false);
    }

    /** What a launch (or a control action) decided for {@code alias}: always newest. */
    public synchronized void decided(String alias, MasterState state) {
        set(alias, state, ++clock, true);
    }

    private void set(String alias, MasterState state, long ticket, boolean decidedByLaunch) {
        Entry previous = entries.put(alias, new Entry(state, ticket, decidedByLaunch));
        if (previous == null ? state instanceof MasterState.None : previous.state().equals(state)) {
            return;
        }
        MasterEvent event = new MasterEvent(alias, state);
        if (Boolean.getBoolean("jhosts.debug")) {
            // Looked up only when debugging: the first System.Logger loads java.util.logging.
            System.getLogger(MasterStates.class.getName()).log(System.Logger.Level.DEBUG, "master {0}: {1}", alias, state);
        }
        // Queued while holding the lock, so events leave in the order the changes were made.
        delivery.execute(() -> listeners.forEach(listener -> listener.accept(event)));
    }

    @Override
    public void close() {
        delivery.shutdown();
    }
}

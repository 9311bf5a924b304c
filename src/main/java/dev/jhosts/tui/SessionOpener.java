package dev.jhosts.tui;

import dev.jhosts.tui.state.UiEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Opens sessions off the UI thread: checking the master and MUX_C_NEW_SESSION wait on it, and
 * a master that stopped answering must not freeze the list. One attempt at a time (the one the
 * list shows as connecting); its outcome comes back as {@link UiEvent.SessionReady} (then
 * {@link #take}) or {@link UiEvent.SessionNotOpened}. Called on the UI thread only, but for the
 * background work itself.
 */
final class SessionOpener implements AutoCloseable {
    private final SessionRunner runner;
    private final Consumer<UiEvent> events;
    private final ExecutorService workers;
    private Attempt current;

    /** One open under way; {@code result} is set by the worker, unless cancelled first. */
    private static final class Attempt {
        private final String alias;
        private final long startedNanos = System.nanoTime();
        private SessionRunner.Prepared result; // guarded by this
        private boolean cancelled; // guarded by this

        Attempt(String alias) {
            this.alias = alias;
        }
    }

    SessionOpener(SessionRunner runner, Consumer<UiEvent> events) {
        this.runner = runner;
        this.events = events;
        AtomicInteger counter = new AtomicInteger();
        // not one thread: a frozen master must not keep the next host's open waiting
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "jhosts-session-open-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts opening a session on {@code alias}, unless one is being opened (or was opened and
     * is about to be taken) for it already.
     */
    void open(String alias) {
        if (current != null && current.alias.equals(alias)) {
            return;
        }
        cancel();
        Attempt attempt = new Attempt(alias);
        current = attempt;
        workers.execute(() -> {
            SessionRunner.Prepared prepared = runner.prepare(alias);
            synchronized (attempt) {
                if (attempt.cancelled) {
                    SessionRunner.discard(prepared);
                    return;
                }
                attempt.result = prepared;
            }
            events.accept(prepared instanceof SessionRunner.Prepared.NotOpened notOpened
                    ? new UiEvent.SessionNotOpened(alias, notOpened.why())
                    : new UiEvent.SessionReady(alias));
        });
    }

    /** The opened session {@link UiEvent.SessionReady} announced for {@code alias}; taken once. */
    Optional<SessionRunner.Prepared> take(String alias) {
        Attempt attempt = current;
        if (attempt == null || !attempt.alias.equals(alias)) {
            return Optional.empty();
        }
        synchronized (attempt) {
            if (attempt.result == null || attempt.result instanceof SessionRunner.Prepared.NotOpened) {
                return Optional.empty();
            }
            current = null;
            return Optional.of(attempt.result);
        }
    }

    /** Whether an open has been under way for less than {@code limit}. */
    boolean openingForLessThan(Duration limit) {
        Attempt attempt = current;
        if (attempt == null) {
            return false;
        }
        synchronized (attempt) {
            return attempt.result == null && System.nanoTime() - attempt.startedNanos < limit.toNanos();
        }
    }

    /** Drops the attempt, if any: a session it opened is closed, now or when it comes. */
    void cancel() {
        Attempt attempt = current;
        if (attempt == null) {
            return;
        }
        current = null;
        synchronized (attempt) {
            attempt.cancelled = true;
            if (attempt.result != null) {
                SessionRunner.discard(attempt.result);
            }
        }
    }

    @Override
    public void close() {
        cancel();
        workers.shutdownNow();
    }
}

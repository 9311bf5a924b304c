package dev.jhosts.tui;

import dev.jhosts.session.AttachEnd;
import dev.jhosts.session.BridgeEnd;
import dev.jhosts.session.BridgedSession;
import dev.jhosts.tui.state.LoanEnd;
import dev.jhosts.tui.state.UiEvent;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The bridged sessions the picker holds, by the id it gave them. Each session runs on its own
 * threads and tells of itself through events ({@link UiEvent.SessionOutput}, {@link
 * UiEvent.SessionOver}); the view state is the one record of them, this only keeps the objects.
 *
 * <p>When the JVM ends (a normal quit, SIGTERM, SIGHUP, SIGINT) every session still held is hung
 * up: its control connection is closed, the master closes the channel and the remote side gets
 * its hang-up.
 */
final class SessionHub implements AutoCloseable {
    private final Map<Long, BridgedSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Consumer<UiEvent> events;
    private final Function<BridgeEnd, String> summary;
    private final Clock clock;
    private final Thread hangUpOnExit = new Thread(this::hangUpAll, "jhosts-hang-up-sessions");

    SessionHub(Consumer<UiEvent> events, Function<BridgeEnd, String> summary, Clock clock) {
        this.events = events;
        this.summary = summary;
        this.clock = clock;
        Runtime.getRuntime().addShutdownHook(hangUpOnExit);
    }

    /** Holds {@code session} (opened for {@code alias}) and starts it; returns its id. */
    long add(BridgedSession session) {
        long id = ids.incrementAndGet();
        sessions.put(id, session);
        session.start(new BridgedSession.Listener() {
            @Override
            public void outputWhileDetached() {
                events.accept(new UiEvent.SessionOutput(id, clock.instant()));
            }

            @Override
            public void ended(BridgeEnd end) {
                sessions.remove(id);
                events.accept(new UiEvent.SessionOver(id, summary.apply(end), status(end)));
            }
        });
        return id;
    }

    /**
     * Runs session {@code id} on the lent terminal until the user leaves it or it ends; on the
     * lending thread.
     */
    LoanEnd attach(long id, byte[] typeahead) {
        BridgedSession session = sessions.get(id);
        if (session == null) {
            return new LoanEnd.SessionOver(id, "already over", -1);
        }
        try {
            AttachEnd end = session.attach(typeahead, true);
            if (end instanceof AttachEnd.Detached detached) {
                return new LoanEnd.Detached(id, LoanEnd.Toward.valueOf(detached.toward().name()));
            }
            BridgeEnd over = ((AttachEnd.Ended) end).end();
            return new LoanEnd.SessionOver(id, summary.apply(over), status(over));
        } catch (IOException | RuntimeException e) {
            session.close();
            return new LoanEnd.SessionOver(id, "session failed: " + e.getMessage(), -1);
        }
    }

    /** The remote exit status, or -1 when the master sent none. */
    private static int status(BridgeEnd end) {
        return end.session().exitMessageReceived() ? end.session().status() : -1;
    }

    private void hangUpAll() {
        for (BridgedSession session : List.copyOf(sessions.values())) {
            session.close();
        }
    }

    /** Hangs every session up. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hangUpOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook runs (or ran) anyway
        }
        hangUpAll();
    }
}

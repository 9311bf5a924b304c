package dev.jhosts.tui;

import dev.jhosts.master.LiveMaster;
import dev.jhosts.session.AttachEnd;
import dev.jhosts.session.BridgeEnd;
import dev.jhosts.session.BridgedSession;
import dev.jhosts.tui.state.LoanEnd;
import dev.jhosts.tui.state.SessionRow;
import dev.jhosts.tui.state.UiEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The bridged sessions of one jhosts (the server, or a picker run in the foreground), by the id
 * it gave them, shared by every picker it shows. Each session runs on its own threads and tells
 * of itself through events ({@link UiEvent.SessionOutput}, {@link UiEvent.SessionOver}) to every
 * picker that {@link #subscribe subscribed}; each picker's view state is its record of them,
 * this only keeps the objects.
 *
 * <p>A session outlives the picker and the terminal it was opened from; it ends when its remote
 * side ends it, when a user ends it ({@code ~.}, quitting with "end them"), or with this
 * process: when the JVM ends (a normal end, SIGTERM, SIGINT) every session still held is hung
 * up: its control connection is closed, the master closes the channel and the remote side gets
 * its hang-up.
 */
public final class SessionHub implements AutoCloseable, Reconnections.Renewal {
    /** A session as the pickers list it. */
    public record Listing(long id, String alias, Instant started, Instant lastOutput, Optional<String> attachedTo) {}

    private record Held(BridgedSession session, String alias, Instant started) {}

    private final Map<Long, Held> sessions = new ConcurrentHashMap<>();
    /** Where each session is shown now (a terminal's name), while it is. */
    private final Map<Long, String> shownIn = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastOutput = new ConcurrentHashMap<>();
    private final List<Consumer<UiEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    /** The sessions whose master went away, and what is known of their connection since. */
    private final Map<Long, SessionRow.Link> links = new ConcurrentHashMap<>();
    private volatile Reconnections reconnections;
    private volatile Duration answerTimeout = Duration.ofSeconds(20);
    private final Function<BridgeEnd, String> summary;
    private final Clock clock;
    private final Thread hangUpOnExit = new Thread(this::hangUpAll, "jhosts-hang-up-sessions");

    /** @param summary how an ending reads in a few words ("exit 3", "closed with ~.") */
    public SessionHub(Function<BridgeEnd, String> summary, Clock clock) {
        this.summary = summary;
        this.clock = clock;
        Runtime.getRuntime().addShutdownHook(hangUpOnExit);
    }

    /**
     * From now on {@code events} hears of every session's news; it is told of the sessions held
     * already at once ({@link UiEvent.SessionListed}). Returns what ends the subscription.
     */
    public Runnable subscribe(Consumer<UiEvent> events) {
        subscribers.add(events);
        listings().forEach(listing -> {
            events.accept(new UiEvent.SessionListed(listing.id(), listing.alias(), listing.started(),
                    listing.lastOutput()));
            listing.attachedTo().ifPresent(where -> events.accept(new UiEvent.SessionShown(listing.id(), where)));
            SessionRow.Link link = links.get(listing.id());
            if (link != null) {
                events.accept(new UiEvent.SessionLink(listing.id(), link));
            }
        });
        return () -> subscribers.remove(events);
    }

    /** The live sessions, oldest first. */
    public List<Listing> listings() {
        return sessions.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new Listing(entry.getKey(), entry.getValue().alias(), entry.getValue().started(),
                        lastOutput.getOrDefault(entry.getKey(), entry.getValue().started()),
                        Optional.ofNullable(shownIn.get(entry.getKey()))))
                .toList();
    }

    /** The most recently used live session (of {@code alias} when given). */
    public Optional<Listing> mostRecent(Optional<String> alias) {
        return listings().stream()
                .filter(listing -> alias.isEmpty() || alias.get().equals(listing.alias()))
                .max(Comparator.comparing(Listing::lastOutput).thenComparing(Listing::id));
    }

    /** Whether any session lives. */
    public boolean any() {
        return !sessions.isEmpty();
    }

    /**
     * Holds {@code session} (opened for {@code alias} by the picker {@code opener}, which lists it
     * itself) and starts it; returns its id. The other pickers are told of it.
     */
    long add(String alias, BridgedSession session, Consumer<UiEvent> opener) {
        long id = ids.incrementAndGet();
        Instant started = clock.instant();
        sessions.put(id, new Held(session, alias, started));
        for (Consumer<UiEvent> subscriber : subscribers) {
            if (subscriber != opener) {
                subscriber.accept(new UiEvent.SessionListed(id, alias, started, started));
            }
        }
        session.start(new BridgedSession.Listener() {
            @Override
            public void outputWhileDetached() {
                Instant now = clock.instant();
                lastOutput.put(id, now);
                broadcast(new UiEvent.SessionOutput(id, now));
            }

            @Override
            public boolean reconnects() {
                return reconnections != null;
            }

            @Override
            public void lost() {
                setLink(id, SessionRow.Link.LOST);
                Reconnections renewing = reconnections;
                if (renewing != null) {
                    renewing.lost(alias);
                }
            }

            @Override
            public void reopened() {
                links.remove(id);
                broadcast(new UiEvent.SessionLink(id, SessionRow.Link.UP));
            }

            @Override
            public void ended(BridgeEnd end) {
                sessions.remove(id);
                lastOutput.remove(id);
                links.remove(id);
                broadcast(new UiEvent.SessionOver(id, summary.apply(end), status(end)));
            }
        });
        return id;
    }

    /**
     * Sessions that lose their master get it made again by {@code renewing}, and are opened
     * again through it (each MUX_C_NEW_SESSION answer within {@code answer}).
     */
    public void reconnectWith(Reconnections renewing, Duration answer) {
        this.reconnections = renewing;
        this.answerTimeout = answer;
    }

    /** A probe saw {@code alias} answer: a master its lost sessions wait for is tried now. */
    void hostSeen(String alias) {
        Reconnections renewing = reconnections;
        if (renewing != null) {
            renewing.hostSeen(alias);
        }
    }

    private void setLink(long id, SessionRow.Link link) {
        links.put(id, link);
        broadcast(new UiEvent.SessionLink(id, link));
    }

    /**
     * Sessions inside a remote multiplexer are opened again at once and find it; a plain one's
     * row offers a new shell, opened when the user comes back to it (never silently).
     */
    @Override
    public void masterBack(String alias, Path socket, long pid) {
        for (Map.Entry<Long, Held> entry : lostOf(alias)) {
            BridgedSession session = entry.getValue().session();
            if (!session.reopensItself()) {
                setLink(entry.getKey(), SessionRow.Link.NEW_SHELL);
                session.offerReopen(socket, pid, answerTimeout);
                continue;
            }
            try {
                session.reopen(socket, pid, answerTimeout);
            } catch (IOException | RuntimeException e) {
                // the user tries again with Enter rather than a loop of tries here
                setLink(entry.getKey(), SessionRow.Link.NEW_SHELL);
            }
        }
    }

    /**
     * The pickers hear it first; a picker that shows one of these sessions asks for the master
     * there, so the session is sent back to that picker's list, where the question is drawn.
     */
    @Override
    public void needsYou(String alias) {
        for (Map.Entry<Long, Held> entry : lostOf(alias)) {
            setLink(entry.getKey(), SessionRow.Link.NEEDS_YOU);
            entry.getValue().session().sendBackToList();
        }
    }

    @Override
    public boolean waiting(String alias) {
        return lostOf(alias).stream().map(entry -> links.get(entry.getKey()))
                .anyMatch(link -> link == SessionRow.Link.LOST || link == SessionRow.Link.NEEDS_YOU);
    }

    private List<Map.Entry<Long, Held>> lostOf(String alias) {
        return sessions.entrySet().stream()
                .filter(entry -> entry.getValue().alias().equals(alias) && entry.getValue().session().lost())
                .toList();
    }

    /**
     * A lost session the user comes back to: opened again now when its master is back (a plain
     * one gets its new shell here); otherwise its master is made again meanwhile.
     */
    private void reopenOnReturn(long id, Held held) {
        SessionRow.Link link = links.get(id);
        Reconnections renewing = reconnections;
        if (!held.session().lost() || link == null || link == SessionRow.Link.LOST || renewing == null) {
            return;
        }
        Optional<LiveMaster> live = renewing.liveMaster(held.alias());
        if (live.isPresent()) {
            try {
                held.session().reopen(live.get().socket(), live.get().pid(), answerTimeout);
                return;
            } catch (IOException | RuntimeException e) {
                // made again below
            }
        }
        setLink(id, SessionRow.Link.LOST);
        renewing.lost(held.alias());
    }

    private void broadcast(UiEvent event) {
        subscribers.forEach(subscriber -> subscriber.accept(event));
    }

    /**
     * Runs session {@code id} on {@code terminal} (named {@code where}) until the user leaves it
     * or it ends; on the lending thread. A session shown in another terminal is moved here.
     */
    LoanEnd attach(long id, Terminal terminal, Attributes cooked, String where, byte[] typeahead) {
        Held held = sessions.get(id);
        if (held == null) {
            return new LoanEnd.SessionOver(id, "already over", -1);
        }
        reopenOnReturn(id, held);
        shownIn.put(id, where);
        lastOutput.put(id, clock.instant());
        broadcast(new UiEvent.SessionShown(id, where));
        try {
            AttachEnd end = held.session().attach(terminal, cooked, typeahead, true);
            if (end instanceof AttachEnd.Detached detached) {
                return new LoanEnd.Detached(id, LoanEnd.Toward.valueOf(detached.toward().name()));
            }
            BridgeEnd over = ((AttachEnd.Ended) end).end();
            return new LoanEnd.SessionOver(id, summary.apply(over), status(over));
        } catch (IOException | RuntimeException e) {
            return new LoanEnd.Detached(id, LoanEnd.Toward.LIST);
        } finally {
            if (shownIn.remove(id, where)) {
                broadcast(new UiEvent.SessionShown(id, ""));
            }
            lastOutput.put(id, clock.instant());
        }
    }

    /** The remote exit status, or -1 when the master sent none. */
    private static int status(BridgeEnd end) {
        return end.session().exitMessageReceived() ? end.session().status() : -1;
    }

    /** Hangs up the sessions of {@code ids} that live. */
    void hangUp(List<Long> ids) {
        for (long id : ids) {
            Held held = sessions.get(id);
            if (held != null) {
                held.session().close();
            }
        }
    }

    /** Hangs every session up (they end as their masters close the channels). */
    public void hangUpAll() {
        for (Held held : List.copyOf(sessions.values())) {
            held.session().close();
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

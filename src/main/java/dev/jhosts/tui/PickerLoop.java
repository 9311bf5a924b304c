package dev.jhosts.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.jhosts.catalog.Host;
import dev.jhosts.config.Settings;
import dev.jhosts.master.Masters;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.Overlay;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.Transition;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.Update;
import dev.jhosts.tui.state.ViewState;
import dev.jhosts.tui.terminal.KeyReader;
import dev.jhosts.tui.terminal.TerminalOwner;
import dev.jhosts.tui.view.Appearance;
import dev.jhosts.tui.view.CursorAt;
import dev.jhosts.tui.view.Renderer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The UI thread's loop over one opened terminal. It owns the view state: it takes events from
 * the queue (keys from the key reader, ticks, resizes, background results, sessions' news),
 * applies {@link Update#update}, has the {@link EffectRunner} carry out the effects, and
 * redraws. It never blocks on a session: a session runs on its own threads while the terminal
 * is lent to it ({@link TerminalLending}), and the loop goes on meanwhile (ticks, master
 * listings, other sessions' news) without drawing.
 *
 * <p>While the list shows that it is connecting, what is typed is kept for what comes next (a
 * lone Esc cancels): the session gets it first, then the terminal ({@link KeyReader}); a dialog
 * that comes first (ssh asks) gets it as keys.
 */
final class PickerLoop implements EffectRunner.Loop {
    /** Ticks while something moves on screen (a spinner, a prelaunch waiting for its delay). */
    private static final Duration TICK = Duration.ofMillis(100);
    /** Ticks otherwise: the ages on screen change once a second, and nothing else needs the time. */
    private static final Duration SLOW_TICK = Duration.ofSeconds(1);
    /** A session that opens within this time does not get a frame of "connecting" drawn first. */
    private static final Duration QUIET_OPEN = Duration.ofMillis(150);

    /** Everything the picker is made of that comes from outside. */
    record Parts(JhostsApp.Shared shared, JhostsApp.Viewer viewer, Appearance look, JhostsApp.Opening opening) {}

    private final Parts parts;
    private final BlockingQueue<UiEvent> events;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService ticker; // made and ended by run()
    private ScheduledFuture<?> nextTick; // UI thread only
    private boolean nextTickFast; // UI thread only
    private final TerminalOwner terminal;
    private final TerminalScreen screen;
    private final Renderer renderer;
    private final KeyReader keys;
    private final TerminalLending lending;
    /** Made once the first frame is out (nothing before it needs them): see {@link #run()}. */
    private Background background;
    private EffectRunner effects;
    private ViewState state;
    /** The events of the batch being applied that are still to come. */
    private final Deque<UiEvent> batch = new ArrayDeque<>();
    private boolean redrawAll = true;
    /** A change not drawn yet (a draw held back while a session opens). */
    private boolean dirty;
    private boolean quitting;
    private int exitCode;
    /** The key bindings of the settings, which Update dispatches on and the renderer shows. */
    private final Keymap keymap;

    PickerLoop(Parts parts, TerminalOwner terminal, BlockingQueue<UiEvent> events) {
        this.parts = parts;
        this.events = events;
        this.terminal = terminal;
        this.screen = terminal.screen();
        this.keymap = parts.shared().settings().keys();
        this.renderer = new Renderer(parts.look(), keymap);
        this.keys = terminal.keyReader(parts.shared().settings().escapeTimeout(), key -> post(new UiEvent.KeyPressed(key)),
                () -> post(new UiEvent.InputClosed()));
        this.lending = new TerminalLending(terminal, keys, this::post);
    }

    /**
     * What a tmux window opened by F5 needs: the terminal's tmux and agent (the viewer's), and
     * where this jhosts keeps its files (this process's XDG directories: the window's {@code
     * jhosts connect} must reach this jhosts' server, not start one of its own elsewhere).
     */
    private java.util.Map<String, String> tmuxEnvironment() {
        java.util.Map<String, String> environment = new java.util.HashMap<>(parts.viewer().environment());
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("XDG_")) {
                environment.put(name, value);
            }
        });
        return environment;
    }

    /**
     * The masters this jhosts knows live already (a server that showed them to another terminal,
     * or made them for a command): marked live in the first frame, neither probed nor launched
     * again. The status refresh, which starts with the picker, corrects one that has gone since.
     */
    private static ViewState knownLive(ViewState state, Masters masters) {
        return state.withMasters(masters.liveStates());
    }

    private void post(UiEvent event) {
        events.add(event);
    }

    /** The state of a picker's first frame on a terminal of {@code size}. */
    static ViewState firstState(JhostsApp.Shared shared, TerminalSize size, java.time.Instant now) {
        return knownLive(ViewState.initial(shared.hosts(), shared.warnings(),
                new ScreenSize(size.getColumns(), size.getRows()), now, shared.settings().prelaunchDelay()),
                shared.masters());
    }

    int run() throws IOException {
        Settings settings = parts.shared().settings();
        state = firstState(parts.shared(), terminal.size(), clock.instant());
        Runnable stopFeed = () -> { };
        Runnable unsubscribe = () -> { };
        try {
            terminal.startScreen();
            // the live sessions are listed before any key is read: an Enter typed ahead (on the
            // server's first frame, say) on a host with a session shows that one, not a new one
            unsubscribe = parts.shared().sessions().subscribe(this::post);
            // a session shown at once gets the keys typed before it (typeahead, as after Enter):
            // the list reads none until that session's showing is queued
            boolean showsSession = parts.opening() instanceof JhostsApp.Opening.Session;
            if (!showsSession) {
                keys.resume();
            }
            if (parts.opening() instanceof JhostsApp.Opening.Host) {
                dirty = true; // the session's screen comes first; the list only if it does not come soon
            } else {
                draw();
            }
            // everything else only once the first frame is out
            terminal.watchResizes(resized -> post(new UiEvent.Resized(resized.getColumns(), resized.getRows())));
            JhostsApp.Shared shared = parts.shared();
            background = Background.start(shared.hosts(), settings, shared.sshConfig(), shared.hostConfigs(),
                    shared.masters(), terminal, parts.viewer().environment(), parts.viewer().directory(), shared.sessions(),
                    this::post, clock);
            effects = new EffectRunner(background, shared.masters(), lending,
                    new TmuxOpener(shared.jhostsCommand(), settings.sessions().tmuxOpen(), tmuxEnvironment(),
                            this::post),
                    shared.connectRecorder(), this::post, clock, this, shared.hostEdits(), parts.viewer().where());
            apply(Update.update(keymap, state, new UiEvent.Started(settings.prelaunch(), settings.prompts().askAtStart(),
                    background.askpass().isPresent(), settings.onSessionEnd() == Settings.OnSessionEnd.EXIT
                            || parts.opening() instanceof JhostsApp.Opening.Host,
                    parts.viewer().sessionsOutlive())));
            apply(Update.withDetailsFor(state));
            // after the sessions' listings, posted above
            if (parts.opening() instanceof JhostsApp.Opening.Session session) {
                post(new UiEvent.ShowSession(session.id()));
                keys.resume();
            } else if (parts.opening() instanceof JhostsApp.Opening.Host host) {
                post(new UiEvent.ConnectTo(host.alias()));
            }
            stopFeed = parts.shared().feed().start((hosts, warnings) -> post(new UiEvent.CatalogueChanged(hosts, warnings)));
            LibraryWarmUp.forSessions();
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "jhosts-tick");
                thread.setDaemon(true);
                return thread;
            });
            armTick(true);
            while (!quitting) {
                batch.clear();
                batch.add(take());
                events.drainTo(batch);
                ViewState before = state;
                boolean ticked = false;
                while (!batch.isEmpty() && !quitting) {
                    UiEvent event = batch.poll();
                    ticked |= event instanceof UiEvent.Tick;
                    handle(event);
                }
                if (quitting || lending.lent()) {
                    continue; // the terminal is lent: nothing is drawn
                }
                if (redrawAll || dirty || looksDifferent(before, state)) {
                    if (background.opener.openingForLessThan(QUIET_OPEN)) {
                        dirty = true; // drawn at the next event (a tick at the latest) if the session is not there yet
                    } else {
                        draw();
                    }
                }
                armTick(ticked);
            }
            return exitCode;
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            stopFeed.run();
            unsubscribe.run();
            if (background != null) {
                background.close();
            }
            keys.stop();
            terminal.stopScreen();
        }
    }

    /** One event: the key reader told of a consumed key, the terminal taken back, the update applied. */
    private void handle(UiEvent event) throws IOException {
        if (event instanceof UiEvent.KeyPressed) {
            keys.consumed();
        }
        if (event instanceof UiEvent.TerminalBack) {
            takeTerminalBack();
        }
        if (event instanceof UiEvent.CatalogueChanged changed) {
            background.catalogueChanged(changed.hosts());
        }
        apply(Update.update(keymap, state, event));
        followConnecting(event);
    }

    /**
     * While the list shows it is connecting, what is typed is kept for the session; once it no
     * longer does (cancelled, failed), the keys are the list's again, and a session that is being
     * opened or was opened for it is closed.
     */
    private void followConnecting(UiEvent event) {
        if (lending.lent() || quitting) {
            return;
        }
        if (state.overlay() instanceof Overlay.Connecting) {
            dropKeyEvents(keys.hold());
            return;
        }
        if (state.overlay() instanceof Overlay.Prompt prompt && !prompt.connecting().isEmpty()) {
            // the keys are the dialog's, also those typed while connecting; the session waits for
            // its master (or its confirmation)
            dropKeyEvents(keys.handToDialog());
            return;
        }
        dropKeyEvents(keys.release());
        if (event instanceof UiEvent.KeyPressed || event instanceof UiEvent.SessionReady
                || event instanceof UiEvent.SessionNotOpened) {
            background.opener.cancel();
        }
    }

    @Override
    public void dropKeyEvents(int count) {
        int left = dropKeyEvents(batch.iterator(), count);
        dropKeyEvents(events.iterator(), left);
    }

    private static int dropKeyEvents(Iterator<UiEvent> queued, int count) {
        while (count > 0 && queued.hasNext()) {
            if (queued.next() instanceof UiEvent.KeyPressed) {
                queued.remove();
                count--;
            }
        }
        return count;
    }

    /** After a loan: the screen again (redrawn whole, at the terminal's size now), the keys the list's. */
    private void takeTerminalBack() throws IOException {
        try {
            lending.takeBack();
        } finally {
            // applied now rather than posted: the first frame after the loan has the size
            TerminalSize size = terminal.size();
            apply(Update.update(keymap, state, new UiEvent.Resized(size.getColumns(), size.getRows())));
            redrawAll = true;
            background.watch.refreshSoon();
        }
    }

    /**
     * Whether the screen changes: any change but the clock's, or the clock passing a whole
     * second (the ages in the status pane and of the sessions). Ticks alone do not redraw ten
     * times a second.
     */
    /**
     * Makes sure a tick comes: every {@link #TICK} while something moves, else at the next whole
     * second. An idle picker wakes once a second, not ten times. UI thread only.
     */
    private void armTick(boolean afterTick) {
        boolean fast = dirty || state.spinning() || state.prelaunchPending();
        if (!afterTick && nextTick != null && !nextTick.isDone() && (nextTickFast || !fast)) {
            return; // the tick under way comes soon enough
        }
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        long delay = fast ? TICK.toMillis() : SLOW_TICK.toMillis() - clock.millis() % SLOW_TICK.toMillis();
        nextTickFast = fast;
        nextTick = ticker.schedule(() -> post(new UiEvent.Tick(clock.instant())), Math.max(1, delay),
                TimeUnit.MILLISECONDS);
    }

    private boolean looksDifferent(ViewState before, ViewState after) {
        if (!after.withTime(before.now(), after.spinner()).equals(before)) {
            return true;
        }
        return after.now().getEpochSecond() != before.now().getEpochSecond()
                && (after.pane().visible() || !after.sessions().rows().isEmpty());
    }

    @Override
    public void quit(int status) {
        quitting = true;
        exitCode = status;
    }

    @Override
    public void redrawAll() {
        redrawAll = true;
    }

    @Override
    public void apply(UiEvent event) throws IOException {
        apply(Update.update(keymap, state, event));
    }

    private UiEvent take() throws IOException {
        try {
            return events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private void apply(Transition transition) throws IOException {
        state = transition.state();
        for (var effect : transition.effects()) {
            effects.run(effect);
        }
    }

    private void draw() throws IOException {
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null) {
            redrawAll = true;
        }
        Optional<CursorAt> cursor = renderer.render(state, screen.newTextGraphics());
        screen.setCursorPosition(cursor.map(at -> new TerminalPosition(at.column(), at.row())).orElse(null));
        screen.refresh(redrawAll ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        redrawAll = false;
        dirty = false;
    }
}

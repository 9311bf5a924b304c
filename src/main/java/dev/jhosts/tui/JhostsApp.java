package dev.jhosts.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.jhosts.catalog.Host;
import dev.jhosts.config.Settings;
import dev.jhosts.askpass.AskpassServer;
import dev.jhosts.askpass.PasswordCommands;
import dev.jhosts.askpass.PasswordSource;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.Effect;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The full-screen host picker: {@code new JhostsApp(hosts, warnings, settings, sshConfig, masters,
 * recorder).run()}
 * takes the terminal, shows the list until the user quits, gives the terminal back exactly as
 * it was and returns the exit status (0, or 130 after Ctrl-C).
 *
 * <p>One UI thread owns the state: it takes events from a queue (keys from the key reader,
 * ticks, resizes, background results), applies {@link Update#update}, carries out the effects
 * and redraws. Background threads only post events. Nothing that can wait on a master or a
 * process runs on the UI thread: a session is opened in the background ({@link
 * SessionOpener}) and runs on a thread of its own while the terminal is lent to it; the loop
 * goes on meanwhile (ticks, master listings), without drawing.
 *
 * <p>While the list shows that it is connecting, what is typed is kept for the session (a lone
 * Esc cancels); the session gets it first, then the terminal ({@link KeyReader}).
 */
public final class JhostsApp {
    private static final Duration TICK = Duration.ofMillis(100);
    /** A session that opens within this time does not get a frame of "connecting" drawn first. */
    private static final Duration QUIET_OPEN = Duration.ofMillis(150);

    private final List<Host> hosts;
    private final List<String> warnings;
    private final Settings settings;
    private final Path sshConfig;
    private final HostConfigs hostConfigs;
    private final Masters masters;
    private final Consumer<String> connectRecorder;
    private final Appearance look;
    private final Clock clock = Clock.systemUTC();
    private final BlockingQueue<UiEvent> events = new LinkedBlockingQueue<>();

    /**
     * @param hosts the catalogue, in display order
     * @param warnings problems found while reading the configuration (shown in the status line)
     * @param settings jhosts' settings
     * @param sshConfig the ssh config ({@code -F}) for the plain-ssh fallback
     * @param hostConfigs the hosts as {@code ssh -G} gives them (the details area, SendEnv)
     * @param masters the masters: launches, states, control, discovery
     * @param connectRecorder told the alias of each session opened (for the history)
     */
    public JhostsApp(List<Host> hosts, List<String> warnings, Settings settings, Path sshConfig,
            HostConfigs hostConfigs, Masters masters, Consumer<String> connectRecorder) {
        this.hosts = List.copyOf(hosts);
        this.warnings = List.copyOf(warnings);
        this.settings = settings;
        this.sshConfig = sshConfig;
        this.hostConfigs = hostConfigs;
        this.masters = masters;
        this.connectRecorder = connectRecorder;
        this.look = Appearance.fromEnvironment(System.getenv());
    }

    /**
     * Starts getting the libraries ready on another thread (see {@link LibraryWarmUp}); called
     * first thing, so that it runs while settings and the catalogue are read.
     */
    public static void prepareInBackground() {
        LibraryWarmUp.start();
    }

    /**
     * Runs the TUI until the user quits.
     *
     * @return the exit status: 0 after Esc, 130 after Ctrl-C; with {@code on-session-end = exit},
     *     the session's remote exit status
     * @throws IOException when standard input/output is not a terminal, or the terminal fails
     */
    public int run() throws IOException {
        try (TerminalOwner terminal = TerminalOwner.open(look.unicode())) {
            return new Loop(terminal).run();
        }
    }

    private void post(UiEvent event) {
        events.add(event);
    }

    /** Shows {@code text} in the status line (from any thread): what a background job has to say. */
    public void notice(String text) {
        post(new UiEvent.Notice(text));
    }

    /** The UI thread's loop over one opened terminal. */
    private final class Loop {
        private final TerminalOwner terminal;
        private final TerminalScreen screen;
        private final Renderer renderer = new Renderer(look);
        private final KeyReader keys;
        /** Made once the first frame is out (nothing before it needs them): see {@link #run()}. */
        private DetailsLookup details;
        private MasterWatch watch;
        private MasterCommands commands;
        private SessionRunner sessions;
        private ProbeWatch probes;
        /** Present where jhosts' askpass helper is installed beside the launcher. */
        private AskpassServer askpass;
        private SessionOpener opener;
        private ForwardCommands forwards;
        private RunCommands runs;
        private ViewState state;
        /** The events of the batch being applied that are still to come. */
        private final Deque<UiEvent> batch = new ArrayDeque<>();
        /** The outcome of the session the terminal is lent to; null while the list has it. */
        private CompletableFuture<SessionOutcome> attached;
        private boolean redrawAll = true;
        /** A change not drawn yet (a draw held back while a session opens). */
        private boolean dirty;
        private boolean quitting;
        private int exitCode;

        Loop(TerminalOwner terminal) {
            this.terminal = terminal;
            this.screen = terminal.screen();
            this.keys = terminal.keyReader(settings.escapeTimeout(), key -> post(new UiEvent.KeyPressed(key)),
                    () -> post(new UiEvent.InputClosed()));
        }

        /** The background helpers, and what watches the terminal's size and the masters. */
        private void startBackground() {
            terminal.watchResizes(size -> post(new UiEvent.Resized(size.getColumns(), size.getRows())));
            details = new DetailsLookup(hostConfigs, JhostsApp.this::post);
            watch = new MasterWatch(masters, hosts.stream().map(Host::alias).toList(), JhostsApp.this::post);
            commands = new MasterCommands(masters, JhostsApp.this::post, watch::refreshSoon);
            sessions = new SessionRunner(settings, sshConfig, hostConfigs, masters, terminal, System.getenv());
            probes = new ProbeWatch(hostConfigs, masters, settings.probes(), JhostsApp.this::post, clock);
            Path helper = Path.of(System.getProperty("jhosts.home", "."), "jhosts-askpass");
            if (Files.isExecutable(helper)) {
                Map<String, Set<String>> tags = new HashMap<>();
                hosts.forEach(host -> tags.put(host.alias(), Set.copyOf(host.tags())));
                PasswordCommands passwords = new PasswordCommands(settings.prompts().passwordCommands().stream()
                        .map(command -> new PasswordSource(command.hosts(), command.command(), command.timeout())).toList(),
                        alias -> tags.getOrDefault(alias, Set.of()));
                askpass = new AskpassServer(settings.controlDirectory(), helper,
                        request -> post(new UiEvent.PromptAsked(request)), id -> post(new UiEvent.PromptWithdrawn(id)),
                        passwords);
            }
            opener = new SessionOpener(sessions, JhostsApp.this::post);
            forwards = new ForwardCommands(masters, JhostsApp.this::post);
            runs = new RunCommands(masters, settings, JhostsApp.this::post);
            masters.addListener(event -> {
                post(new UiEvent.MasterChanged(event.alias(), event.state()));
                watch.refreshSoon();
            });
            watch.start();
        }

        int run() throws IOException {
            TerminalSize size = terminal.size();
            state = ViewState.initial(hosts, warnings, new ScreenSize(size.getColumns(), size.getRows()), clock.instant(),
                    settings.prelaunchDelay());
            ScheduledExecutorService ticker = null;
            try {
                terminal.startScreen();
                keys.resume();
                draw();
                // everything else only once the first frame is out
                startBackground();
                prelaunchAtStart();
                apply(Update.withDetailsFor(state));
                ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "jhosts-tick");
                    thread.setDaemon(true);
                    return thread;
                });
                ticker.scheduleAtFixedRate(() -> post(new UiEvent.Tick(clock.instant())),
                        TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
                while (!quitting) {
                    batch.clear();
                    batch.add(take());
                    events.drainTo(batch);
                    ViewState before = state;
                    while (!batch.isEmpty() && !quitting) {
                        handle(batch.poll());
                    }
                    if (quitting || attached != null) {
                        continue; // the terminal is the session's: nothing is drawn
                    }
                    if (redrawAll || dirty || looksDifferent(before, state)) {
                        if (opener.openingForLessThan(QUIET_OPEN)) {
                            dirty = true; // drawn at the next event (a tick at the latest) if the session is not there yet
                        } else {
                            draw();
                        }
                    }
                }
                return exitCode;
            } finally {
                if (ticker != null) {
                    ticker.shutdownNow();
                }
                if (watch != null) {
                    watch.close();
                    commands.close();
                    details.close();
                    probes.close();
                    if (askpass != null) {
                        askpass.close();
                    }
                    opener.close();
                    forwards.close();
                    runs.close();
                }
                keys.stop();
                terminal.stopScreen();
            }
        }

        private void prelaunchAtStart() {
            for (String alias : settings.prompts().askAtStart()) {
                if (askpass != null && hosts.stream().anyMatch(host -> host.alias().equals(alias))) {
                    masters.start(alias, askpass);
                }
            }
            for (String alias : settings.prelaunch()) {
                if (hosts.stream().anyMatch(host -> host.alias().equals(alias))) {
                    startMaster(alias);
                }
            }
        }

        private void startMaster(String alias) {
            // Its outcome reaches the list through the masters' listener, once, in order.
            masters.start(alias);
        }

        /** One event: the key reader told of a consumed key, a session's end taken back, the update applied. */
        private void handle(UiEvent event) throws IOException {
            if (event instanceof UiEvent.KeyPressed) {
                keys.consumed();
            }
            if (event instanceof UiEvent.SessionEnded && attached != null && attached.isDone()) {
                SessionOutcome outcome = attached.join();
                takeTerminalBack();
                if (settings.onSessionEnd() == Settings.OnSessionEnd.EXIT && outcome.status() >= 0) {
                    quit(outcome.status());
                    return;
                }
            }
            apply(Update.update(state, event));
            followConnecting(event);
        }

        /**
         * While the list shows it is connecting, what is typed is kept for the session; once it
         * no longer does (cancelled, failed), the keys are the list's again, and a session that
         * is being opened or was opened for it is closed.
         */
        private void followConnecting(UiEvent event) {
            if (attached != null || quitting) {
                return;
            }
            if (state.overlay() instanceof Overlay.Connecting) {
                dropKeyEvents(keys.hold());
                return;
            }
            dropKeyEvents(keys.release());
            if (event instanceof UiEvent.KeyPressed || event instanceof UiEvent.SessionReady
                    || event instanceof UiEvent.SessionEnded) {
                opener.cancel();
            }
        }

        /**
         * Drops the oldest {@code count} key events still to be applied: the key reader took
         * their bytes back (for a session, or because they cancelled one).
         */
        private void dropKeyEvents(int count) {
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

        /**
         * Lends the terminal to the session opened for {@code alias}: the key reader hands over
         * what was typed ahead and stops reading, the screen is left, and the session runs on
         * its own thread until it ends ({@link UiEvent.SessionEnded}).
         */
        private void attachSession(String alias) throws IOException {
            Optional<SessionRunner.Prepared> opened = opener.take(alias);
            if (opened.isEmpty()) {
                return;
            }
            SessionRunner.Prepared prepared = opened.get();
            connectRecorder.accept(alias);
            KeyReader.HandOver handOver = keys.handOver();
            dropKeyEvents(handOver.reclaimedKeys());
            CompletableFuture<SessionOutcome> outcome = new CompletableFuture<>();
            attached = outcome;
            try {
                if (prepared instanceof SessionRunner.Prepared.Bridged) {
                    // raw: keys typed until the bridge copies them are not echoed, they wait for it
                    terminal.stopScreenStayingRaw();
                } else {
                    terminal.stopScreen();
                }
            } catch (IOException | RuntimeException e) {
                SessionRunner.discard(prepared);
                attached = null;
                takeTerminalBack();
                throw e;
            }
            Thread session = new Thread(() -> {
                SessionOutcome ended;
                try {
                    ended = sessions.attach(prepared, handOver.bytes());
                } catch (RuntimeException e) {
                    ended = SessionOutcome.none("session failed: " + e.getMessage());
                }
                outcome.complete(ended);
                post(new UiEvent.SessionEnded(alias, ended.summary()));
            }, "jhosts-session-" + alias);
            session.setDaemon(true);
            session.start();
        }

        /** After a session: the screen again (redrawn whole, at the terminal's size now), the keys the list's. */
        private void takeTerminalBack() throws IOException {
            attached = null;
            try {
                terminal.startScreen();
            } finally {
                // applied now rather than posted: the first frame after the session has the size
                TerminalSize size = terminal.size();
                apply(Update.update(state, new UiEvent.Resized(size.getColumns(), size.getRows())));
                redrawAll = true;
                keys.resume();
                watch.refreshSoon();
            }
        }

        /** Ctrl-Z: the terminal goes back to the shell until {@code fg}; then the list as it was. */
        private void suspend() {
            keys.pause();
            try {
                terminal.suspend();
            } catch (IOException e) {
                post(new UiEvent.Notice("cannot suspend: " + e.getMessage()));
            } finally {
                TerminalSize size = terminal.size();
                post(new UiEvent.Resized(size.getColumns(), size.getRows()));
                redrawAll = true;
                keys.resume();
            }
        }

        /**
         * Whether the screen changes: any change but the clock's, or the clock passing a whole
         * second (the ages in the status pane). Ticks alone do not redraw ten times a second.
         */
        private boolean looksDifferent(ViewState before, ViewState after) {
            if (!after.withTime(before.now(), after.spinner()).equals(before)) {
                return true;
            }
            return after.now().getEpochSecond() != before.now().getEpochSecond() && after.pane().visible();
        }

        private void quit(int status) {
            quitting = true;
            exitCode = status;
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
            for (Effect effect : transition.effects()) {
                run(effect);
            }
        }

        private void run(Effect effect) throws IOException {
            if (effect instanceof Effect.Quit) {
                quit(((Effect.Quit) effect).exitCode());
            } else if (effect instanceof Effect.ResolveDetails) {
                details.request(((Effect.ResolveDetails) effect).alias());
            } else if (effect instanceof Effect.RequestProbes request) {
                if (probes != null) {
                    probes.request(request.aliases());
                }
            } else if (effect instanceof Effect.StartMasterAsking asking) {
                if (askpass != null) {
                    masters.start(asking.alias(), askpass);
                } else {
                    // no helper to ask through: ssh asks on the terminal, and that connection becomes the master
                    opener.open(asking.alias());
                }
            } else if (effect instanceof Effect.PromptKey typed) {
                askpass.type(typed.id(), typed.codePoint());
            } else if (effect instanceof Effect.PromptErase erased) {
                askpass.erase(erased.id());
            } else if (effect instanceof Effect.PromptAnswer answered) {
                askpass.submit(answered.id());
            } else if (effect instanceof Effect.PromptCancel cancelled) {
                askpass.cancel(cancelled.id());
            } else if (effect instanceof Effect.RedrawAll) {
                redrawAll = true;
            } else if (effect instanceof Effect.Suspend) {
                suspend();
            } else if (effect instanceof Effect.StartMaster) {
                startMaster(((Effect.StartMaster) effect).alias());
            } else if (effect instanceof Effect.OpenSession open) {
                opener.open(open.alias());
            } else if (effect instanceof Effect.AttachSession attach) {
                attachSession(attach.alias());
            } else if (effect instanceof Effect.Work work) {
                if (ForwardCommands.handles(work.request())) {
                    forwards.run(work.request());
                } else if (RunCommands.handles(work.request())) {
                    runs.run(work.request());
                }
            } else if (effect instanceof Effect.ControlMaster) {
                Effect.ControlMaster control = (Effect.ControlMaster) effect;
                commands.run(control.action(), control.row(), control.cutDependants());
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
}

package dev.jhosts.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.jhosts.catalog.Host;
import dev.jhosts.config.Settings;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.Effect;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
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
 * and redraws. Background threads only post events.
 */
public final class JhostsApp {
    private static final Duration TICK = Duration.ofMillis(100);

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
        private ForwardCommands forwards;
        private RunCommands runs;
        private ViewState state;
        private boolean redrawAll = true;
        private boolean quitting;
        private int exitCode;

        Loop(TerminalOwner terminal) {
            this.terminal = terminal;
            this.screen = terminal.screen();
            this.keys = terminal.keyReader(key -> post(new UiEvent.KeyPressed(key)), () -> post(new UiEvent.InputClosed()));
        }

        /** The background helpers, and what watches the terminal's size and the masters. */
        private void startBackground() {
            terminal.watchResizes(size -> post(new UiEvent.Resized(size.getColumns(), size.getRows())));
            details = new DetailsLookup(hostConfigs, JhostsApp.this::post);
            watch = new MasterWatch(masters, hosts.stream().map(Host::alias).toList(), JhostsApp.this::post);
            commands = new MasterCommands(masters, JhostsApp.this::post, watch::refreshSoon);
            sessions = new SessionRunner(settings, sshConfig, hostConfigs, masters, terminal, System.getenv());
            probes = new ProbeWatch(hostConfigs, masters, settings.probes(), JhostsApp.this::post, clock);
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
                    List<UiEvent> batch = new ArrayList<>();
                    batch.add(take());
                    events.drainTo(batch);
                    ViewState before = state;
                    for (UiEvent event : batch) {
                        apply(Update.update(state, event));
                        if (quitting) {
                            break;
                        }
                    }
                    if (!quitting && (redrawAll || looksDifferent(before, state))) {
                        draw();
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
                    forwards.close();
                    runs.close();
                }
                keys.stop();
                terminal.stopScreen();
            }
        }

        private void prelaunchAtStart() {
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

        /** Gives the terminal to a session and takes it back: same filter and selection, "exit N" shown. */
        private void openSession(String alias) throws IOException {
            keys.pause();
            connectRecorder.accept(alias);
            SessionOutcome outcome;
            try {
                outcome = sessions.run(alias);
            } finally {
                terminal.startScreen();
                TerminalSize size = terminal.size();
                post(new UiEvent.Resized(size.getColumns(), size.getRows()));
                redrawAll = true;
                keys.resume();
                watch.refreshSoon();
            }
            if (settings.onSessionEnd() == Settings.OnSessionEnd.EXIT && outcome.status() >= 0) {
                quit(outcome.status());
            } else {
                post(new UiEvent.SessionEnded(alias, outcome.summary()));
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
            } else if (effect instanceof Effect.RedrawAll) {
                redrawAll = true;
            } else if (effect instanceof Effect.Suspend) {
                suspend();
            } else if (effect instanceof Effect.StartMaster) {
                startMaster(((Effect.StartMaster) effect).alias());
            } else if (effect instanceof Effect.OpenSession) {
                openSession(((Effect.OpenSession) effect).alias());
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
        }
    }
}

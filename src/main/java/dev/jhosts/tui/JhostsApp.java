package dev.jhosts.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import dev.jhosts.catalog.Host;
import dev.jhosts.config.Settings;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.session.BridgedSession;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.ViewState;
import dev.jhosts.tui.terminal.OutputOnlyScreen;
import dev.jhosts.tui.terminal.TerminalOwner;
import dev.jhosts.tui.view.Appearance;
import dev.jhosts.tui.view.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;

/**
 * The full-screen host picker: {@code new JhostsApp(...).run()} takes the terminal, shows the
 * list until the user quits, gives the terminal back exactly as it was and returns the exit
 * status (0, or 130 after Ctrl-C).
 *
 * <p>It is made of three parts: {@link PickerLoop} (the UI thread, which owns the view state and
 * draws), {@link Background} (what it builds once the first frame is out: the helpers that
 * work in the background, the sessions it holds) and {@link EffectRunner} (what carries out the
 * update's effects). Background threads only post events; the terminal is lent to a session, a
 * plain ssh or a Ctrl-Z stop through {@link TerminalLending} alone.
 */
public final class JhostsApp {
    /**
     * Where a picker is shown: its terminal's name (where a session is attached, in {@code
     * jhosts sessions}), the user's environment there (TERM, locale, NO_COLOR, SendEnv's
     * variables), the directory its shell is in, and whether sessions go on after the picker
     * ends (those of a jhosts server).
     */
    public record Viewer(String where, Map<String, String> environment, Path directory, boolean sessionsOutlive) {
        public Viewer {
            environment = Map.copyOf(environment);
        }

        /** This process's own terminal, environment and directory; its sessions end with it. */
        public static Viewer ownTerminal() {
            return new Viewer("this terminal", System.getenv(), Path.of("").toAbsolutePath(), false);
        }
    }

    /** What a picker opens as soon as it shows, if anything. */
    public sealed interface Opening {
        /** The list. */
        record List() implements Opening {}

        /** A live session of this jhosts ({@code jhosts attach}). */
        record Session(long id) implements Opening {}

        /**
         * A session on a host of the list, as Enter on its row; the picker then exits with the
         * session's remote status when it ends ({@code jhosts connect HOST} without a command).
         */
        record Host(String alias) implements Opening {}
    }

    /** Replaced when the catalogue changes: a picker opened later starts from the new one. */
    private volatile Shared shared;

    /**
     * What every picker of one jhosts shares.
     *
     * @param hosts the catalogue, in display order
     * @param warnings problems found while reading the configuration (shown in the status line)
     * @param settings jhosts' settings
     * @param sshConfig the ssh config ({@code -F}) for the plain-ssh fallback
     * @param hostConfigs the hosts as {@code ssh -G} gives them (the details area, SendEnv)
     * @param masters the masters: launches, states, control, discovery
     * @param connectRecorder told the alias of each session opened (for the history)
     * @param jhostsCommand jhosts' launcher with the global options it was started with, for
     *     {@code jhosts connect HOST} in a tmux window
     * @param feed tells of the catalogue's changes (hosts of inventories) while a picker runs
     * @param hostEdits writes the host form's changes to the ssh config
     * @param sessions the sessions, which outlive the picker that opened them in a server
     * @param notices what background jobs of the whole jhosts tell every picker
     */
    public record Shared(List<Host> hosts, List<String> warnings, Settings settings, Path sshConfig,
            HostConfigs hostConfigs, Masters masters, Consumer<String> connectRecorder, List<String> jhostsCommand,
            CatalogueFeed feed, HostEdits hostEdits, SessionHub sessions, Notices notices) {
        public Shared {
            hosts = List.copyOf(hosts);
            warnings = List.copyOf(warnings);
            jhostsCommand = List.copyOf(jhostsCommand);
        }

        Shared withCatalogue(List<Host> newHosts, List<String> newWarnings) {
            return new Shared(newHosts, newWarnings, settings, sshConfig, hostConfigs, masters, connectRecorder,
                    jhostsCommand, feed, hostEdits, sessions, notices);
        }
    }

    public JhostsApp(Shared shared) {
        this.shared = shared;
    }

    /** Whether {@code alias} is a host of the list now (a picker can open only those). */
    public boolean lists(String alias) {
        return shared.hosts().stream().anyMatch(host -> host.alias().equals(alias));
    }

    /** The catalogue changed: pickers opened from now on show {@code hosts} (those shown are told by the feed). */
    public void catalogueChanged(List<Host> hosts, List<String> warnings) {
        shared = shared.withCatalogue(hosts, warnings);
    }

    /**
     * Starts getting the libraries ready on another thread (see {@link LibraryWarmUp}); called
     * first thing, so that it runs while settings and the catalogue are read.
     */
    public static void prepareInBackground() {
        LibraryWarmUp.start();
    }

    /**
     * Runs the TUI on this process's terminal until the user quits.
     *
     * @return the exit status: 0 after Esc, 130 after Ctrl-C; with {@code on-session-end = exit},
     *     the attached session's remote exit status
     * @throws IOException when standard input/output is not a terminal, or the terminal fails
     */
    public int run() throws IOException {
        Viewer viewer = Viewer.ownTerminal();
        try (TerminalOwner terminal = TerminalOwner.open(Appearance.fromEnvironment(viewer.environment()).unicode())) {
            return run(terminal, viewer, new Opening.List());
        }
    }

    /**
     * Draws the first frame of a picker for {@code viewer} on {@code tty}, a terminal of {@code
     * size} that nobody has taken yet, as {@link OutputOnlyScreen} draws: output only. The
     * picker that follows draws the same frame again ({@link #run(TerminalOwner, Viewer,
     * Opening)}).
     */
    public void preview(Viewer viewer, OutputStream tty, TerminalSize size) throws IOException {
        Shared shared = this.shared;
        Appearance look = Appearance.fromEnvironment(viewer.environment());
        ViewState state = PickerLoop.firstState(shared, size, Instant.now());
        Renderer renderer = new Renderer(look, shared.settings().keys());
        OutputOnlyScreen.draw(tty, look.unicode() ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII, size,
                graphics -> renderer.render(state, graphics).map(at -> new TerminalPosition(at.column(), at.row())));
    }

    /**
     * Enter typed on the first frame {@link #preview} drew for {@code viewer} on a terminal of
     * {@code size} whose modes are {@code cooked}, before its picker came: the session Enter
     * would open there ({@link FirstFrameEnter}), opened now and held for the picker, which shows
     * it ({@link Opening.Session}); its id. None when Enter would do anything else there, or the
     * session cannot be opened at once: the picker then reads that Enter itself.
     */
    public Optional<Long> openAtFirstFrame(Viewer viewer, TerminalSize size, Attributes cooked) {
        Shared shared = this.shared;
        ViewState first = PickerLoop.firstState(shared, size, Instant.now());
        Optional<String> host = FirstFrameEnter.host(first, shared.settings().keys(), shared.sessions().listings());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String alias = host.get();
        if (shared.masters().confirmsEachUse(alias)) {
            return Optional.empty(); // its ControlMaster ask would wait on a picker not there yet
        }
        try {
            // looked at once, as the picker's own Enter does (SessionRunner)
            if (!(shared.masters().refresh(alias) instanceof MasterState.Live live)) {
                return Optional.empty();
            }
            BridgedSession session = new SessionBridges(shared.settings(), shared.hostConfigs(), shared.masters(),
                    viewer.environment()).open(alias, live, new Size(size.getColumns(), size.getRows()), cooked);
            shared.connectRecorder().accept(alias);
            // every picker lists it, the one that comes for this frame too
            return Optional.of(shared.sessions().add(alias, session, nobody -> { }));
        } catch (MasterException | IOException | RuntimeException notOpened) {
            return Optional.empty();
        }
    }

    /**
     * Runs the TUI on {@code terminal} (opened by the caller, who closes it) until the user quits
     * or the terminal goes away (its input ends); {@code opening} is what it shows at once.
     */
    public int run(TerminalOwner terminal, Viewer viewer, Opening opening) throws IOException {
        BlockingQueue<UiEvent> events = new LinkedBlockingQueue<>();
        Shared shared = this.shared;
        PickerLoop.Parts parts = new PickerLoop.Parts(shared, viewer, Appearance.fromEnvironment(viewer.environment()),
                opening);
        Runnable unsubscribe = shared.notices().subscribe(text -> events.add(new UiEvent.Notice(text)));
        try {
            return new PickerLoop(parts, terminal, events).run();
        } finally {
            unsubscribe.run();
        }
    }
}

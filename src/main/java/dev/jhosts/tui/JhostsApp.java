package dev.jhosts.tui;

import dev.jhosts.catalog.Host;
import dev.jhosts.config.Settings;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.terminal.TerminalOwner;
import dev.jhosts.tui.view.Appearance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

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
    private final PickerLoop.Parts parts;
    private final BlockingQueue<UiEvent> events = new LinkedBlockingQueue<>();

    /**
     * @param hosts the catalogue, in display order
     * @param warnings problems found while reading the configuration (shown in the status line)
     * @param settings jhosts' settings
     * @param sshConfig the ssh config ({@code -F}) for the plain-ssh fallback
     * @param hostConfigs the hosts as {@code ssh -G} gives them (the details area, SendEnv)
     * @param masters the masters: launches, states, control, discovery
     * @param connectRecorder told the alias of each session opened (for the history)
     * @param jhostsCommand jhosts' launcher with the global options it was started with, for
     *     {@code jhosts connect HOST} in a tmux window
     */
    public JhostsApp(List<Host> hosts, List<String> warnings, Settings settings, Path sshConfig,
            HostConfigs hostConfigs, Masters masters, Consumer<String> connectRecorder, List<String> jhostsCommand) {
        this(hosts, warnings, settings, sshConfig, hostConfigs, masters, connectRecorder, jhostsCommand,
                CatalogueFeed.NONE);
    }

    /** As above, with {@code feed} telling of the catalogue's changes (hosts of inventories) while it runs. */
    public JhostsApp(List<Host> hosts, List<String> warnings, Settings settings, Path sshConfig,
            HostConfigs hostConfigs, Masters masters, Consumer<String> connectRecorder, List<String> jhostsCommand,
            CatalogueFeed feed) {
        this(hosts, warnings, settings, sshConfig, hostConfigs, masters, connectRecorder, jhostsCommand, feed,
                HostEdits.NONE);
    }

    /** As above, with {@code hostEdits} writing the host form's changes to the ssh config. */
    public JhostsApp(List<Host> hosts, List<String> warnings, Settings settings, Path sshConfig,
            HostConfigs hostConfigs, Masters masters, Consumer<String> connectRecorder, List<String> jhostsCommand,
            CatalogueFeed feed, HostEdits hostEdits) {
        this.parts = new PickerLoop.Parts(List.copyOf(hosts), List.copyOf(warnings), settings, sshConfig, hostConfigs,
                masters, connectRecorder, List.copyOf(jhostsCommand), Appearance.fromEnvironment(System.getenv()), feed,
                hostEdits);
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
     *     the attached session's remote exit status
     * @throws IOException when standard input/output is not a terminal, or the terminal fails
     */
    public int run() throws IOException {
        try (TerminalOwner terminal = TerminalOwner.open(parts.look().unicode())) {
            return new PickerLoop(parts, terminal, events).run();
        }
    }

    /** Shows {@code text} in the status line (from any thread): what a background job has to say. */
    public void notice(String text) {
        events.add(new UiEvent.Notice(text));
    }
}

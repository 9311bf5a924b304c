package dev.jhosts.tui;

import dev.jhosts.askpass.AskpassServer;
import dev.jhosts.askpass.PasswordCommands;
import dev.jhosts.askpass.PasswordSource;
import dev.jhosts.catalog.Host;
import dev.jhosts.config.Settings;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterEvent;
import dev.jhosts.master.Masters;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the picker builds once its first frame is out (nothing before it needs them): the
 * helpers that work in the background and post events, and the sessions it holds. Closed, in
 * turn, when the picker ends.
 */
final class Background implements AutoCloseable {
    final DetailsLookup details;
    final MasterWatch watch;
    final MasterCommands commands;
    final SessionRunner runner;
    final SessionOpener opener;
    final SessionHub sessions;
    final ProbeWatch probes;
    final ForwardCommands forwards;
    final RunCommands runs;
    final FilesCommands files;
    /** The terminal the picker is drawn on, which its sessions are attached to. */
    final TerminalOwner terminal;
    private final Masters masters;
    private final Consumer<MasterEvent> masterListener;
    private final AskpassServer askpass;
    /** Each host's tags, for password-commands' tag: selections; replaced when the catalogue changes. */
    private final Map<String, Set<String>> tags;

    private Background(DetailsLookup details, MasterWatch watch, MasterCommands commands, SessionRunner runner,
            SessionOpener opener, SessionHub sessions, ProbeWatch probes, ForwardCommands forwards, RunCommands runs,
            FilesCommands files, AskpassServer askpass, Map<String, Set<String>> tags, TerminalOwner terminal,
            Masters masters, Consumer<MasterEvent> masterListener) {
        this.masters = masters;
        this.masterListener = masterListener;
        this.tags = tags;
        this.terminal = terminal;
        this.details = details;
        this.watch = watch;
        this.commands = commands;
        this.runner = runner;
        this.opener = opener;
        this.sessions = sessions;
        this.probes = probes;
        this.forwards = forwards;
        this.runs = runs;
        this.files = files;
        this.askpass = askpass;
    }

    /**
     * Builds and starts them; {@code post} is how each reaches the UI thread. {@code sessions}
     * are shared with the other pickers of this jhosts and outlive this one; {@code environment}
     * is the user's where the terminal is (what sessions send, as ssh's SendEnv), {@code directory}
     * the directory of its shell (where the files pane's local side starts).
     */
    static Background start(List<Host> hosts, Settings settings, Path sshConfig, HostConfigs hostConfigs,
            Masters masters, TerminalOwner terminal, Map<String, String> environment, Path directory, SessionHub sessions,
            Consumer<UiEvent> post, Clock clock) {
        DetailsLookup details = new DetailsLookup(hostConfigs, post);
        MasterWatch watch = new MasterWatch(masters, hosts.stream().map(Host::alias).toList(), post);
        MasterCommands commands = new MasterCommands(masters, post, watch::refreshSoon);
        SessionRunner runner = new SessionRunner(settings, sshConfig, hostConfigs, masters, terminal, environment);
        // a probe that sees a host answer makes the master of its lost sessions again at once
        Consumer<UiEvent> probed = event -> {
            if (event instanceof UiEvent.Probed result
                    && result.result().reachability() instanceof dev.jhosts.probe.Reachability.Reachable) {
                sessions.hostSeen(result.alias());
            }
            post.accept(event);
        };
        ProbeWatch probes = new ProbeWatch(hostConfigs, masters, settings.probes(), probed, clock);
        Map<String, Set<String>> tags = new java.util.concurrent.ConcurrentHashMap<>();
        hosts.forEach(host -> tags.put(host.alias(), Set.copyOf(host.tags())));
        AskpassServer askpass = askpass(tags, settings, post);
        SessionOpener opener = new SessionOpener(runner, post);
        ForwardCommands forwards = new ForwardCommands(masters, post);
        RunCommands runs = new RunCommands(masters, settings, post);
        FilesCommands files = new FilesCommands(masters, settings.aliveCheckTimeout().multipliedBy(4), post, directory);
        Consumer<MasterEvent> masterListener = event -> {
            post.accept(new UiEvent.MasterChanged(event.alias(), event.state()));
            watch.refreshSoon();
        };
        masters.addListener(masterListener);
        watch.start();
        ConfigRefusalCheck.start(hostConfigs, hosts, post);
        return new Background(details, watch, commands, runner, opener, sessions, probes, forwards, runs, files, askpass, tags,
                terminal, masters, masterListener);
    }

    /** Present where jhosts' askpass helper is installed beside the launcher. */
    Optional<AskpassServer> askpass() {
        return Optional.ofNullable(askpass);
    }

    /** The catalogue changed (a source answered): the tags password-commands select by are its hosts'. */
    void catalogueChanged(List<Host> hosts) {
        Map<String, Set<String>> now = new HashMap<>();
        hosts.forEach(host -> now.put(host.alias(), Set.copyOf(host.tags())));
        tags.keySet().retainAll(now.keySet());
        tags.putAll(now);
    }

    private static AskpassServer askpass(Map<String, Set<String>> tags, Settings settings, Consumer<UiEvent> post) {
        Path helper = Path.of(System.getProperty("jhosts.home", "."), "jhosts-askpass");
        if (!Files.isExecutable(helper)) {
            return null;
        }
        PasswordCommands passwords = new PasswordCommands(settings.prompts().passwordCommands().stream()
                .map(command -> new PasswordSource(command.hosts(), command.command(), command.timeout())).toList(),
                alias -> tags.getOrDefault(alias, Set.of()));
        return new AskpassServer(settings.controlDirectory(), helper,
                request -> post.accept(new UiEvent.PromptAsked(request)),
                id -> post.accept(new UiEvent.PromptWithdrawn(id)), passwords);
    }

    /** Stops every helper (the sessions go on: they are the hub's). */
    @Override
    public void close() {
        masters.removeListener(masterListener);
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
        files.close();
    }
}

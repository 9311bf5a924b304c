package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.History;
import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostOrdering;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.catalog.SshCatalog;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.LatestTerminal;
import dev.jhosts.master.Masters;
import dev.jhosts.sources.Sources;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.Notices;
import dev.jhosts.tui.Reconnections;
import dev.jhosts.tui.SessionHub;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the pickers of one jhosts share, built once from the settings: the catalogue in frecency
 * order (the sources' hosts from their caches), the catalogue's and the history's warnings, the
 * masters and the sessions. The sources then run in the background while a picker shows, and
 * their hosts join the list as they answer. A jhosts server holds one for every picker it
 * shows; {@code jhosts} in the foreground holds one for its own picker. Closing it hangs the
 * sessions up and closes the masters' helpers (the masters themselves go on).
 */
final class PickerRuntime implements AutoCloseable {
    private final Masters masters;
    private final SessionHub sessions;
    private final JhostsApp app;
    private final List<Runnable> stops;
    private final SettingsFreshness settings;
    private final LatestTerminal latestTerminal;
    private final ServedCli commands;

    private PickerRuntime(Masters masters, SessionHub sessions, JhostsApp app, List<Runnable> stops,
            SettingsFreshness settings, LatestTerminal latestTerminal, ServedCli commands) {
        this.latestTerminal = latestTerminal;
        this.commands = commands;
        this.masters = masters;
        this.sessions = sessions;
        this.app = app;
        this.stops = stops;
        this.settings = settings;
    }

    /**
     * Builds it; with {@code watchFiles}, the ssh config, the settings and the files hosts come
     * from are watched (a server that runs for days): the list follows their changes.
     */
    static PickerRuntime open(Context context, boolean watchFiles) throws MasterException {
        // The sources' cached hosts only: a source runs in the background once the first frame is out.
        Instant readAt = Instant.now();
        AtomicReference<SshCatalog> read = new AtomicReference<>(context.sshCatalog());
        Sources sources = context.sources();
        AtomicReference<SourceHosts> latest = new AtomicReference<>(sources.any() ? sources.cached() : SourceHosts.NONE);
        Catalog catalog = read.get().with(latest.get());
        CompletionCacheUpdates completionCache = new CompletionCacheUpdates(context);
        completionCache.update(catalog, readAt);
        History history = History.load(context.locations().stateDirectory());
        List<String> warnings = new ArrayList<>(catalog.warnings());
        warnings.addAll(history.warnings());
        HostConfigs hosts = context.hosts(catalog);
        CataloguePublisher publisher = new CataloguePublisher();
        Notices notices = new Notices();
        // a forward of the forwards setting that a new master refuses is told in the status lines
        LatestTerminal latestTerminal = new LatestTerminal();
        Masters masters = context.masters(hosts, notices::tell, latestTerminal);
        SessionHub sessions = new SessionHub(end -> end.summary(context.settings().escapeChar()), Clock.systemUTC());
        JhostsApp app = new JhostsApp(new JhostsApp.Shared(HostOrdering.frecency(history).sort(catalog.hosts()), warnings,
                context.settings(), context.sshConfig(), hosts, masters, alias -> recordInBackground(history, alias),
                jhostsCommand(context), publisher, new PickerHostEdits(context, history, hosts, read, latest), sessions,
                notices));
        // one catalogue, made again when the ssh config or a source changes, published in order
        Object rebuilding = new Object();
        java.util.function.BooleanSupplier rebuild = () -> {
            synchronized (rebuilding) {
                Catalog now = read.get().with(latest.get());
                completionCache.update(now, Instant.now());
                List<String> nowWarnings = new ArrayList<>(now.warnings());
                nowWarnings.addAll(history.warnings());
                List<Host> ordered = HostOrdering.frecency(history).sort(now.hosts());
                app.catalogueChanged(ordered, nowWarnings);
                publisher.publish(ordered, nowWarnings);
                return true;
            }
        };
        List<Runnable> stops = new ArrayList<>();
        // once per jhosts: the masters of sessions that lost theirs are made again (not per picker)
        Reconnections reconnections = new Reconnections(masters,
                context.settings().connectTimeout().multipliedBy(2).plusSeconds(15), sessions, notices::tell);
        sessions.reconnectWith(reconnections, context.settings().aliveCheckTimeout().multipliedBy(4));
        stops.add(reconnections::close);
        if (sources.any()) {
            Sources.Watch watch = sources.watch(sourceHosts -> {
                latest.set(sourceHosts);
                synchronized (rebuilding) {
                    hosts.useHosts(read.get().with(sourceHosts).hosts());
                    rebuild.getAsBoolean();
                }
            });
            stops.add(watch::close);
        }
        SettingsFreshness freshness = new SettingsFreshness(context);
        if (watchFiles) {
            List<Path> fixed = new ArrayList<>(List.of(context.sshConfig(), context.settingsFile()));
            AtomicReference<CatalogueWatch> watch = new AtomicReference<>();
            watch.set(new CatalogueWatch(fixed, catalog.hosts(), () -> {
                synchronized (rebuilding) {
                    read.set(context.sshCatalog());
                    Catalog now = read.get().with(latest.get());
                    hosts.configEdited(now.hosts());
                    watch.get().hostsAre(now.hosts());
                    rebuild.getAsBoolean();
                }
                freshness.check().ifPresent(notices::tell);
            }));
            stops.add(watch.get()::close);
        }
        stops.add(completionCache::close); // last: the watches above may still ask for a write
        return new PickerRuntime(masters, sessions, app, stops, freshness, latestTerminal,
                new ServedCli(context, masters, latestTerminal));
    }

    JhostsApp app() {
        return app;
    }

    /** A terminal came to the server with {@code environment}: the masters made from now on take its agent and display. */
    void terminalCame(java.util.Map<String, String> environment) {
        latestTerminal.cameFrom(environment);
    }

    SessionHub sessions() {
        return sessions;
    }

    /** The command-line commands a server of this runtime runs for its clients, with its masters. */
    ServedCli commands() {
        return commands;
    }

    /** Whether the settings file differs now from what this runtime read, readable or not. */
    boolean settingsFileChanged() {
        return settings.changedNow();
    }

    /** Whether the settings file changed since this runtime read it, and reads well: a new server would differ. */
    boolean settingsChanged() {
        return settings.changedAndValid();
    }

    @Override
    public void close() {
        stops.forEach(Runnable::run);
        sessions.close();
        masters.close();
    }

    /** The launcher and the global options this picker was started with, for {@code jhosts connect} in tmux. */
    private static List<String> jhostsCommand(Context context) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("jhosts.home", "."), "jhosts").toAbsolutePath().toString(),
                "-F", context.sshConfig().toAbsolutePath().toString()));
        if (context.explicitSettingsFile()) {
            command.addAll(List.of("-c", context.settingsFile().toString()));
        }
        return command;
    }

    /**
     * Notes a connect off the path from Enter to the session; nothing is printed, since the
     * terminal belongs to the session (a history that cannot be written only loses ordering).
     */
    private static void recordInBackground(History history, String alias) {
        Thread writer = new Thread(() -> {
            try {
                history.recordConnect(alias, Instant.now());
            } catch (IOException | IllegalArgumentException e) {
                // the order of the next start is all that is lost
            }
        }, "jhosts-history");
        writer.setDaemon(true);
        writer.start();
    }
}

package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.History;
import dev.jhosts.catalog.HostOrdering;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.catalog.SshCatalog;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.Masters;
import dev.jhosts.sources.Sources;
import dev.jhosts.tui.CatalogueFeed;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.Notices;
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

    private PickerRuntime(Masters masters, SessionHub sessions, JhostsApp app) {
        this.masters = masters;
        this.sessions = sessions;
        this.app = app;
    }

    static PickerRuntime open(Context context) throws MasterException {
        // The sources' cached hosts only: a source runs in the background once the first frame is out.
        Instant readAt = Instant.now();
        AtomicReference<SshCatalog> read = new AtomicReference<>(context.sshCatalog());
        Sources sources = context.sources();
        AtomicReference<SourceHosts> latest = new AtomicReference<>(sources.any() ? sources.cached() : SourceHosts.NONE);
        Catalog catalog = context.remembered(read.get().with(latest.get()), readAt);
        History history = History.load(context.locations().stateDirectory());
        List<String> warnings = new ArrayList<>(catalog.warnings());
        warnings.addAll(history.warnings());
        HostConfigs hosts = context.hosts(catalog);
        CatalogueFeed feed = sources.any() ? changed -> {
            Sources.Watch watch = sources.watch(sourceHosts -> {
                latest.set(sourceHosts);
                Catalog now = context.remembered(read.get().with(sourceHosts), Instant.now());
                hosts.useHosts(now.hosts());
                List<String> nowWarnings = new ArrayList<>(now.warnings());
                nowWarnings.addAll(history.warnings());
                changed.accept(HostOrdering.frecency(history).sort(now.hosts()), nowWarnings);
            });
            return watch::close;
        } : CatalogueFeed.NONE;
        Notices notices = new Notices();
        // a forward of the forwards setting that a new master refuses is told in the status lines
        Masters masters = context.masters(hosts, notices::tell);
        SessionHub sessions = new SessionHub(end -> end.summary(context.settings().escapeChar()),
                Clock.systemUTC());
        JhostsApp app = new JhostsApp(new JhostsApp.Shared(HostOrdering.frecency(history).sort(catalog.hosts()), warnings,
                context.settings(), context.sshConfig(), hosts, masters, alias -> recordInBackground(history, alias),
                jhostsCommand(context), feed, new PickerHostEdits(context, history, hosts, read, latest), sessions,
                notices));
        return new PickerRuntime(masters, sessions, app);
    }

    JhostsApp app() {
        return app;
    }

    SessionHub sessions() {
        return sessions;
    }

    @Override
    public void close() {
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

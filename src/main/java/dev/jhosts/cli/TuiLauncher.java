package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.History;
import dev.jhosts.catalog.HostOrdering;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.catalog.SshCatalog;
import dev.jhosts.sources.Sources;
import dev.jhosts.tui.CatalogueFeed;
import dev.jhosts.tui.JhostsApp;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the full-screen host picker: the catalogue in frecency order (the sources' hosts from
 * their caches), the catalogue's and the history's warnings; the sources then run in the
 * background, and their hosts join the list as they answer.
 */
final class TuiLauncher {
    private TuiLauncher() {}

    static int run(Context context) {
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
        // a forward of the forwards setting that a new master refuses is told in the status line
        AtomicReference<JhostsApp> shown = new AtomicReference<>();
        try (Masters masters = context.masters(hosts, problem -> {
            JhostsApp app = shown.get();
            if (app != null) {
                app.notice(problem);
            }
        })) {
            JhostsApp app = new JhostsApp(HostOrdering.frecency(history).sort(catalog.hosts()), warnings,
                    context.settings(), context.sshConfig(), hosts, masters, alias -> recordInBackground(history, alias),
                    jhostsCommand(context), feed, new PickerHostEdits(context, history, hosts, read, latest));
            shown.set(app);
            return app.run();
        } catch (MasterException | IOException e) {
            String next = System.console() == null ? "; 'jhosts list' and 'jhosts connect HOST' work without one" : "";
            System.err.println(Messages.line(e.getMessage() + next));
            return ExitCodes.FAILURE;
        }
    }

    /** The launcher and the global options this picker was started with, for {@code jhosts connect} in tmux. */
    private static List<String> jhostsCommand(Context context) {
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("jhosts.home", "."), "jhosts").toAbsolutePath().toString(),
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

package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.CatalogLoader;
import dev.jhosts.catalog.History;
import dev.jhosts.catalog.SshCatalog;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.sources.Sources;
import dev.jhosts.catalog.Host;
import dev.jhosts.completion.HostCache;
import dev.jhosts.config.HostEntry;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsException;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.HostOptions;
import dev.jhosts.master.LatestTerminal;
import dev.jhosts.master.Masters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a command runs with: the settings, the ssh config and where files go, read once from the
 * global options.
 *
 * @param explicitSshConfig whether {@code -F} was given (then OpenSSH skips the system config)
 * @param settingsFile the settings file read ({@code -c}), or the default one, which may not exist
 * @param explicitSettingsFile whether {@code -c} was given
 */
record Context(Settings settings, Locations locations, Path sshConfig, boolean explicitSshConfig,
        Path settingsFile, boolean explicitSettingsFile) {
    private static final Path SYSTEM_SSH_CONFIG = Path.of("/etc/ssh/ssh_config");

    static Context load(GlobalOptions options) throws SettingsException {
        Locations locations = Locations.fromEnvironment();
        DebugLog.configure(options.debug, locations.stateDirectory());
        SettingsLoader loader = new SettingsLoader(locations);
        boolean explicitSettings = options.settingsFile != null;
        Settings settings = explicitSettings
                ? loader.loadExplicit(options.settingsFile)
                : loader.loadDefault();
        boolean explicit = options.sshConfig != null;
        Path sshConfig = explicit ? options.sshConfig.toAbsolutePath() : locations.userSshConfig();
        Path settingsFile = explicitSettings ? options.settingsFile.toAbsolutePath() : locations.settingsFile();
        return new Context(settings, locations, sshConfig, explicit, settingsFile, explicitSettings);
    }

    /** Notes a connect in the history that orders the picker; a history that cannot be written is no reason to fail. */
    void recordConnect(String alias) {
        History history = History.load(locations.stateDirectory());
        history.warnings().forEach(warning -> System.err.println(Messages.warning(warning)));
        try {
            history.recordConnect(alias, Instant.now());
        } catch (IOException | IllegalArgumentException e) {
            if (Boolean.getBoolean("jhosts.debug")) {
                System.getLogger(Context.class.getName()).log(System.Logger.Level.DEBUG, "history not written", e);
            }
        }
    }

    /**
     * The host catalogue (ssh config, jhosts' own hosts, the sources' hosts) for a command about
     * the whole list: sources whose cached hosts are older than their {@code refresh} are run
     * first (each within its timeout); their warnings are among the catalogue's. Reading it also
     * refreshes the host list of shell completion ({@link HostCache}) when that is stale; a cache
     * that cannot be written costs completion speed only, so it is no reason to fail.
     */
    Catalog catalog() {
        return catalog(Sources.Run.STALE);
    }

    /** As {@link #catalog()}, running the sources {@code which} names. */
    Catalog catalog(Sources.Run which) {
        Instant readAt = Instant.now();
        SshCatalog read = sshCatalog();
        return remembered(read.with(sourceHosts(which)), readAt);
    }

    /**
     * As {@link #catalog(Sources.Run)} for a command that does not print the catalogue's
     * warnings: those of the sources (one line each, naming the source) go to stderr.
     */
    Catalog catalogTellingSources(Sources.Run which) {
        return catalogTellingSources(which, new PrintWriter(System.err, true));
    }

    /** As {@link #catalogTellingSources(Sources.Run)}, the sources' warnings told to {@code err}. */
    Catalog catalogTellingSources(Sources.Run which, PrintWriter err) {
        Instant readAt = Instant.now();
        SshCatalog read = sshCatalog();
        SourceHosts sourceHosts = sourceHosts(which);
        sourceHosts.warnings().forEach(warning -> err.println("jhosts: warning: " + warning));
        err.flush();
        return remembered(read.with(sourceHosts), readAt);
    }

    /** The ssh config as read, for the sources' hosts to be merged on. */
    SshCatalog sshCatalog() {
        return new CatalogLoader(locations, settings).read(sshConfig, explicitSshConfig);
    }

    /** The inventories of the {@code sources} setting, cached in {@link Sources#cacheDirectory}. */
    Sources sources() {
        return new Sources(settings.sources(), sourceCacheDirectory(), System.getProperty("user.name", ""));
    }

    private Path sourceCacheDirectory() {
        return Sources.cacheDirectory(System.getenv(), locations.home());
    }

    private SourceHosts sourceHosts(Sources.Run which) {
        Sources sources = sources();
        if (!sources.any()) {
            return SourceHosts.NONE;
        }
        try {
            return sources.refreshed(which);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sources.cached();
        }
    }

    /** {@code catalog}, with the completion cache brought up to date with it. */
    Catalog remembered(Catalog catalog, Instant readAt) {
        List<Path> files = new ArrayList<>(List.of(sshConfig, settingsFile));
        if (!explicitSshConfig) {
            files.add(SYSTEM_SSH_CONFIG);
        }
        if (!settings.sources().isEmpty()) {
            files.add(sourceCacheDirectory()); // a source's new answer is written there
        }
        HostCache.Source source = HostCache.Source.of(explicitSshConfig ? sshConfig.toString() : "",
                explicitSettingsFile ? settingsFile.toString() : "", files, catalog.hosts());
        try {
            HostCache.update(locations.stateDirectory(), source, settings.controlDirectory(), catalog.hosts(), readAt);
        } catch (IOException | RuntimeException e) {
            if (Boolean.getBoolean("jhosts.debug")) {
                System.getLogger(Context.class.getName()).log(System.Logger.Level.DEBUG, "completion cache not written", e);
            }
        }
        return catalog;
    }

    /**
     * The hosts as ssh sees them, with the options of jhosts' own hosts and the sources' hosts;
     * the ssh config is read only when the settings may define such hosts, so that a command
     * about one host stays fast with a large ssh config. Sources are not waited for: their
     * cached hosts are used whatever their age, and only a source that never gave hosts is run.
     */
    HostConfigs hosts() {
        return hosts(new PrintWriter(System.err, true));
    }

    /** As {@link #hosts()}, the sources' warnings told to {@code err}. */
    HostConfigs hosts(PrintWriter err) {
        boolean extraHostsPossible = settings.hosts().stream().anyMatch(HostEntry::definesHost);
        if (!settings.sources().isEmpty()) {
            return hosts(catalogTellingSources(Sources.Run.MISSING, err));
        }
        return hosts(extraHostsPossible ? catalog() : new Catalog(List.of(), List.of()));
    }

    /** As {@link #hosts()}, with a catalogue the caller has already loaded. */
    HostConfigs hosts(Catalog catalog) {
        return new HostConfigs(new SshOptionsResolver(settings.sshBinary(), sshConfig), HostOptions.of(catalog.hosts()));
    }

    /**
     * The masters, over the secure control directory (created on first use); the masters they
     * make get the forwards of the {@code forwards} setting, and a forward a master refuses is
     * a warning on stderr.
     */
    Masters masters(HostConfigs hosts) throws MasterException {
        return masters(hosts, problem -> {
            System.err.println(Messages.warning(problem));
            System.err.flush();
        });
    }

    /** As {@link #masters(HostConfigs)}, with the refused forwards of the setting told to {@code forwardProblems}. */
    Masters masters(HostConfigs hosts, Consumer<String> forwardProblems) throws MasterException {
        return masters(hosts, forwardProblems, new LatestTerminal());
    }

    /** As above, the masters made with the agent and display of the terminal the user came from last (the server's). */
    Masters masters(HostConfigs hosts, Consumer<String> forwardProblems, LatestTerminal terminal) throws MasterException {
        Masters masters = new Masters(settings, sshConfig, ControlDirectory.prepare(settings.controlDirectory()), hosts,
                terminal);
        masters.openOnLaunch(settings.forwards(), forwardProblems);
        return masters;
    }
}

package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.CatalogLoader;
import dev.jhosts.catalog.History;
import dev.jhosts.catalog.SshOptionsResolver;
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
import dev.jhosts.master.Masters;
import java.io.IOException;
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
     * The host catalogue (ssh config and jhosts' own hosts). Reading it also refreshes the host
     * list of shell completion ({@link HostCache}) when that is stale; a cache that cannot be
     * written costs completion speed only, so it is no reason to fail.
     */
    Catalog catalog() {
        Instant readAt = Instant.now();
        Catalog catalog = new CatalogLoader(locations, settings).load(sshConfig, explicitSshConfig);
        List<Path> files = new ArrayList<>(List.of(sshConfig, settingsFile));
        if (!explicitSshConfig) {
            files.add(SYSTEM_SSH_CONFIG);
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
     * The hosts as ssh sees them, with the options of jhosts' own hosts; the ssh config is read
     * only when the settings may define such hosts, so that a command about one host stays fast
     * with a large ssh config.
     */
    HostConfigs hosts() {
        boolean extraHostsPossible = settings.hosts().stream().anyMatch(HostEntry::definesHost);
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
        Masters masters = new Masters(settings, sshConfig, ControlDirectory.prepare(settings.controlDirectory()), hosts);
        masters.openOnLaunch(settings.forwards(), forwardProblems);
        return masters;
    }
}

package dev.jhosts.catalog;

import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the {@link Catalog}: the ssh config read as OpenSSH reads it (the user's config, then
 * the system one unless {@code -F} was given), its hosts with the values ssh would use, and
 * jhosts' settings entries merged on. Never runs ssh; never throws for a bad config.
 */
public final class CatalogLoader {
    private static final Path SYSTEM_CONFIG = Path.of("/etc/ssh/ssh_config");

    private final Locations locations;
    private final Settings settings;
    private final Path systemConfig;
    private final String localUser;

    public CatalogLoader(Locations locations, Settings settings) {
        this(locations, settings, SYSTEM_CONFIG, System.getProperty("user.name", ""));
    }

    /** For tests: another system config (its relative Includes resolve next to it) and local user. */
    CatalogLoader(Locations locations, Settings settings, Path systemConfig, String localUser) {
        this.locations = locations;
        this.settings = settings;
        this.systemConfig = systemConfig;
        this.localUser = localUser;
    }

    /**
     * sshConfig: the -F file (then the system config is not read), or the default user config
     * ({@code locations.userSshConfig()}, then {@code /etc/ssh/ssh_config} is read after it).
     * {@code -F none} reads no file at all, as ssh does.
     */
    public Catalog load(Path sshConfig, boolean explicitConfig) {
        return read(sshConfig, explicitConfig).with(SourceHosts.NONE);
    }

    /** The ssh config read as {@link #load} reads it, for the sources' hosts to be merged on ({@link SshCatalog#with}). */
    public SshCatalog read(Path sshConfig, boolean explicitConfig) {
        Warnings warnings = new Warnings(locations.home());
        List<SshConfigReader.Source> sources;
        if (explicitConfig) {
            sources = sshConfig.toString().equalsIgnoreCase("none")
                    ? List.of()
                    : List.of(new SshConfigReader.Source(sshConfig, true, true, false));
        } else {
            sources = List.of(
                    new SshConfigReader.Source(sshConfig, true, false, true),
                    new SshConfigReader.Source(systemConfig, false, false, false));
        }
        Path systemDirectory = systemConfig.toAbsolutePath().getParent();
        PortNumbers ports = PortNumbers.system();
        SshConfigReader reader = new SshConfigReader(
                new IncludePaths(locations.home(), systemDirectory), ports, warnings, localUser);
        ParsedSshConfig parsed = reader.read(sources);
        List<Host> sshHosts = new HostResolver(warnings, localUser).hosts(parsed);
        return new SshCatalog(sshHosts, warnings.list(), settings.hosts(), localUser, locations.home());
    }
}

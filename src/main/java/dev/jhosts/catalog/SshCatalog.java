package dev.jhosts.catalog;

import dev.jhosts.config.HostEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ssh config's hosts as read, with the settings' {@code hosts} entries still to put on: what
 * stays the same while the hosts of the sources come and go, so that their answers cost a merge,
 * not a new reading of the ssh config.
 */
public final class SshCatalog {
    private final List<Host> sshHosts;
    private final List<String> warnings;
    private final List<HostEntry> entries;
    private final String localUser;
    private final Path home;

    SshCatalog(List<Host> sshHosts, List<String> warnings, List<HostEntry> entries, String localUser,
            Path home) {
        this.home = home;
        this.sshHosts = List.copyOf(sshHosts);
        this.warnings = List.copyOf(warnings);
        this.entries = List.copyOf(entries);
        this.localUser = localUser;
    }

    /**
     * The catalogue with {@code sources}' hosts: the ssh config's hosts, then the settings' extra
     * hosts, then the sources' (an alias already listed stays the earlier one's), the settings'
     * notes put on all of them; the warnings of the ssh config, the settings and the sources.
     */
    public Catalog with(SourceHosts sources) {
        Warnings noted = new Warnings(home);
        List<Host> hosts = new SettingsNotes(noted, localUser).apply(sshHosts, sources, entries);
        List<String> all = new ArrayList<>(warnings);
        all.addAll(noted.list());
        all.addAll(sources.warnings());
        return new Catalog(hosts, all);
    }
}

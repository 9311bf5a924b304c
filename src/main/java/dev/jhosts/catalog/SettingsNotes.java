package dev.jhosts.catalog;

import dev.jhosts.config.HostEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the {@code hosts} entries of jhosts' settings onto the ssh config hosts: tags are added
 * after the ssh config's, a group or description set in the settings replaces the config's,
 * favourite is set by either. An entry with a hostname whose alias is not in the ssh config
 * becomes an extra host; an entry without one also notes a source's host; an entry that names
 * no host is reported.
 */
final class SettingsNotes {
    private final Warnings warnings;
    private final String localUser;

    SettingsNotes(Warnings warnings, String localUser) {
        this.warnings = warnings;
        this.localUser = localUser;
    }

    List<Host> apply(List<Host> sshHosts, List<HostEntry> entries) {
        return apply(sshHosts, SourceHosts.NONE, entries);
    }

    /**
     * The ssh config's hosts, then the settings' extra hosts, then the sources' hosts whose alias
     * neither gives, each with the notes of its entry.
     */
    List<Host> apply(List<Host> sshHosts, SourceHosts sources, List<HostEntry> entries) {
        Map<String, HostEntry> byAlias = new LinkedHashMap<>();
        for (HostEntry entry : entries) {
            HostEntry earlier = byAlias.putIfAbsent(entry.alias(), entry);
            if (earlier != null) {
                warnings.at(entry.file(), entry.line(), "hosts: " + entry.alias()
                        + " is listed again; the entry at line " + earlier.line() + " is used");
            }
        }
        Map<String, Host> known = new HashMap<>();
        List<Host> result = new ArrayList<>(sshHosts.size() + byAlias.size() + sources.hosts().size());
        for (Host host : sshHosts) {
            HostEntry entry = byAlias.get(host.alias());
            Host noted = entry == null ? host : noted(host, entry);
            known.put(host.alias(), noted);
            result.add(noted);
        }
        Map<String, Host> fromSources = new LinkedHashMap<>();
        for (Host host : sources.hosts()) {
            if (!known.containsKey(host.alias())) {
                fromSources.putIfAbsent(host.alias(), host);
            }
        }
        for (HostEntry entry : byAlias.values()) {
            if (known.containsKey(entry.alias())) {
                if (entry.definesHost()) {
                    warnings.at(entry.file(), entry.line(), "hosts: " + entry.alias()
                            + " is in the ssh config, which gives its hostname, user and port; those of this entry are not used");
                }
            } else if (entry.definesHost()) {
                result.add(extra(entry));
                fromSources.remove(entry.alias());
            } else if (fromSources.containsKey(entry.alias())) {
                fromSources.put(entry.alias(), noted(fromSources.get(entry.alias()), entry));
            } else if (sources.complete()) {
                warnings.at(entry.file(), entry.line(), "hosts: no ssh config host " + entry.alias()
                        + (sources.hosts().isEmpty() ? "" : " (nor a source's)")
                        + " (set hostname to make it a host of its own)");
            }
        }
        result.addAll(fromSources.values());
        return result;
    }

    private static Host noted(Host host, HostEntry entry) {
        List<String> tags = new ArrayList<>(host.tags());
        tags.addAll(entry.tags());
        HostNotes notes = new HostNotes(tags,
                entry.group().isEmpty() ? host.group() : entry.group(),
                entry.description().isEmpty() ? host.description() : entry.description(),
                host.favourite() || entry.favourite());
        return new Host(host.alias(), host.hostname(), host.user(), host.port(), host.proxyJump(),
                notes.tags(), notes.group(), notes.description(), notes.favourite(),
                host.extra(), host.file(), host.line(), host.uncertainty(), host.source());
    }

    private Host extra(HostEntry entry) {
        HostNotes notes = new HostNotes(entry.tags(), entry.group(), entry.description(), entry.favourite());
        return new Host(entry.alias(), entry.hostname(),
                entry.user().isEmpty() ? localUser : entry.user(),
                entry.port() == 0 ? 22 : entry.port(),
                "", notes.tags(), notes.group(), notes.description(), notes.favourite(),
                true, entry.file(), entry.line());
    }
}

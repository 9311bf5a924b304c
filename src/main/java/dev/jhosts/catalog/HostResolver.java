package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the hosts of a parsed ssh config and gives each the values OpenSSH would use: blocks
 * are visited in reading order, and the first value obtained for an option wins. The blocks
 * tried for a host come from a {@link SectionIndex}, so a large config does not cost
 * (hosts × blocks).
 */
final class HostResolver {
    private static final String SHELL_CHARACTERS = "'`\"$\\;&<>|(){},";

    private final Warnings warnings;
    private final String localUser;

    HostResolver(Warnings warnings, String localUser) {
        this.warnings = warnings;
        this.localUser = localUser;
    }

    /** The hosts in the order their first Host line appears. */
    List<Host> hosts(ParsedSshConfig config) {
        SectionIndex index = new SectionIndex(config.sections());
        List<Host> hosts = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (HostDeclaration declaration : config.declarations()) {
            String alias = declaration.alias();
            if (listed.contains(alias)) {
                continue;
            }
            byte[] aliasBytes = alias.getBytes(StandardCharsets.UTF_8);
            if (!declaration.section().appliesTo(aliasBytes)) {
                continue;
            }
            if (!usableWithSsh(alias)) {
                warnings.at(declaration.file(), declaration.line(), "Host " + alias
                        + " is not listed: ssh refuses host names with spaces, quotes or shell characters");
                listed.add(alias);
                continue;
            }
            listed.add(alias);
            hosts.add(resolve(declaration, aliasBytes, index));
        }
        return hosts;
    }

    /** OpenSSH's ssh_valid_hostname (9.6, and Debian's 9.2): no leading '-', no shell characters, no ASCII space or control. */
    static boolean usableWithSsh(String alias) {
        if (alias.startsWith("-")) {
            return false;
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (SHELL_CHARACTERS.indexOf(c) >= 0 || c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private Host resolve(HostDeclaration declaration, byte[] aliasBytes, SectionIndex index) {
        String alias = declaration.alias();
        Section hostNameFrom = null;
        String user = "";
        int port = 0;
        ProxySetting proxy = null;
        String tag = "";
        HostNotes notes = HostNotes.NONE;
        for (Section section : index.candidates(alias, aliasBytes)) {
            if (!section.appliesTo(aliasBytes)) {
                continue;
            }
            if (hostNameFrom == null && !section.hostName().isEmpty()) {
                hostNameFrom = section;
            }
            if (user.isEmpty()) {
                user = section.user();
            }
            if (port == 0) {
                port = section.port();
            }
            if (proxy == null) {
                proxy = section.proxy();
            }
            if (tag.isEmpty()) {
                tag = section.tag();
            }
            notes = notes.then(section.notes());
        }
        String hostname = HostnameForm.canonical(hostNameFrom == null ? alias : expandedHostName(hostNameFrom, alias));
        List<String> tags = new ArrayList<>();
        if (!tag.isEmpty()) {
            tags.add(tag);
        }
        tags.addAll(notes.tags());
        HostNotes all = new HostNotes(tags, notes.group(), notes.description(), notes.favourite());
        return new Host(alias, hostname,
                user.isEmpty() ? localUser : user,
                port == 0 ? 22 : port,
                proxy instanceof ProxySetting.Jump jump ? jump.printed() : "",
                all.tags(), all.group(), all.description(), all.favourite(),
                false, declaration.file(), declaration.line());
    }

    /** HostName with ssh's tokens for it: {@code %h} the alias, {@code %%} a percent sign. */
    private String expandedHostName(Section section, String alias) {
        String value = section.hostName();
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + alias.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (i + 1 < value.length() && value.charAt(i + 1) == 'h') {
                out.append(alias);
                i++;
            } else if (i + 1 < value.length() && value.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else {
                String token = i + 1 < value.length() ? "%" + value.charAt(i + 1) : "%";
                warnings.at(section.file(), section.hostNameLine(),
                        "HostName: unknown token " + token + " (ssh only expands %h and %%)");
                out.append(c);
            }
        }
        return out.toString();
    }
}

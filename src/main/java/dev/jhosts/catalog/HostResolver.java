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
            hosts.add(resolve(declaration, aliasBytes, index, config.finalPassRequested()));
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

    private Host resolve(HostDeclaration declaration, byte[] aliasBytes, SectionIndex index, boolean finalPassRequested) {
        String alias = declaration.alias();
        Obtained obtained = new Obtained();
        for (Section section : index.candidates(alias, aliasBytes)) {
            if (section.appliesTo(aliasBytes)) {
                obtained.take(section, true);
            }
        }
        String hostname = HostnameForm.canonical(
                obtained.hostNameFrom == null ? alias : expandedHostName(obtained.hostNameFrom, alias));
        if (finalPassRequested || obtained.canonicalizes()) {
            // ssh reads the config again, matching Host lines against the host name this time;
            // only options still unset are taken. (DNS canonicalisation is not reproduced.)
            byte[] hostnameBytes = hostname.getBytes(StandardCharsets.UTF_8);
            for (Section section : index.candidates(hostname, hostnameBytes)) {
                if (section.appliesTo(hostnameBytes)) {
                    obtained.take(section, false);
                }
            }
        }
        List<String> tags = new ArrayList<>();
        if (!obtained.tag.isEmpty()) {
            tags.add(obtained.tag);
        }
        tags.addAll(obtained.notes.tags());
        HostNotes notes = new HostNotes(tags, obtained.notes.group(), obtained.notes.description(), obtained.notes.favourite());
        return new Host(alias, hostname,
                obtained.user.isEmpty() ? localUser : obtained.user,
                obtained.port == 0 ? 22 : obtained.port,
                obtained.proxy instanceof ProxySetting.Jump jump ? jump.printed() : "",
                notes.tags(), notes.group(), notes.description(), notes.favourite(),
                false, declaration.file(), declaration.line());
    }

    /** The values a host has obtained so far; the first obtained value of each option wins. */
    private static final class Obtained {
        Section hostNameFrom;
        String user = "";
        int port;
        ProxySetting proxy;
        String tag = "";
        String canonicalizeHostname = "";
        HostNotes notes = HostNotes.NONE;

        void take(Section section, boolean firstPass) {
            if (firstPass && hostNameFrom == null && !section.hostName().isEmpty()) {
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
            if (canonicalizeHostname.isEmpty()) {
                canonicalizeHostname = section.canonicalizeHostname();
            }
            if (firstPass) {
                notes = notes.then(section.notes());
            }
        }

        boolean canonicalizes() {
            return canonicalizeHostname.equals("yes") || canonicalizeHostname.equals("always")
                    || canonicalizeHostname.equals("true");
        }
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

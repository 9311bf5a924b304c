package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the hosts of a parsed ssh config and gives each the values OpenSSH would use: blocks
 * are visited in reading order, and the first value obtained for an option wins. Blocks that
 * name hosts literally are looked up by alias; only pattern blocks are tried on every host, so
 * a large config costs (hosts × pattern blocks), not (hosts × blocks).
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
        for (Section section : index.candidates(alias)) {
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

    /** The sections that hold values, findable by the alias they name literally. */
    private static final class SectionIndex {
        private final Map<String, List<Section>> byAlias = new HashMap<>();
        private final List<Section> general = new ArrayList<>();

        SectionIndex(List<Section> sections) {
            for (Section section : sections) {
                if (!section.hasValues() || section.own() instanceof Condition.MatchOther
                        || section.own() instanceof Condition.Unreadable) {
                    continue;
                }
                Condition.HostLine naming = namingCondition(section);
                if (naming == null) {
                    general.add(section);
                    continue;
                }
                for (HostPattern pattern : naming.patterns()) {
                    if (!pattern.negated()) {
                        List<Section> list = byAlias.computeIfAbsent(pattern.text(), k -> new ArrayList<>(2));
                        if (list.isEmpty() || list.get(list.size() - 1) != section) {
                            list.add(section);
                        }
                    }
                }
            }
        }

        /** The innermost Host line, own or enclosing, that names its hosts literally, or null. */
        private static Condition.HostLine namingCondition(Section section) {
            if (section.own() instanceof Condition.HostLine host && host.namesHostsLiterally()) {
                return host;
            }
            List<Condition> guard = section.guard();
            for (int i = guard.size() - 1; i >= 0; i--) {
                if (guard.get(i) instanceof Condition.HostLine host && host.namesHostsLiterally()) {
                    return host;
                }
            }
            return null;
        }

        /** The sections that can apply to {@code alias}, in reading order. */
        List<Section> candidates(String alias) {
            List<Section> named = byAlias.getOrDefault(alias, List.of());
            if (named.isEmpty()) {
                return general;
            }
            List<Section> merged = new ArrayList<>(named.size() + general.size());
            int a = 0;
            int b = 0;
            while (a < named.size() || b < general.size()) {
                if (b >= general.size() || (a < named.size() && named.get(a).order() < general.get(b).order())) {
                    merged.add(named.get(a++));
                } else {
                    merged.add(general.get(b++));
                }
            }
            return merged;
        }
    }
}

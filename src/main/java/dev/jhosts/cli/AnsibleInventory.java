package dev.jhosts.cli;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostSource;
import dev.jhosts.master.HostOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code jhosts list --ansible}: the catalogue as an Ansible dynamic inventory (the JSON a
 * {@code --list} script prints): a group per jhosts group and per tag (named as Ansible wants
 * group names: letters, digits and '_'), {@code ungrouped} for the rest, and {@code
 * _meta.hostvars}. Hosts of the ssh config are named by their alias, which Ansible's ssh passes
 * on so that the ssh config applies; a host of jhosts' settings or of a source carries its
 * values in {@code ansible_ssh_common_args}, the same {@code -o} options jhosts gives ssh, so
 * that Ansible's ssh reaches the master jhosts made for it (same HostName, User, Port).
 */
final class AnsibleInventory {
    private static final List<String> RESERVED = List.of("all", "ungrouped", "_meta");

    private AnsibleInventory() {}

    static Map<String, Object> of(List<Host> hosts) {
        HostOptions options = HostOptions.of(hosts);
        Map<String, List<String>> groups = new TreeMap<>();
        List<String> ungrouped = new ArrayList<>();
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (Host host : hosts) {
            List<String> names = new ArrayList<>();
            if (!host.group().isEmpty()) {
                names.add(groupName(host.group()));
            }
            host.tags().forEach(tag -> names.add(groupName(tag)));
            for (String name : names.stream().distinct().toList()) {
                groups.computeIfAbsent(name, key -> new ArrayList<>()).add(host.alias());
            }
            if (names.isEmpty()) {
                ungrouped.add(host.alias());
            }
            hostvars.put(host.alias(), hostvars(host, options.forAlias(host.alias())));
        }
        Map<String, Object> inventory = new LinkedHashMap<>();
        inventory.put("_meta", Map.of("hostvars", hostvars));
        List<String> children = new ArrayList<>(groups.keySet());
        children.add("ungrouped");
        inventory.put("all", Map.of("children", children));
        groups.forEach((name, members) -> inventory.put(name, Map.of("hosts", members)));
        inventory.put("ungrouped", Map.of("hosts", ungrouped));
        return inventory;
    }

    private static Map<String, Object> hostvars(Host host, List<String> sshOptions) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (!sshOptions.isEmpty()) {
            vars.put("ansible_ssh_common_args", String.join(" ", sshOptions.stream().map(AnsibleInventory::quoted).toList()));
        }
        vars.put("jhosts_hostname", host.hostname());
        vars.put("jhosts_user", host.user());
        vars.put("jhosts_port", host.port());
        if (!host.proxyJump().isEmpty()) {
            vars.put("jhosts_proxyjump", host.proxyJump());
        }
        vars.put("jhosts_tags", host.tags());
        vars.put("jhosts_group", host.group());
        vars.put("jhosts_description", host.description());
        if (host.source().present()) {
            vars.put("jhosts_source", host.source().name());
            if (host.source().presence() != HostSource.Presence.UNKNOWN) {
                vars.put("jhosts_online", host.source().presence() == HostSource.Presence.ONLINE);
            }
        }
        return vars;
    }

    /**
     * An Ansible group name: letters, digits and '_' (others become '_'), not starting with a
     * digit; a name Ansible keeps for itself gets a {@code jhosts_} prefix.
     */
    static String groupName(String name) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        String result = out.toString();
        return RESERVED.contains(result) ? "jhosts_" + result : result;
    }

    /** A word as Python's shlex, which Ansible splits these arguments with, reads it back. */
    private static String quoted(String word) {
        if (word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}

package dev.jhosts.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of the demo's ssh config and jhosts settings. The ssh config is complete in itself,
 * for {@code ssh -F}: the demo's key only, no agent, the demo's own known_hosts (pre-filled with
 * the servers' key) and no global one, so nothing of the user's is read.
 *
 * @param ports each demo host's port on 127.0.0.1
 * @param user the user the sessions run as
 * @param password the password host's password
 * @param identity the demo user's private key
 * @param knownHosts the demo's known_hosts
 * @param controlDirectory the control directory of the demo's masters
 */
record DemoConfigFiles(Map<DemoHost, Integer> ports, String user, String password, Path identity, Path knownHosts,
        Path controlDirectory) {

    DemoConfigFiles {
        ports = Map.copyOf(ports);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "the demo's ssh config and settings for ports " + ports.values();
    }

    /** The ssh config: one Host block per demo host, with its notes, then what all of them share. */
    String sshConfig() {
        List<String> lines = new ArrayList<>(List.of(
                "# jhosts demo: the ssh config of the demo's hosts, all on 127.0.0.1. Written by",
                "# 'jhosts demo' and removed when it ends. The '# jhosts:' comments give the picker",
                "# each host's group, tags and description (see config-samples/ssh_config).",
                ""));
        for (DemoHost host : DemoHost.values()) {
            lines.add("Host " + host.alias());
            lines.add("  # jhosts: group=" + quoted(host.group()) + " tags=" + String.join(",", host.tags())
                    + " description=" + quoted(host.description(password)));
            lines.add("  Port " + ports.get(host));
            switch (host) {
                case PASSWORD -> {
                    lines.add("  PreferredAuthentications password");
                    lines.add("  PubkeyAuthentication no");
                }
                case BEHIND_JUMP -> lines.add("  ProxyJump " + DemoHost.JUMP.alias());
                default -> { }
            }
            lines.add("");
        }
        lines.addAll(List.of(
                "Host *",
                "  HostName " + DemoServer.ADDRESS,
                "  User " + user,
                "  IdentityFile " + quoted(identity.toString()),
                "  IdentitiesOnly yes",
                "  IdentityAgent none",
                "  AddKeysToAgent no",
                "  UserKnownHostsFile " + quoted(knownHosts.toString()),
                "  GlobalKnownHostsFile /dev/null",
                "  StrictHostKeyChecking yes",
                "  UpdateHostKeys no",
                "  CheckHostIP no",
                "  ForwardAgent no",
                "  ForwardX11 no",
                ""));
        return String.join("\n", lines);
    }

    /** The jhosts settings: the demo's control directory, and every demo host's master launched at start. */
    String settings() {
        List<String> aliases = new ArrayList<>();
        for (DemoHost host : DemoHost.values()) {
            aliases.add(hocon(host.alias()));
        }
        return String.join("\n",
                "# jhosts demo: the settings the demo's picker runs with (removed when the demo ends)",
                "control-directory = " + hocon(controlDirectory.toString()),
                "# every demo host's master is launched in the background as the picker starts",
                "prelaunch = [" + String.join(", ", aliases) + "]",
                "max-parallel-launches = " + DemoHost.values().length,
                "# the demo kills its masters when it ends; this bounds one left by a demo that was killed",
                "control-persist = 2m",
                "");
    }

    /** A word in double quotes for ssh_config and the notes comment (neither takes a quote inside one). */
    private static String quoted(String text) {
        return "\"" + text.replace("\"", "'") + "\"";
    }

    /** A HOCON (JSON) string. */
    private static String hocon(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}

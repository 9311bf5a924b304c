package dev.jhosts.tui;

import dev.jhosts.catalog.Host;
import java.nio.file.Path;
import java.util.List;

/** Catalogue hosts for tests. */
public final class Hosts {
    private Hosts() {}

    /** {@code count} hosts: host00, host01, ... */
    public static List<Host> numbered(int count) {
        List<Host> hosts = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            hosts.add(host(String.format("host%02d", i)));
        }
        return hosts;
    }

    public static Host host(String alias) {
        return host(alias, alias + ".example.org", "", List.of(), "");
    }

    public static Host host(String alias, String hostname, String group, List<String> tags, String description) {
        return new Host(alias, hostname, "admin", 22, "", tags, group, description, false, false,
                Path.of("/tmp/ssh_config"), 1);
    }
}

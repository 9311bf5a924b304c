package dev.jhosts.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An ssh client config for hosts {@code h0, h1, …}, one per port of one or more sshd (each a
 * destination, a %C and a master of its own), tagged "even"/"odd" by index and grouped "fleet",
 * and {@code ghost}, a port where nothing listens (unreachable).
 */
public final class FleetConfig {
    private final List<SshdFixture> servers;
    private final List<Integer> ports = new ArrayList<>();
    private final Path knownHosts;
    private final StringBuilder extra = new StringBuilder();

    public FleetConfig(SshdFixture... servers) throws IOException {
        this.servers = List.of(servers);
        StringBuilder keys = new StringBuilder();
        for (SshdFixture server : servers) {
            List<Integer> own = new ArrayList<>(List.of(server.port()));
            for (int i = 0; i < server.extraPortCount(); i++) {
                own.add(server.extraPort(i));
            }
            ports.addAll(own);
            keys.append(String.join(",", own.stream().map(port -> "[127.0.0.1]:" + port).toList())).append(' ')
                    .append(Files.readString(server.dir().resolve("host_ed25519.pub")));
        }
        knownHosts = servers[0].dir().resolve("fleet_known_hosts");
        Files.writeString(knownHosts, keys.toString());
    }

    /** How many hosts h0… there are. */
    public int size() {
        return ports.size();
    }

    /** The port of host {@code hN}. */
    public int port(int index) {
        return ports.get(index);
    }

    /** The hosts' aliases, h0 first. */
    public List<String> aliases() {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            aliases.add("h" + i);
        }
        return aliases;
    }

    /** Lines added to the config after the hosts. */
    public FleetConfig with(String text) {
        extra.append(text);
        return this;
    }

    /** {@code Host alias} reaching port {@code port} with the client key of the server behind it. */
    public String host(String alias, int port, String more) {
        SshdFixture server = serverOf(port);
        return "Host " + alias + "\n  HostName 127.0.0.1\n  Port " + port + "\n  User " + System.getProperty("user.name")
                + "\n  IdentityFile " + server.clientKey() + "\n  IdentitiesOnly yes\n  UserKnownHostsFile " + knownHosts
                + "\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n  BatchMode yes\n  ConnectTimeout 5\n"
                + more;
    }

    private SshdFixture serverOf(int port) {
        for (SshdFixture server : servers) {
            if (server.port() == port) {
                return server;
            }
            for (int i = 0; i < server.extraPortCount(); i++) {
                if (server.extraPort(i) == port) {
                    return server;
                }
            }
        }
        return servers.get(0);
    }

    /** Writes the config into the first server's directory. */
    public Path write(String name) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ports.size(); i++) {
            text.append(host("h" + i, ports.get(i), "").replaceFirst("\n",
                    " # jhosts: tags=" + (i % 2 == 0 ? "even" : "odd") + " group=fleet\n"));
        }
        int nothing;
        try (ServerSocket probe = new ServerSocket(0)) {
            nothing = probe.getLocalPort();
        }
        text.append(host("ghost", nothing, ""));
        text.append(extra);
        Path file = servers.get(0).dir().resolve(name);
        Files.writeString(file, text.toString());
        return file;
    }
}

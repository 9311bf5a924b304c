package dev.jhosts.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An ssh client config for a bastion and a target sshd: the bastion as {@code bastion} (and
 * {@code hop2} on its first extra port, for two-hop chains), and hosts behind it, one per port
 * of the target (so each is a destination, a %C and a master of its own).
 */
public final class JumpConfig {
    private final SshdFixture bastion;
    private final SshdFixture target;
    private final Path knownHosts;
    private final StringBuilder text = new StringBuilder();

    public JumpConfig(SshdFixture bastion, SshdFixture target) throws IOException {
        this.bastion = bastion;
        this.target = target;
        this.knownHosts = target.dir().resolve("jump_known_hosts");
        Files.writeString(knownHosts, line(bastion) + line(target));
        host("bastion", bastion, bastion.port(), "");
    }

    private static String line(SshdFixture server) throws IOException {
        List<String> names = new ArrayList<>(List.of("[127.0.0.1]:" + server.port()));
        for (int i = 0; i < server.extraPortCount(); i++) {
            names.add("[127.0.0.1]:" + server.extraPort(i));
        }
        return String.join(",", names) + " " + Files.readString(server.dir().resolve("host_ed25519.pub"));
    }

    /** {@code Host alias} for {@code server} on {@code port}, then {@code extra} lines. */
    public JumpConfig host(String alias, SshdFixture server, int port, String extra) {
        text.append("Host ").append(alias).append("\n  HostName 127.0.0.1\n  Port ").append(port)
                .append("\n  User ").append(System.getProperty("user.name"))
                .append("\n  IdentityFile ").append(server.clientKey())
                .append("\n  IdentitiesOnly yes\n  UserKnownHostsFile ").append(knownHosts)
                .append("\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n  BatchMode yes\n")
                .append(extra);
        return this;
    }

    /** A host on the target's {@code portIndex}th port (-1: its main port) behind {@code proxyJump}. */
    public JumpConfig behind(String alias, int portIndex, String proxyJump) {
        return host(alias, target, portIndex < 0 ? target.port() : target.extraPort(portIndex),
                "  ProxyJump " + proxyJump + "\n");
    }

    public SshdFixture bastion() {
        return bastion;
    }

    public Path write(String name) throws IOException {
        Path file = target.dir().resolve(name);
        Files.writeString(file, text.toString());
        return file;
    }

    /** The "Accepted publickey" lines in a server's log: one per authentication. */
    public static long authentications(SshdFixture server) throws IOException {
        return Files.readAllLines(server.dir().resolve("sshd.log")).stream()
                .filter(entry -> entry.contains("Accepted publickey for")).count();
    }
}

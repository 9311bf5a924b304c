package dev.jhosts.bench;

import dev.jhosts.testing.SshdFixture;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a benchmark: one sshd on several ports as hosts h0…h5 (tags and a group for the run
 * filters) and a host "ghost" where nothing listens, for trying {@code jhosts run}, the marks
 * and forwards by hand ({@code src/bench/run DevFleet}); runs until interrupted.
 */
public final class DevFleet {
    public static void main(String[] args) throws Exception {
        SshdFixture sshd = new SshdFixture(5).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sshd::stop));
        List<Integer> ports = new ArrayList<>(List.of(sshd.port()));
        for (int i = 0; i < sshd.extraPortCount(); i++) {
            ports.add(sshd.extraPort(i));
        }
        Path knownHosts = sshd.dir().resolve("fleet_known_hosts");
        Files.writeString(knownHosts, String.join(",", ports.stream().map(port -> "[127.0.0.1]:" + port).toList()) + " "
                + Files.readString(sshd.dir().resolve("host_ed25519.pub")));
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < ports.size(); i++) {
            config.append("# jhosts: tags=").append(i % 2 == 0 ? "even" : "odd").append(" group=fleet\n")
                    .append(host("h" + i, ports.get(i), sshd, knownHosts));
        }
        int dead;
        try (ServerSocket probe = new ServerSocket(0)) {
            dead = probe.getLocalPort();
        }
        config.append(host("ghost", dead, sshd, knownHosts));
        Path file = sshd.dir().resolve("fleet_config");
        Files.writeString(file, config.toString());
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> entry : sshd.jhostsEnv().entrySet()) {
            env.append(entry.getKey()).append('=').append(entry.getValue()).append(' ');
        }
        System.out.println("sshd on 127.0.0.1 ports " + ports + "; try:");
        System.out.println("  " + env + SshdFixture.launcher().toAbsolutePath() + " -F " + file);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static String host(String alias, int port, SshdFixture sshd, Path knownHosts) {
        return "Host " + alias + "\n  HostName 127.0.0.1\n  Port " + port + "\n  User " + System.getProperty("user.name")
                + "\n  IdentityFile " + sshd.clientKey() + "\n  IdentitiesOnly yes\n  UserKnownHostsFile " + knownHosts
                + "\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n  BatchMode yes\n";
    }
}

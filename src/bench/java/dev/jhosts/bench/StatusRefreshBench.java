package dev.jhosts.bench;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.HostOptions;
import dev.jhosts.master.MasterInfo;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One status refresh of 200 live masters, as the status pane does it (native alive checks over
 * the control sockets, in process), against 200 × {@code ssh -O check} one after another,
 * measured in the same run.
 */
public final class StatusRefreshBench {
    private static final int MASTERS = 200;
    private static final int RUNS = 15;

    /** sshd listens on at most 16 sockets (MAX_LISTEN_SOCKS). */
    private static final int PORTS_PER_SERVER = 16;

    public static void main(String[] args) throws Exception {
        List<SshdFixture> servers = new ArrayList<>();
        for (int made = 0; made < MASTERS; made += PORTS_PER_SERVER) {
            servers.add(new SshdFixture(PORTS_PER_SERVER - 1).start());
        }
        SshdFixture sshd = servers.get(0);
        Path knownHosts = sshd.dir().resolve("many_known_hosts");
        StringBuilder keys = new StringBuilder();
        StringBuilder text = new StringBuilder();
        List<String> hosts = new ArrayList<>();
        for (SshdFixture server : servers) {
            List<Integer> ports = new ArrayList<>(List.of(server.port()));
            for (int i = 0; i < server.extraPortCount(); i++) {
                ports.add(server.extraPort(i));
            }
            keys.append(String.join(",", ports.stream().map(port -> "[127.0.0.1]:" + port).toList())).append(' ')
                    .append(Files.readString(server.dir().resolve("host_ed25519.pub")));
            for (int port : ports) {
                if (hosts.size() == MASTERS) {
                    break;
                }
                String alias = "m" + hosts.size();
                hosts.add(alias);
                text.append("Host ").append(alias).append("\n  HostName 127.0.0.1\n  Port ").append(port)
                        .append("\n  User ").append(System.getProperty("user.name"))
                        .append("\n  IdentityFile ").append(server.clientKey())
                        .append("\n  IdentitiesOnly yes\n  UserKnownHostsFile ").append(knownHosts)
                        .append("\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n  BatchMode yes\n");
            }
        }
        Files.writeString(knownHosts, keys.toString());
        Path config = sshd.dir().resolve("many_config");
        Files.writeString(config, text.toString());
        Locations locations = Locations.of(sshd.jhostsEnv(), sshd.dir());
        Settings settings = new SettingsLoader(locations).loadDefault();
        try {
            List<String> start = new ArrayList<>(List.of("-F", config.toString(), "master", "start"));
            start.addAll(hosts);
            long t0 = System.nanoTime();
            Processes.Result started = sshd.jhosts(Duration.ofMinutes(5), start.toArray(String[]::new));
            System.out.printf("started %d masters in %.1f s (exit %d)%n", MASTERS, (System.nanoTime() - t0) / 1e9,
                    started.exitCode());
            HostConfigs hostConfigs = new HostConfigs(new SshOptionsResolver(settings.sshBinary(), config), HostOptions.none());
            try (Masters masters = new Masters(settings, config, ControlDirectory.prepare(settings.controlDirectory()),
                    hostConfigs)) {
                List<Double> refresh = new ArrayList<>();
                int live = 0;
                for (int run = 0; run < RUNS + 3; run++) {
                    long t = System.nanoTime();
                    List<MasterInfo> found = masters.discover(List.of());
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (run >= 3) {
                        refresh.add(ms);
                    }
                    live = (int) found.stream().filter(info -> info.state() instanceof MasterState.Live).count();
                }
                List<Path> sockets = masters.discover(List.of()).stream().map(MasterInfo::socket).toList();
                long s0 = System.nanoTime();
                for (int i = 0; i < sockets.size(); i++) {
                    Processes.run(List.of("ssh", "-F", config.toString(), "-S", sockets.get(i).toString(), "-O", "check",
                            hosts.get(i)), Map.of(), Duration.ofSeconds(30));
                }
                double sshMs = (System.nanoTime() - s0) / 1e6;
                double median = refresh.stream().sorted().toList().get(refresh.size() / 2);
                double max = refresh.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                System.out.printf("status refresh of %d live masters in process: median %.1f ms, max %.1f ms (%d runs)%n",
                        live, median, max, RUNS);
                System.out.printf("%d x ssh -O check, one after another: %.0f ms%n", sockets.size(), sshMs);
                System.out.printf("ratio: ssh -O check / in-process refresh = %.0fx%n", sshMs / median);
            }
        } finally {
            for (String host : hosts) {
                sshd.jhosts(Duration.ofSeconds(30), "-F", config.toString(), "master", "exit", host);
            }
            servers.forEach(SshdFixture::stop);
        }
    }
}

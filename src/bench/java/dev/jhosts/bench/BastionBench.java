package dev.jhosts.bench;

import dev.jhosts.testing.JumpConfig;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ten hosts behind one bastion: {@code jhosts master start} of all ten (one bastion master, the
 * ten riding it) against ten masters made by plain {@code ssh -M -N -o ProxyJump=bastion} in
 * parallel (each its own connection and authentication at the bastion). Wall time, and the
 * bastion's authentications counted in its log, measured in the same run, a few rounds
 * alternating.
 */
public final class BastionBench {
    private static final int HOSTS = 10;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        SshdFixture bastion = new SshdFixture().start();
        SshdFixture target = new SshdFixture(HOSTS - 1).start();
        try {
            run(bastion, target);
        } finally {
            target.stop();
            bastion.stop();
        }
    }

    private static void run(SshdFixture bastion, SshdFixture target) throws Exception {
        JumpConfig jump = new JumpConfig(bastion, target);
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            hosts.add("h" + i);
            jump.behind("h" + i, i - 1, "bastion");
        }
        Path config = jump.write("bench_config");
        Path plainDir = Files.createTempDirectory(Path.of("/tmp"), "jhp");
        List<Double> jhostsMs = new ArrayList<>();
        List<Double> plainMs = new ArrayList<>();
        long jhostsLogins = 0;
        long plainLogins = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long before = JumpConfig.authentications(bastion);
            List<String> start = new ArrayList<>(List.of("-F", config.toString(), "master", "start"));
            start.addAll(hosts);
            long t0 = System.nanoTime();
            Processes.Result result = target.jhosts(Duration.ofSeconds(120), start.toArray(String[]::new));
            jhostsMs.add((System.nanoTime() - t0) / 1e6);
            if (result.exitCode() != 0) {
                throw new IllegalStateException(result.describe());
            }
            jhostsLogins = JumpConfig.authentications(bastion) - before;
            for (String host : hosts) {
                target.jhosts(Duration.ofSeconds(30), "-F", config.toString(), "master", "exit", host);
            }
            target.jhosts(Duration.ofSeconds(30), "-F", config.toString(), "master", "exit", "--force", "bastion");

            before = JumpConfig.authentications(bastion);
            t0 = System.nanoTime();
            List<Process> plain = new ArrayList<>();
            for (String host : hosts) {
                plain.add(new ProcessBuilder("ssh", "-F", config.toString(), "-M", "-N", "-o", "ControlMaster=yes",
                        "-o", "ControlPath=" + plainDir + "/%C", "-o", "ControlPersist=60s", host)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process process : plain) {
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("plain ssh master failed");
                }
            }
            plainMs.add((System.nanoTime() - t0) / 1e6);
            plainLogins = JumpConfig.authentications(bastion) - before;
            for (String host : hosts) {
                Processes.run(List.of("ssh", "-F", config.toString(), "-o", "ControlPath=" + plainDir + "/%C",
                        "-O", "exit", host), Map.of(), Duration.ofSeconds(30));
            }
        }
        double jhosts = median(jhostsMs);
        double plain = median(plainMs);
        System.out.printf("%d hosts behind one bastion, %d rounds (median wall time):%n", HOSTS, ROUNDS);
        System.out.printf("  jhosts master start (bastion master + %d riding it): %.0f ms %s, bastion logins %d%n",
                HOSTS, jhosts, jhostsMs, jhostsLogins);
        System.out.printf("  %d x plain ssh -M -N -o ProxyJump=bastion in parallel: %.0f ms %s, bastion logins %d%n",
                HOSTS, plain, plainMs, plainLogins);
        System.out.printf("ratio: jhosts / plain = %.2f (wall), %d / %d bastion logins%n", jhosts / plain,
                jhostsLogins, plainLogins);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

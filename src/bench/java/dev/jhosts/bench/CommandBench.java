package dev.jhosts.bench;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands a jhosts server runs for its clients ({@code cp} has {@link CopyBench}), through a
 * running server ("served": the command is its thin client) and in their own JVM ("alone": given a
 * settings file of their own, for which no server runs, as with no server at all), beside
 * baselines measured in the same run: a JVM hello-world started as the launcher starts jhosts,
 * {@code ssh -S socket H true} for {@code run}, {@code ssh -O check} for {@code master check}.
 * Every figure is the median of 15 runs after 3 warm-ups, the masters live.
 */
public final class CommandBench {
    private static final int WARMUPS = 3;
    private static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        SshdFixture sshd = new SshdFixture().start();
        String host = SshdFixture.HOST;
        String config = sshd.sshConfig().toString();
        Map<String, String> env = sshd.jhostsEnv();
        String launcher = SshdFixture.launcher().toString();
        Process server = null;
        try {
            Processes.Result start = sshd.jhosts(Duration.ofSeconds(60), "master", "start", host);
            if (start.exitCode() != 0) {
                throw new IllegalStateException("master start failed: " + start.describe());
            }
            Path alone = Files.writeString(sshd.dir().resolve("alone.conf"), "");
            server = CopyBench.startServer(config, env, sshd.dir().resolve("server.log"));
            Processes.Result list = sshd.jhosts(Duration.ofSeconds(60), "master", "list", "--json");
            java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"socket\":\"([^\"]+)\"")
                    .matcher(list.stdout());
            if (!found.find()) {
                throw new IllegalStateException("no master listed: " + list.describe());
            }
            String socket = found.group(1);

            Timing.Figure hello = Timing.time("JVM hello-world (launcher's JVM flags)", WARMUPS, RUNS,
                    MasterBench.helloWorld(), Map.of());
            Timing.Figure sshRun = Timing.time("ssh -S socket H true", WARMUPS, RUNS,
                    List.of("ssh", "-F", config, "-S", socket, host, "true"), Map.of());
            Timing.Figure sshCheck = Timing.time("ssh -O check", WARMUPS, RUNS,
                    List.of("ssh", "-F", config, "-S", socket, "-O", "check", host), Map.of());
            System.out.println("baselines:");
            for (Timing.Figure figure : List.of(hello, sshRun, sshCheck)) {
                System.out.println("  " + figure.line());
            }
            List<List<String>> commands = List.of(List.of("run", "-n", host, "--", "true"), List.of("probe", host),
                    List.of("list"), List.of("master", "list"), List.of("master", "check", host));
            List<String> ratios = new ArrayList<>();
            for (List<String> words : commands) {
                String name = "jhosts " + String.join(" ", words);
                List<String> served = new ArrayList<>(List.of(launcher, "-F", config));
                served.addAll(words);
                List<String> own = new ArrayList<>(List.of(launcher, "-F", config, "-c", alone.toString()));
                own.addAll(words);
                Timing.Figure throughServer = Timing.time(name + ", served", WARMUPS, RUNS, served, env);
                Timing.Figure inOwnJvm = Timing.time(name + ", alone", WARMUPS, RUNS, own, env);
                System.out.println("  " + throughServer.line());
                System.out.println("  " + inOwnJvm.line());
                ratios.add(String.format("%-34s served %6.1f ms, alone %6.1f ms: %.2f× quicker; served %.2f× hello-world%s",
                        String.join(" ", words), throughServer.medianMs(), inOwnJvm.medianMs(),
                        inOwnJvm.medianMs() / throughServer.medianMs(), throughServer.medianMs() / hello.medianMs(),
                        words.get(0).equals("run") ? String.format(", %.2f× ssh -S", throughServer.medianMs()
                                / sshRun.medianMs())
                        : words.contains("check") ? String.format(", %.2f× ssh -O check", throughServer.medianMs()
                                / sshCheck.medianMs()) : ""));
            }
            System.out.println("== summary (same run)");
            ratios.forEach(System.out::println);
        } finally {
            Processes.run(List.of(launcher, "-F", config, "server", "stop", "--force"), env, Duration.ofSeconds(30));
            if (server != null) {
                server.destroy();
            }
            sshd.jhosts(Duration.ofSeconds(30), "master", "exit", host);
            sshd.stop();
        }
    }
}

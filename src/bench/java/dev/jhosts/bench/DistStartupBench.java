package dev.jhosts.bench;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Start-up of the packaged jhosts (the tarball that {@code mvn -Pdist package} made, unpacked
 * into a temporary folder, on its own Java runtime) against {@code target/jhosts} (the system's
 * JDK), in the same run: to the picker's first frame on a pseudo-terminal, {@code jhosts
 * --version} and {@code jhosts list}. The two alternate, run after run, so both see the same
 * load; medians of {@link #RUNS} runs after one warm-up each. Without a tarball it says so and
 * ends.
 */
public final class DistStartupBench {
    private static final int RUNS = 21;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        Path target = SshdFixture.launcher().toAbsolutePath().getParent();
        Path tarball = null;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "jhosts-*-linux-x64.tar.gz")) {
            for (Path path : found) {
                tarball = path;
            }
        }
        if (tarball == null) {
            System.out.println("no target/jhosts-*-linux-x64.tar.gz: build it first (mvn -B -q -Pdist package -DskipTests)");
            return;
        }
        Path work = Files.createTempDirectory("jhosts-dist-bench");
        try {
            Processes.Result unpack = Processes.run(List.of("tar", "-xzf", tarball.toString(), "-C", work.toString()), Map.of(), LIMIT);
            if (unpack.exitCode() != 0) {
                throw new IllegalStateException(unpack.describe());
            }
            String name = tarball.getFileName().toString().replace(".tar.gz", "");
            run(target.resolve("jhosts"), work.resolve(name).resolve("bin").resolve("jhosts"), work);
        } finally {
            Processes.run(List.of("rm", "-rf", work.toString()), Map.of(), LIMIT);
        }
    }

    private static void run(Path baseline, Path packaged, Path work) throws Exception {
        Path sshConfig = work.resolve("ssh_config");
        StringBuilder config = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            config.append("Host host").append(i).append("\n  HostName 192.0.2.").append(i).append("\n");
        }
        Files.writeString(sshConfig, config.toString());
        Path settings = work.resolve("jhosts.conf");
        // no master, no probe is started while the picker is up
        Files.writeString(settings, "prelaunch-delay = 1m\ncontrol-directory = \"" + work.resolve("c") + "\"\n");
        Map<String, String> env = Map.of("HOME", work.toString(), "XDG_STATE_HOME", work.resolve("state").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "XDG_RUNTIME_DIR", work.resolve("run").toString());
        Files.createDirectories(work.resolve("run"));

        List<String> labels = List.of("start-up to the first frame", "jhosts --version", "jhosts list");
        double[][] base = new double[labels.size()][RUNS];
        double[][] pack = new double[labels.size()][RUNS];
        for (int i = -1; i < RUNS; i++) {
            for (int side = 0; side < 2; side++) {
                Path launcher = side == 0 ? baseline : packaged;
                double[][] into = side == 0 ? base : pack;
                double frame = firstFrame(launcher + " -F " + sshConfig + " -c " + settings, env);
                double version = millis(List.of(launcher.toString(), "--version"), env);
                double list = millis(List.of(launcher.toString(), "-F", sshConfig.toString(), "list"), env);
                if (i >= 0) {
                    into[0][i] = frame;
                    into[1][i] = version;
                    into[2][i] = list;
                }
            }
        }
        for (int figure = 0; figure < labels.size(); figure++) {
            System.out.printf("%-28s tarball bin/jhosts %7.1f ms   target/jhosts %7.1f ms   ratio %.2f×%n", labels.get(figure),
                    median(pack[figure]), median(base[figure]), median(pack[figure]) / median(base[figure]));
        }
        System.out.println("(medians of " + RUNS + " alternating runs after one warm-up; the first frame through script(1)'s pty)");
    }

    private static double firstFrame(String command, Map<String, String> env) throws Exception {
        long start = System.nanoTime();
        try (ScriptedTerminal terminal = ScriptedTerminal.start(command, env)) {
            double millis = (terminal.await(Pattern.compile("20 shown"), LIMIT) - start) / 1e6;
            terminal.type("\u001b");
            return millis;
        }
    }

    private static double millis(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Timing.run(new ArrayList<>(command), env);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

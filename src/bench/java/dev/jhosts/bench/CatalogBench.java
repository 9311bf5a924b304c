package dev.jhosts.bench;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.CatalogLoader;
import dev.jhosts.config.Locations;
import dev.jhosts.config.ProbeSettings;
import dev.jhosts.config.PromptSettings;
import dev.jhosts.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loads a generated ssh config of 10,000 hosts (20 Included files, 60 pattern blocks, Match
 * blocks, comments and jhosts notes) and prints the median load time after warm-up, next to
 * two baselines measured in the same run: reading the same files' bytes, and one
 * {@code ssh -G} of a host (OpenSSH parsing the same config once).
 *
 * <p>Arguments: {@code [hosts] [runs]} (defaults 10000 and 15). The figures are only
 * meaningful on an otherwise idle machine.
 */
public final class CatalogBench {
    private static final int WARM_UP = 20;

    private CatalogBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int hostCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Files.createTempDirectory("jhosts-catalog-bench");
        try {
            Path config = generate(dir, hostCount);
            Locations locations = Locations.of(Map.of("HOME", dir.resolve("home").toString()), dir.resolve("home"));
            CatalogLoader loader = new CatalogLoader(locations, settings());

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long coldCpuStart = threads.getCurrentThreadCpuTime();
            long coldStart = System.nanoTime();
            Catalog catalog = loader.load(config, true);
            long cold = System.nanoTime() - coldStart;
            long coldCpu = threads.getCurrentThreadCpuTime() - coldCpuStart;
            for (int i = 0; i < WARM_UP; i++) {
                catalog = loader.load(config, true);
            }
            long[] load = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                catalog = loader.load(config, true);
                load[i] = System.nanoTime() - start;
            }
            long[] read = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                readAll(dir);
                read[i] = System.nanoTime() - start;
            }
            long sshG = sshG(config, dir, "host-" + (hostCount - 1));

            System.out.printf("catalog of %d hosts (%d warnings) from %d files, %d bytes%n",
                    catalog.hosts().size(), catalog.warnings().size(), fileCount(dir), readAll(dir));
            System.out.printf("first load in a fresh JVM (what the jhosts command pays): %.1f ms"
                    + " (%.1f ms CPU of the loading thread; the rest is waiting for a core or the JIT)%n",
                    ms(cold), ms(coldCpu));
            System.out.printf("load, median of %d after %d warm-up: %.1f ms (min %.1f, max %.1f)%n",
                    runs, WARM_UP, ms(median(load)), ms(min(load)), ms(max(load)));
            System.out.printf("baseline, reading the files' bytes: %.1f ms (load is %.1fx)%n",
                    ms(median(read)), (double) median(load) / median(read));
            if (sshG > 0) {
                System.out.printf("baseline, one ssh -G of the last host: %.1f ms (warm load is %.2fx, first load %.2fx)%n",
                        ms(sshG), (double) median(load) / sshG, (double) cold / sshG);
            } else {
                System.out.println("baseline, ssh -G: not measured (no ssh on PATH)");
            }
        } finally {
            delete(dir);
        }
    }

    private static Settings settings() {
        return new Settings("ssh", Path.of("/nonexistent"), Duration.ofMinutes(10), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 3, 4, Duration.ofMillis(1500), Duration.ofSeconds(2), '~', Duration.ofMillis(100),
                Duration.ofMillis(300), List.of(), Settings.OnSessionEnd.LIST, List.of(),
                new ProbeSettings(true, 4, Duration.ofMinutes(1), Duration.ofSeconds(5)), PromptSettings.none(), java.util.Map.of(),
                new dev.jhosts.config.RunSettings(16, Duration.ZERO, true), dev.jhosts.config.SessionSettings.defaults(),
                dev.jhosts.tui.state.Keymap.defaults());
    }

    static Path generate(Path dir, int hostCount) throws IOException {
        Random random = new Random(1);
        Path included = dir.resolve("hosts.d");
        Files.createDirectories(included);
        Files.createDirectories(dir.resolve("home/.ssh"));
        int files = 20;
        int perFile = (hostCount + files - 1) / files;
        for (int f = 0; f < files; f++) {
            StringBuilder text = new StringBuilder();
            for (int h = f * perFile; h < Math.min(hostCount, (f + 1) * perFile); h++) {
                text.append("# host number ").append(h).append('\n');
                text.append("Host host-").append(h).append(h % 7 == 0 ? " alt-" + h : "")
                        .append(h % 5 == 0 ? "   # jhosts: tags=t" + (h % 13) + ",bench group=G" + (h % 9) : "")
                        .append('\n');
                text.append("    HostName 10.").append(h / 65536).append('.').append((h / 256) % 256).append('.')
                        .append(h % 256).append('\n');
                if (random.nextInt(3) == 0) {
                    text.append("    User user").append(h % 17).append('\n');
                }
                if (random.nextInt(4) == 0) {
                    text.append("    Port ").append(2000 + h % 1000).append('\n');
                }
                if (random.nextInt(6) == 0) {
                    text.append("    ProxyJump jump").append(h % 11).append('\n');
                }
                text.append("    ServerAliveInterval 30\n    IdentityFile ~/.ssh/id_").append(h % 3).append("\n\n");
            }
            Files.writeString(included.resolve(String.format("%02d-hosts.conf", f)), text);
        }
        StringBuilder main = new StringBuilder("# generated by CatalogBench\nUser benchuser\nAddKeysToAgent yes\n\n");
        main.append("Include ").append(included).append("/*.conf\n\n");
        for (int g = 0; g < 55; g++) {
            main.append("Host host-").append(g).append("*\n    Port ").append(3000 + g).append("\n\n");
        }
        main.append("Match exec \"test -e /nonexistent\"\n    User matched\n\n");
        main.append("Host *.internal alt-*\n    User internal\n\n");
        main.append("Host jump* !jump0\n    HostName gateway.example.com\n\n");
        main.append("Host * !bastion\n    ProxyJump bastion\n\n");
        main.append("Match all\n    ServerAliveCountMax 3\n\n");
        main.append("Host *\n    User everyone\n    Port 22\n");
        Path config = dir.resolve("config");
        Files.writeString(config, main);
        return config;
    }

    private static long readAll(Path dir) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                bytes += Files.readAllBytes(file).length;
            }
        }
        return bytes;
    }

    private static long fileCount(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** The median of three {@code ssh -G} runs, or -1 when ssh cannot be run. */
    private static long sshG(Path config, Path dir, String alias) throws InterruptedException {
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            ProcessBuilder builder = new ProcessBuilder("ssh", "-G", "-F", config.toString(), alias)
                    .redirectErrorStream(true);
            builder.environment().put("HOME", dir.resolve("home").toString());
            long start = System.nanoTime();
            try {
                Process process = builder.start();
                try (InputStream out = process.getInputStream()) {
                    out.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    return -1;
                }
            } catch (IOException e) {
                return -1;
            }
            times[i] = System.nanoTime() - start;
        }
        return median(times);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void delete(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}

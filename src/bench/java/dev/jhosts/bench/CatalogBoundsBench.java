package dev.jhosts.bench;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.CatalogLoader;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loads the ssh configs that used to take jhosts far longer than OpenSSH (issue 12) and prints
 * each load time next to {@code ssh -G} of one host of the same file, measured in the same run:
 *
 * <ul>
 *   <li>one Host line with 50,000 names, and the same names as 50,000 Host blocks;
 *   <li>a config of about 50 MB: host blocks with HostName, User, Port and other options;
 *   <li>9 files that each Include the glob of all of them (ssh refuses at once: "Too many
 *       recursive configuration includes").
 * </ul>
 *
 * The load is the catalogue's (what {@code jhosts list} pays, without the JVM start and the
 * printing): the first in this JVM, then the median of {@code runs} more. Arguments:
 * {@code [megabytes] [runs]} (defaults 50 and 3). The figures are only meaningful on an
 * otherwise idle machine; the ratios matter more than the times.
 */
public final class CatalogBoundsBench {
    private CatalogBoundsBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("jhosts-bounds-bench");
        try {
            Files.createDirectories(dir.resolve("home/.ssh"));
            Locations locations = Locations.of(Map.of("HOME", dir.resolve("home").toString()), dir.resolve("home"));
            CatalogLoader loader = new CatalogLoader(locations, settings());
            measure(loader, dir, "one Host line of 50,000 names", oneLine(dir, 50_000), "n49999", runs);
            measure(loader, dir, "50,000 Host blocks of one name", manyBlocks(dir, 50_000), "n49999", runs);
            measure(loader, dir, "a config of " + megabytes + " MB", large(dir, megabytes), "host-5", runs);
            measure(loader, dir, "9 files that Include the glob of all 9", globFanOut(dir, 9), "h9", runs);
        } finally {
            delete(dir);
        }
    }

    private static void measure(CatalogLoader loader, Path dir, String what, Path config, String alias, int runs)
            throws InterruptedException, IOException {
        long start = System.nanoTime();
        Catalog catalog = loader.load(config, true);
        long first = System.nanoTime() - start;
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            start = System.nanoTime();
            catalog = loader.load(config, true);
            times[i] = System.nanoTime() - start;
        }
        long ssh = sshG(config, dir, alias);
        System.out.printf("%s (%d bytes in all): %d hosts, %d warnings%n", what, bytes(config), catalog.hosts().size(),
                catalog.warnings().size());
        System.out.printf("  jhosts load: first %.1f ms, then median %.1f ms%n", ms(first), ms(median(times)));
        if (ssh > 0) {
            System.out.printf("  ssh -G %s: %.1f ms (jhosts' median load is %.2fx, listing every host)%n",
                    alias, ms(ssh), (double) median(times) / ssh);
        } else {
            System.out.println("  ssh -G: not measured (no ssh on PATH)");
        }
    }

    static Settings settings() {
        return new Settings("ssh", Path.of("/nonexistent"), Duration.ofMinutes(10), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 3, 4, Duration.ofMillis(1500), Duration.ofSeconds(2), '~', Duration.ofMillis(100),
                Duration.ofMillis(300), List.of(), Settings.OnSessionEnd.LIST, List.of(),
                new dev.jhosts.config.ProbeSettings(true, 4, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                dev.jhosts.config.PromptSettings.none(),
                java.util.Map.of(), new dev.jhosts.config.RunSettings(16, Duration.ZERO, true), dev.jhosts.config.SessionSettings.defaults());
    }

    private static Path oneLine(Path dir, int names) throws IOException {
        StringBuilder text = new StringBuilder("Host");
        for (int i = 0; i < names; i++) {
            text.append(" n").append(i);
        }
        text.append("\n    User shared\n");
        return write(dir.resolve("one-line.conf"), text);
    }

    private static Path manyBlocks(Path dir, int names) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names; i++) {
            text.append("Host n").append(i).append("\n    User shared\n");
        }
        return write(dir.resolve("many-blocks.conf"), text);
    }

    /** Host blocks as a generated inventory writes them, with a few pattern blocks at the end. */
    private static Path large(Path dir, int megabytes) throws IOException {
        Path file = dir.resolve("large.conf");
        long limit = (long) megabytes << 20;
        long written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; written < limit; i++) {
                String block = "Host host-" + i + " alias-" + i + "\n    HostName 10." + (i >> 16 & 255) + "."
                        + (i >> 8 & 255) + "." + (i & 255) + "\n    User user" + i % 17 + "\n    Port " + (2000 + i % 1000)
                        + "\n    ServerAliveInterval 30\n    IdentityFile ~/.ssh/id_" + i % 3 + "\n\n";
                out.write(block);
                written += block.length();
            }
            out.write("Host *.internal\n    User internal\n\nHost * !bastion\n    ProxyJump bastion\n\n"
                    + "Match host 10.* exec \"true\"\n    ForwardAgent no\n\nHost *\n    User everyone\n");
        }
        return file;
    }

    /** Each file Includes all of them (a cycle ssh refuses) and names one host. */
    private static Path globFanOut(Path dir, int files) throws IOException {
        Path glob = dir.resolve("fan-out");
        Files.createDirectories(glob);
        for (int i = 1; i <= files; i++) {
            write(glob.resolve("f" + i + ".conf"), new StringBuilder("Include " + glob + "/*.conf\nHost h" + i
                    + "\n    User u" + i + "\n"));
        }
        return glob.resolve("f1.conf");
    }

    private static Path write(Path file, CharSequence text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    private static long bytes(Path config) throws IOException {
        Path parent = config.getParent();
        if (parent.getFileName().toString().equals("fan-out")) {
            try (Stream<Path> files = Files.list(parent)) {
                return files.mapToLong(f -> f.toFile().length()).sum();
            }
        }
        return Files.size(config);
    }

    /** The median of three {@code ssh -G} runs (any exit status: a refused config counts too), or -1. */
    static long sshG(Path config, Path dir, String alias) throws InterruptedException {
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            ProcessBuilder builder = new ProcessBuilder("ssh", "-G", "-F", config.toString(), "--", alias)
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("HOME", dir.resolve("home").toString());
            long start = System.nanoTime();
            try {
                Process process = builder.start();
                try (InputStream out = process.getInputStream()) {
                    out.transferTo(OutputStream.nullOutputStream());
                }
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
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

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static void delete(Path dir) throws IOException {
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

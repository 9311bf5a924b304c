package dev.jhosts.bench;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.CatalogLoader;
import dev.jhosts.config.Locations;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the catalogue's load grows with the config (issue 20): N Host blocks of one name each,
 * then N pattern blocks of the forms that used to be tried on every host ({@code *xNy*}, an
 * infix; {@code * !hN}, every host but one; {@code *-N-*}, an infix between wildcards), for N =
 * 5,000, 10,000 and 20,000. Prints each load (the median of {@code runs}, after one in the same
 * JVM), the growth ratios (linear is 2x and 4x; it was 12x from 5k to 20k) and {@code ssh -G} of
 * one host of the largest file, measured in the same run. Arguments: {@code [runs]} (default 3).
 */
public final class CatalogGrowthBench {
    private static final int[] SIZES = {5_000, 10_000, 20_000};

    private CatalogGrowthBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("jhosts-growth-bench");
        try {
            Files.createDirectories(dir.resolve("home/.ssh"));
            Locations locations = Locations.of(Map.of("HOME", dir.resolve("home").toString()), dir.resolve("home"));
            CatalogLoader loader = new CatalogLoader(locations, CatalogBoundsBench.settings());
            long[] medians = new long[SIZES.length];
            Path largest = null;
            for (int s = 0; s < SIZES.length; s++) {
                Path config = write(dir, SIZES[s]);
                largest = config;
                Catalog catalog = loader.load(config, true);
                long[] times = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    catalog = loader.load(config, true);
                    times[i] = System.nanoTime() - start;
                }
                medians[s] = CatalogBoundsBench.median(times);
                System.out.printf("%,d hosts and %,d pattern blocks: %d hosts listed, load median %.1f ms%n",
                        SIZES[s], SIZES[s], catalog.hosts().size(), CatalogBoundsBench.ms(medians[s]));
            }
            System.out.printf("growth 5k -> 10k: %.2fx (linear 2x); 5k -> 20k: %.2fx (linear 4x)%n",
                    (double) medians[1] / medians[0], (double) medians[2] / medians[0]);
            long ssh = CatalogBoundsBench.sshG(largest, dir, "h19999");
            if (ssh > 0) {
                System.out.printf("ssh -G h19999 of the 20k file: %.1f ms (jhosts' load of every host is %.1fx)%n",
                        CatalogBoundsBench.ms(ssh), (double) medians[2] / ssh);
            } else {
                System.out.println("ssh -G: not measured (no ssh on PATH)");
            }
        } finally {
            CatalogBoundsBench.delete(dir);
        }
    }

    private static Path write(Path dir, int n) throws IOException {
        Path file = dir.resolve("growth-" + n + ".conf");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                out.write("Host h" + i + "\n    HostName 10.0." + (i >> 8 & 255) + "." + (i & 255) + "\n");
            }
            for (int i = 0; i < n; i++) {
                out.write(switch (i % 3) {
                    case 0 -> "Host *x" + i + "y*\n    User u" + i + "\n";
                    case 1 -> "Host * !h" + i + "\n    Port " + (1 + i % 1000) + "\n";
                    default -> "Host *-" + i + "-*\n    ProxyJump j" + i + "\n";
                });
            }
        }
        return file;
    }
}

package dev.jhosts.bench;

import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.config.SourceSpec;
import dev.jhosts.sources.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a source's cache costs the picker's start, which reads it before the first frame: the
 * median time of {@link Sources#cached()} for an inventory of N host objects (default 10,000),
 * next to the baseline of reading the same file's bytes as text, measured in the same run.
 *
 * <p>Arguments: {@code [hosts] [runs]} (defaults 10000 and 15).
 */
public final class SourcesBench {
    private static final int WARM_UP = 20;

    private SourcesBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int hostCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Files.createTempDirectory("jhosts-sources-bench");
        Path output = dir.resolve("inventory.json");
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < hostCount; i++) {
            text.append(i == 0 ? "" : ",\n").append("{\"alias\": \"host").append(i).append("\", \"hostname\": \"10.")
                    .append(i / 65536 % 256).append('.').append(i / 256 % 256).append('.').append(i % 256)
                    .append("\", \"user\": \"deploy\", \"port\": 22, \"tags\": [\"prod\", \"rack").append(i % 40)
                    .append("\"], \"group\": \"Group ").append(i % 25).append("\", \"description\": \"host number ")
                    .append(i).append(" of the inventory\"}");
        }
        Files.writeString(output, text.append("\n]\n"));
        SourceSpec spec = new SourceSpec("bench", SourceSpec.Type.COMMAND, List.of("cat", output.toString()),
                Duration.ofMinutes(10), Duration.ofSeconds(60), dir.resolve("jhosts.conf"), 1);
        Sources sources = new Sources(List.of(spec), dir.resolve("cache"), "me");
        SourceHosts first = sources.refreshed(Sources.Run.MISSING);
        if (first.hosts().size() != hostCount || !first.warnings().isEmpty()) {
            throw new IllegalStateException("the inventory did not read back: " + first.warnings());
        }
        for (int i = 0; i < WARM_UP; i++) {
            sources.cached();
            Files.readString(output);
        }
        long[] cached = new long[runs];
        long[] bytes = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sources.cached();
            cached[i] = System.nanoTime() - start;
            start = System.nanoTime();
            Files.readString(output);
            bytes[i] = System.nanoTime() - start;
        }
        long cachedMedian = median(cached);
        long bytesMedian = median(bytes);
        System.out.printf("%d hosts, %d KiB of JSON%n", hostCount, Files.size(output) >> 10);
        System.out.printf("Sources.cached() (read, parse, check every value): %.2f ms (median of %d)%n",
                cachedMedian / 1e6, runs);
        System.out.printf("baseline, reading the file as text:                 %.2f ms%n", bytesMedian / 1e6);
        System.out.printf("ratio: %.1fx the bytes alone%n", (double) cachedMedian / Math.max(1, bytesMedian));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

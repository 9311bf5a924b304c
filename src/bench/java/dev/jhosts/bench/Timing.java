package dev.jhosts.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Times whole commands: warm-up runs, then the median and spread of measured runs. */
final class Timing {
    private Timing() {}

    /** Median, fastest and slowest wall time of {@code runs} executions, in milliseconds. */
    record Figure(String name, double medianMs, double minMs, double maxMs) {
        String line() {
            return String.format("%-46s median %8.1f ms  (min %.1f, max %.1f)", name, medianMs, minMs, maxMs);
        }

        String ratioTo(Figure baseline) {
            return String.format("%-46s %.2f× %s", name, medianMs / baseline.medianMs, baseline.name);
        }
    }

    static Figure time(String name, int warmups, int runs, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        for (int i = 0; i < warmups; i++) {
            run(command, env);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(command, env);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Figure(name, millis[runs / 2], millis[0], millis[runs - 1]);
    }

    static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
    }
}

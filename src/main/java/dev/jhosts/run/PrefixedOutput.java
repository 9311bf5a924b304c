package dev.jhosts.run;

import java.io.PrintStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's output for people: each line after its host's alias, aligned ({@code web1 | …}),
 * stdout lines on stdout and stderr lines on stderr, whole lines only (hosts' lines never mix
 * inside one), each alias in a colour of its own when {@code colour}.
 */
public final class PrefixedOutput implements RunListener {
    /** ANSI foreground colours, bright ones left out: they are hard to read on light backgrounds. */
    private static final int[] COLOURS = {36, 32, 33, 35, 34, 31};
    private static final String RESET = "\033[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> prefixes = new HashMap<>();
    private final Map<String, LineBuffer> buffers = new HashMap<>();

    public PrefixedOutput(Collection<String> aliases, boolean colour, PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        int width = aliases.stream().mapToInt(String::length).max().orElse(0);
        int index = 0;
        for (String alias : aliases) {
            String padded = alias + " ".repeat(width - alias.length()) + " | ";
            prefixes.put(alias, colour ? "\033[" + COLOURS[index++ % COLOURS.length] + "m" + padded + RESET : padded);
        }
    }

    @Override
    public synchronized void output(String alias, OutputKind kind, byte[] bytes, int offset, int length) {
        print(alias, kind, buffer(alias, kind).add(bytes, offset, length));
    }

    @Override
    public synchronized void finished(HostResult result) {
        for (OutputKind kind : OutputKind.values()) {
            print(result.alias(), kind, buffer(result.alias(), kind).finish());
        }
    }

    @Override
    public synchronized void retrying(String alias, HostOutcome lost, int retry, int retries, java.time.Duration delay) {
        for (OutputKind kind : OutputKind.values()) {
            print(alias, kind, buffer(alias, kind).finish());
        }
        print(alias, OutputKind.STDERR, List.of("jhosts: connection lost (" + lost.detail() + "); running it again in "
                + Durations.describe(delay) + " (retry " + retry + " of " + retries + ")"));
    }

    private LineBuffer buffer(String alias, OutputKind kind) {
        return buffers.computeIfAbsent(alias + '\0' + kind, key -> new LineBuffer());
    }

    private void print(String alias, OutputKind kind, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        PrintStream stream = kind == OutputKind.STDOUT ? out : err;
        String prefix = prefixes.getOrDefault(alias, alias + " | ");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(prefix).append(line).append('\n');
        }
        // stdout and stderr may be one terminal: each line whole, in the order printed
        synchronized (PrefixedOutput.class) {
            stream.print(text);
            stream.flush();
        }
    }
}

package dev.jhosts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command on a pseudo-terminal of its own ({@code script(1)} from util-linux), 100×30, whose
 * output is watched for text: the way a person's terminal sees a program, for timing what they
 * wait for. Keeps only the tail of the output, so gigabytes can stream through.
 */
final class ScriptedTerminal implements AutoCloseable {
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>78]|\u001b\\][^\u0007]*\u0007|\r");
    private static final int TAIL = 64 * 1024;

    private final Process process;
    private final StringBuilder tail = new StringBuilder();
    private long bytes;

    private ScriptedTerminal(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "scripted-terminal-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static ScriptedTerminal start(String shellCommand, Map<String, String> env) throws IOException {
        return start(shellCommand, env, 100, 30);
    }

    static ScriptedTerminal start(String shellCommand, Map<String, String> env, int columns, int rows)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("script", "-qfec",
                "stty rows " + rows + " cols " + columns + "; exec " + shellCommand, "/dev/null"))
                .redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().putAll(env);
        return new ScriptedTerminal(builder.start());
    }

    private void pump() {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (this) {
                    bytes += n;
                    tail.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (tail.length() > TAIL) {
                        tail.delete(0, tail.length() - TAIL / 2);
                    }
                    notifyAll();
                }
            }
        } catch (IOException ended) {
            // the process went away
        }
    }

    /** The pseudo-terminal's device (its standard input's), once the command runs on it. */
    java.nio.file.Path device(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (ProcessHandle child : (Iterable<ProcessHandle>) process.descendants()::iterator) {
                try {
                    java.nio.file.Path input = java.nio.file.Files.readSymbolicLink(
                            java.nio.file.Path.of("/proc", Long.toString(child.pid()), "fd", "0"));
                    if (input.toString().startsWith("/dev/pts/")) {
                        return input;
                    }
                } catch (IOException gone) {
                    // not yet, or already exec'd
                }
            }
            Thread.sleep(10);
        }
        throw new IOException("no pseudo-terminal seen within " + limit);
    }

    /** Waits (bounded) for the command to end; whether it did. */
    boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Forgets what was seen so far (the byte count goes on). */
    synchronized void forget() {
        tail.setLength(0);
    }

    synchronized long bytes() {
        return bytes;
    }

    void type(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits until the raw output contains {@code marker} (cheap enough for bulk output). */
    synchronized long awaitRaw(String marker, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (tail.indexOf(marker) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("not seen within " + limit + ": " + marker);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return System.nanoTime();
    }

    /** Waits until the output (escape sequences removed) matches; returns System.nanoTime() then. */
    long await(Pattern pattern, Duration limit) throws InterruptedException {
        return await(text -> pattern.matcher(text).find(), pattern.toString(), limit);
    }

    /**
     * Waits until the output (escape sequences removed) passes {@code test}, named {@code what}
     * in the error that a limit reached throws; returns System.nanoTime() then.
     */
    synchronized long await(java.util.function.Predicate<String> test, String what, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!test.test(ESCAPES.matcher(tail).replaceAll(""))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("not seen within " + limit + ": " + what + "\n--- screen tail\n"
                        + ESCAPES.matcher(tail).replaceAll("").lines().skip(Math.max(0, tail.toString().lines().count() - 15))
                                .reduce("", (a, b) -> a + b + "\n"));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return System.nanoTime();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

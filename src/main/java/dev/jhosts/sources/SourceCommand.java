package dev.jhosts.sources;

import dev.jhosts.config.Printable;
import dev.jhosts.config.SourceSpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a source's command: no shell, no input, at most {@link #MAX_OUTPUT} bytes of output read,
 * stopped (with whatever it started) at its timeout or when the thread is interrupted.
 */
final class SourceCommand {
    /**
     * More than any inventory jhosts lists: 100,000 host objects of a few hundred bytes, or the
     * {@code tailscale status --json} of a tailnet of ten thousand machines (about 1.5 KiB each).
     */
    static final int MAX_OUTPUT = 32 << 20;
    private static final int MAX_ERROR_OUTPUT = 8 << 10;
    /** After the command exited, how long its output may take to arrive (a child may hold the pipe). */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    private SourceCommand() {}

    /** Thrown when the command did not give output to read; the message is one line. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** What the command printed on standard output, when it exited with status 0 within the time. */
    static String run(SourceSpec spec) throws Failed, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(spec.command())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new Failed("cannot run " + Printable.quoted(spec.command().get(0)) + ": " + reason(e));
        }
        Capture out = Capture.start(process.getInputStream(), MAX_OUTPUT, spec.name() + "-out");
        Capture err = Capture.start(process.getErrorStream(), MAX_ERROR_OUTPUT, spec.name() + "-err");
        // jhosts ending meanwhile (Ctrl-C on jhosts list) does not leave the command running
        Thread onExit = new Thread(() -> stop(process), "jhosts-source-exit");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            long deadline = System.nanoTime() + spec.timeout().toNanos();
            while (process.isAlive()) {
                if (out.overflowed()) {
                    stop(process);
                    throw new Failed("printed more than " + (MAX_OUTPUT >> 20) + " MiB; refused");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    stop(process);
                    throw new Failed("gave no answer within " + words(spec.timeout()) + " (timeout); stopped");
                }
                process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            }
            byte[] bytes = out.finish(DRAIN_AFTER_EXIT);
            if (out.overflowed()) {
                throw new Failed("printed more than " + (MAX_OUTPUT >> 20) + " MiB; refused");
            }
            if (process.exitValue() != 0) {
                String said = firstLine(new String(err.finish(DRAIN_AFTER_EXIT), StandardCharsets.UTF_8));
                throw new Failed("exited with status " + process.exitValue() + (said.isEmpty() ? "" : ": " + said));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        } finally {
            out.close();
            err.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
        }
    }

    /** The command and what it started (a shell script's children hold its pipes). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int detail = message.lastIndexOf("error=");
        return Printable.escaped(detail >= 0 ? message.substring(detail) : message);
    }

    /** The first non-blank line of what the command said on stderr, escaped and shortened. */
    static String firstLine(String text) {
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = Printable.escaped(line);
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    static String words(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Reads a stream on its own thread, keeping at most {@code limit} bytes (then noting the overflow). */
    private static final class Capture implements AutoCloseable {
        private final InputStream stream;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread reader;
        private volatile boolean overflowed;

        private Capture(InputStream stream, int limit, String name) {
            this.stream = stream;
            this.limit = limit;
            this.reader = new Thread(this::read, "jhosts-source-" + name);
            this.reader.setDaemon(true);
        }

        static Capture start(InputStream stream, int limit, String name) {
            Capture capture = new Capture(stream, limit, name);
            capture.reader.start();
            return capture;
        }

        private void read() {
            byte[] buffer = new byte[64 << 10];
            try {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = limit - kept.size();
                        if (n > room) {
                            kept.write(buffer, 0, Math.max(room, 0));
                            overflowed = true;
                            // keep reading (and dropping) so that the command is not stuck on a full pipe
                            continue;
                        }
                        kept.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the stream was closed: what was read is kept
            }
        }

        boolean overflowed() {
            return overflowed;
        }

        /** What was read, once the stream ended or {@code wait} passed. */
        byte[] finish(Duration wait) throws InterruptedException {
            reader.join(wait.toMillis());
            synchronized (kept) {
                return kept.toByteArray();
            }
        }

        @Override
        public void close() {
            try {
                stream.close();
            } catch (IOException e) {
                // nothing more to read
            }
        }
    }
}

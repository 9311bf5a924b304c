package dev.jhosts.cli;

import dev.jhosts.files.CopyEvent;
import dev.jhosts.files.CopyListener;
import dev.jhosts.files.CopyProgress;
import dev.jhosts.files.CopyResult;
import dev.jhosts.files.CopyText;
import dev.jhosts.files.EntryNames;
import dev.jhosts.files.HostCopy;
import dev.jhosts.run.OutputKind;
import dev.jhosts.run.PrefixedOutput;
import dev.jhosts.terminal.TerminalWidth;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * How {@code jhosts cp} shows a copy: a progress line redrawn in place on a terminal, plain
 * lines otherwise, or one JSON object per host. A path's failure is a line on stderr as it
 * happens (names escaped: a server's names never reach the terminal raw).
 */
abstract class CopyDisplay implements CopyListener, AutoCloseable {
    final PrintStream out;
    final PrintStream err;

    CopyDisplay(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A host's copy ended. */
    abstract void hostFinished(HostCopy.Result result);

    @Override
    public void close() {}

    static String failureLine(String host, String path, String reason) {
        return "jhosts: " + EntryNames.shown(host) + ": " + EntryNames.shown(path) + ": " + EntryNames.shown(reason);
    }

    /** "3 files, 1.2 MiB in 0:02", and what failed or was skipped. */
    static String resultLine(HostCopy.Result result) {
        if (result.outcome() instanceof HostCopy.Outcome.Copied copied) {
            CopyResult copy = copied.result();
            StringBuilder line = new StringBuilder(copy.cancelled() ? "stopped after " : "copied ");
            line.append(copy.files()).append(copy.files() == 1 ? " item, " : " items, ").append(CopyText.bytes(copy.bytes()))
                    .append(" in ").append(CopyText.clock(result.duration()));
            if (copy.skipped() > 0) {
                line.append(", ").append(copy.skipped()).append(" skipped");
            }
            if (!copy.failures().isEmpty()) {
                line.append(", ").append(copy.failures().size()).append(" failed");
            }
            return line.toString();
        }
        return "not copied: " + EntryNames.shown(reason(result.outcome()));
    }

    static String reason(HostCopy.Outcome outcome) {
        if (outcome instanceof HostCopy.Outcome.Unreachable unreachable) {
            return unreachable.reason();
        } else if (outcome instanceof HostCopy.Outcome.NoSession none) {
            return none.reason();
        } else if (outcome instanceof HostCopy.Outcome.NotBegun notBegun) {
            return notBegun.reason();
        } else if (outcome instanceof HostCopy.Outcome.Cancelled) {
            return "stopped before it began";
        }
        return "";
    }

    /** Plain lines: each file as it is done, each host's end (after its alias when there are several). */
    static final class Plain extends CopyDisplay {
        private final PrefixedOutput prefixed;

        Plain(List<String> aliases, boolean fleet, PrintStream out, PrintStream err) {
            super(out, err);
            this.prefixed = fleet ? new PrefixedOutput(aliases, false, out, err) : null;
        }

        @Override
        public void event(CopyEvent event) {
            if (event instanceof CopyEvent.FileFinished finished) {
                line(finished.host(), EntryNames.shown(finished.path()) + " " + CopyText.bytes(finished.bytes()));
            } else if (event instanceof CopyEvent.Skipped skipped) {
                line(skipped.host(), EntryNames.shown(skipped.path()) + " skipped: " + skipped.reason());
            } else if (event instanceof CopyEvent.Failed failed) {
                synchronized (PrefixedOutput.class) {
                    err.println(failureLine(failed.host(), failed.path(), failed.reason()));
                    err.flush();
                }
            }
        }

        @Override
        void hostFinished(HostCopy.Result result) {
            if (prefixed != null) {
                line(result.alias(), resultLine(result));
            } else if (!(result.outcome() instanceof HostCopy.Outcome.Copied)) {
                synchronized (PrefixedOutput.class) {
                    err.println("jhosts: " + result.alias() + ": " + resultLine(result));
                    err.flush();
                }
            }
        }

        private void line(String host, String text) {
            if (prefixed != null) {
                byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
                prefixed.output(host, OutputKind.STDOUT, bytes, 0, bytes.length);
            } else {
                synchronized (PrefixedOutput.class) {
                    out.println(text);
                    out.flush();
                }
            }
        }
    }

    /** A progress line on the terminal, redrawn five times a second; other lines go above it. */
    static final class Terminal extends CopyDisplay {
        private static final String CLEAR_LINE = "\r\033[K";
        private final CopyProgress progress = new CopyProgress(System.nanoTime());
        private final boolean fleet;
        private final int hosts;
        private int hostsDone;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jhosts-cp-progress");
            thread.setDaemon(true);
            return thread;
        });
        private final IntSupplier columns;
        private boolean drawn;
        private boolean closed;

        /** @param columns the terminal's width now (asked at each redraw: it may be resized) */
        Terminal(int hosts, boolean fleet, IntSupplier columns, PrintStream out, PrintStream err) {
            super(out, err);
            this.columns = columns;
            this.fleet = fleet;
            this.hosts = hosts;
            ticker.scheduleWithFixedDelay(this::draw, 200, 200, TimeUnit.MILLISECONDS);
        }

        @Override
        public void event(CopyEvent event) {
            progress.event(event);
            if (event instanceof CopyEvent.Failed failed) {
                above(err, failureLine(failed.host(), failed.path(), failed.reason()));
            } else if (event instanceof CopyEvent.Skipped skipped) {
                above(err, "jhosts: " + EntryNames.shown(skipped.host()) + ": " + EntryNames.shown(skipped.path())
                        + ": skipped: " + skipped.reason());
            }
        }

        @Override
        void hostFinished(HostCopy.Result result) {
            synchronized (this) {
                hostsDone++;
            }
            if (fleet) {
                above(out, result.alias() + " | " + resultLine(result));
            } else if (!(result.outcome() instanceof HostCopy.Outcome.Copied)) {
                above(err, "jhosts: " + result.alias() + ": " + resultLine(result));
            }
        }

        private synchronized void above(PrintStream stream, String line) {
            if (drawn) {
                out.print(CLEAR_LINE);
                out.flush();
                drawn = false;
            }
            stream.println(line);
            stream.flush();
            draw();
        }

        private synchronized void draw() {
            if (closed) {
                return;
            }
            CopyProgress.Snapshot now = progress.snapshot(System.nanoTime());
            String line = fleet ? fleetLine(now) : hostLine(now);
            int width = columns.getAsInt();
            if (line.length() >= width) {
                line = line.substring(0, Math.max(0, width - 1));
            }
            out.print(CLEAR_LINE + line);
            out.flush();
            drawn = true;
        }

        private String hostLine(CopyProgress.Snapshot now) {
            String name = EntryNames.shown(now.currentPath());
            int slash = name.lastIndexOf('/');
            name = slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
            if (name.length() > 30) {
                name = "…" + name.substring(name.length() - 29);
            }
            return String.format("%-30s %3d%% %9s %s | all %3d%% %9s of %s %11s %s left", name, now.currentPercent(),
                    CopyText.bytes(now.currentDone()), now.currentLeft().map(CopyText::clock).orElse("--:--"),
                    now.percent(), CopyText.bytes(now.bytesDone()), CopyText.bytes(now.bytes()),
                    CopyText.rate(now.bytesPerSecond()), now.left().map(CopyText::clock).orElse("--:--"));
        }

        private String fleetLine(CopyProgress.Snapshot now) {
            return String.format("%d of %d hosts done | %3d%% %s of %s %s %s left", hostsDone, hosts, now.percent(),
                    CopyText.bytes(now.bytesDone()), CopyText.bytes(now.bytes()), CopyText.rate(now.bytesPerSecond()),
                    now.left().map(CopyText::clock).orElse("--:--"));
        }

        /** The width of this process's standard output, a terminal. */
        static int columnsOfStandardOutput() {
            return TerminalWidth.columns(1);
        }

        @Override
        public void close() {
            ticker.shutdownNow();
            synchronized (this) {
                if (!closed) {
                    draw();
                    out.println();
                    out.flush();
                }
                closed = true;
            }
        }
    }

    /** {@code --json}: one object per host, a line each, as each host ends; nothing else on stdout. */
    static final class JsonLines extends CopyDisplay {
        private final Map<String, List<Map<String, Object>>> failures = new LinkedHashMap<>();

        JsonLines(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public synchronized void event(CopyEvent event) {
            if (event instanceof CopyEvent.Failed failed) {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("path", failed.path());
                failure.put("error", failed.reason());
                failures.computeIfAbsent(failed.host(), host -> new ArrayList<>()).add(failure);
            }
        }

        @Override
        synchronized void hostFinished(HostCopy.Result result) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("alias", result.alias());
            HostCopy.Outcome outcome = result.outcome();
            if (outcome instanceof HostCopy.Outcome.Copied copied) {
                CopyResult copy = copied.result();
                object.put("outcome", copy.cancelled() ? "cut" : copy.complete() ? "succeeded" : "failed");
                object.put("items", copy.files());
                object.put("bytes", copy.bytes());
                object.put("skipped", copy.skipped());
                object.put("failed", failures.getOrDefault(result.alias(), List.of()));
                object.put("error", null);
            } else {
                object.put("outcome", outcome instanceof HostCopy.Outcome.Unreachable ? "unreachable"
                        : outcome instanceof HostCopy.Outcome.Cancelled ? "cut" : "refused");
                object.put("items", 0);
                object.put("bytes", 0);
                object.put("skipped", 0);
                object.put("failed", List.of());
                object.put("error", reason(outcome));
            }
            object.put("durationMs", result.duration().toMillis());
            out.println(Json.render(object));
            out.flush();
        }
    }
}

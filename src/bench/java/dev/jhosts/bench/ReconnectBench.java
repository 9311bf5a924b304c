package dev.jhosts.bench;

import dev.jhosts.testing.JhostsServers;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.TcpRelay;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connections that come back (issue 16's "Speed"), each figure beside a baseline measured in the
 * same run. The jhosts server's picker runs on a pseudo-terminal ({@link ScriptedTerminal}); its
 * master reaches the bench's sshd through a {@link TcpRelay} in this process, which cuts every
 * connection, refuses new ones, or freezes; the session runs inside the remote tmux
 * ({@code remote-session = tmux}) and prints a line with the remote wall clock every 50 ms, so
 * that the session's screen being back is the first such line stamped after the path came back.
 * <ul>
 *   <li>back after a drop: every connection cut and new ones refused until jhosts shows
 *       "connection lost", then the path given back at once, and again after it stayed down a
 *       while; from the path working again to the session's screen back, against a cold
 *       {@code ssh -tt} through the relay to the remote prompt, and the target of that
 *       cold ssh + 1 s;</li>
 *   <li>a frozen path noticed: from the freeze to "connection lost" on the session's screen
 *       (and to the master's exit), against ServerAliveInterval × ServerAliveCountMax + 1 s as
 *       read from the master's own command line; then from the thaw to the screen back;</li>
 *   <li>the server's CPU (utime + stime of /proc/PID/stat) over a window with the host refusing
 *       every connection, against the same window with the host up and the session idle.</li>
 * </ul>
 * {@code JHOSTS_RECONNECT_BENCH='RUNS SECONDS [DOWN [PARTS]]'} sets the runs per figure (default 3),
 * the CPU window (default 60 s), how long the path stays down in the second drop (default 10 s)
 * and which parts run ({@code drop,frozen,cpu}, all by default).
 */
public final class ReconnectBench {
    private static final Duration LIMIT = TuiBench.LIMIT;
    /** Backoff up to 30 s, a launch bounded by twice ConnectTimeout plus 15 s: the longest wait for the session back. */
    private static final Duration BACK = Duration.ofSeconds(120);
    private static final String HOST = "relayed";
    private static final String DETACH = "\u001c";
    private static final Pattern TICK = Pattern.compile("TICK(\\d{10})[.,]?(\\d{6})\\.");
    /** Remote wall clock lines; bash's EPOCHREALTIME, so no process per line but sleep. */
    private static final String TICKING = "while sleep 0.05; do printf 'TICK%s.\\n' \"$EPOCHREALTIME\"; done\r";
    private static final int ALIVE_INTERVAL_SECONDS = 2;
    private static final int ALIVE_COUNT_MAX = 2;

    private final SshdFixture sshd;
    private final TcpRelay relay;
    private final Path remoteTmux;
    private final Path config;
    private final Path settings;
    private final Map<String, String> env;

    private ReconnectBench(SshdFixture sshd, TcpRelay relay, Path remoteTmux) throws IOException {
        this.sshd = sshd;
        this.relay = relay;
        this.remoteTmux = remoteTmux;
        this.config = sshd.dir().resolve("relayed_config");
        Files.writeString(config, "Host " + HOST + "\n"
                + sshd.hostOptions().replace("  Port " + sshd.port() + "\n", "  Port " + relay.port() + "\n")
                + "  HostKeyAlias [127.0.0.1]:" + sshd.port() + "\n");
        this.settings = sshd.dir().resolve("reconnect.conf");
        Files.writeString(settings, "remote-session = tmux\n"
                + "server-alive-interval = " + ALIVE_INTERVAL_SECONDS + "s\n"
                + "server-alive-count-max = " + ALIVE_COUNT_MAX + "\n");
        this.env = new HashMap<>(sshd.jhostsEnv());
        env.put("LANG", "C.UTF-8");
    }

    public static void main(String[] args) throws Exception {
        String[] counts = System.getenv().getOrDefault("JHOSTS_RECONNECT_BENCH", "3 60 10").trim().split("\\s+");
        int runs = Integer.parseInt(counts[0]);
        int seconds = Integer.parseInt(counts[1]);
        int down = counts.length > 2 ? Integer.parseInt(counts[2]) : 10;
        String parts = counts.length > 3 ? counts[3] : "drop,frozen,cpu";
        Requirements.requireCommand("tmux", "tmux");
        Path remoteTmux = Files.createTempDirectory(Path.of("/tmp"), "jhrbtmux");
        // the remote sessions' tmux server apart from any other on this machine
        SshdFixture sshd = new SshdFixture().withConfig("SetEnv TMUX_TMPDIR=" + remoteTmux).start();
        TcpRelay relay = new TcpRelay(sshd.port());
        ReconnectBench bench = new ReconnectBench(sshd, relay, remoteTmux);
        ScriptedTerminal picker = null;
        try {
            picker = bench.openSession();
            if (parts.contains("drop")) {
                bench.backAfterADrop(picker, runs, down);
            }
            if (parts.contains("frozen")) {
                bench.frozenPathNoticed(picker, runs);
            }
            if (parts.contains("cpu")) {
                bench.cpuWhileDown(picker, seconds);
            }
        } catch (Exception | Error e) {
            System.out.println("ReconnectBench stopped: " + e);
            bench.printServerLog();
            throw e;
        } finally {
            relay.refuse(false);
            relay.thaw();
            if (picker != null) {
                picker.close();
            }
            JhostsServers.stopAll(Path.of(bench.env.get("XDG_RUNTIME_DIR"), "jhosts"));
            relay.close();
            Processes.run(List.of("tmux", "kill-server"), Map.of("TMUX_TMPDIR", remoteTmux.toString()),
                    Duration.ofSeconds(10));
            sshd.stop(); // and the masters under its directory
            deleteTree(remoteTmux);
        }
    }

    /** The picker, Enter on the host, the remote tmux session with its wall clock ticking. */
    private ScriptedTerminal openSession() throws Exception {
        ScriptedTerminal picker = ScriptedTerminal.start(jhosts(), env);
        picker.await(Pattern.compile("Enter connect"), LIMIT);
        picker.forget();
        picker.type("\r");
        picker.await(Pattern.compile("\\[jhosts-\\d+\\]"), LIMIT);
        picker.type(TICKING);
        picker.await(TICK, LIMIT);
        return picker;
    }

    // ---- 1: a drop, the path back at once or after a while

    private void backAfterADrop(ScriptedTerminal picker, int runs, int downSeconds) throws Exception {
        String loadBefore = load();
        double[] noticedMs = new double[runs];
        double[] soonMs = new double[runs];
        double[] soonDownMs = new double[runs];
        double[] laterMs = new double[runs];
        double[] laterDownMs = new double[runs];
        double[] coldMs = new double[runs];
        String cold = "ssh -F " + config + " -tt -o ControlMaster=no -o ControlPath=none " + HOST;
        for (int i = 0; i < runs; i++) {
            coldMs[i] = TuiBench.timeToText(cold, env, TuiBench.PROMPT);
            Drop soon = drop(picker, Duration.ZERO);
            noticedMs[i] = soon.noticedMs();
            soonDownMs[i] = soon.downMs();
            soonMs[i] = soon.backMs();
            Drop later = drop(picker, Duration.ofSeconds(downSeconds));
            laterDownMs[i] = later.downMs();
            laterMs[i] = later.backMs();
        }
        double coldMedian = TuiBench.median(coldMs);
        System.out.printf("a drop noticed (cut to \"connection lost\" on the session's screen) %7.1f ms%n",
                TuiBench.median(noticedMs));
        backLine("back after a drop, path down " + String.format("%4.1f s", TuiBench.median(soonDownMs) / 1000),
                TuiBench.median(soonMs), coldMedian);
        backLine("back after a drop, path down " + String.format("%4.1f s", TuiBench.median(laterDownMs) / 1000),
                TuiBench.median(laterMs), coldMedian);
        System.out.println("  (path back = the relay listening again, having refused connects meanwhile; back = the first"
                + " line the remote printed after that, on screen, up to 50 ms late; jhosts tries 1, 3, 7, 15, 31 … s after"
                + " the loss (backoff 1, 2, 4 … 30 s), and at once when a connect to the host, every second between tries,"
                + " finds it listening again; baseline: cold ssh -tt through the relay"
                + " to the remote prompt; medians of " + runs
                + " runs, each: " + runsOf(soonMs) + " and " + runsOf(laterMs) + " ms; load average " + loadBefore
                + " before, " + load() + " after)");
    }

    private static void backLine(String name, double backMs, double coldMs) {
        double target = coldMs + 1000;
        System.out.printf("%s: to the screen back %7.1f ms   cold ssh %6.1f ms   ratio %.2f×   target (cold ssh + 1 s)"
                + " %6.1f ms: %+.1f ms (%s)%n", name, backMs, coldMs, backMs / coldMs, target, backMs - target,
                backMs <= target ? "met" : "missed");
    }

    /** Times of one drop: cut to lost on screen, how long the path was down, path back to the screen back. */
    private record Drop(double noticedMs, double downMs, double backMs) {}

    /**
     * Cuts every connection and stops listening (a connect is refused, as to a host that is gone)
     * until the session's screen says connection lost and at least {@code down} has passed since
     * the cut; then the relay listens again.
     */
    private Drop drop(ScriptedTerminal picker, Duration down) throws Exception {
        picker.forget();
        relay.down(true);
        long cut = System.nanoTime();
        relay.cut();
        long noticed = picker.await(Pattern.compile("connection lost"), LIMIT);
        long left = down.toNanos() - (System.nanoTime() - cut);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        long pathBack = System.nanoTime();
        Instant pathBackWall = Instant.now();
        relay.down(false);
        long back = awaitScreenBack(picker, pathBackWall);
        return new Drop((noticed - cut) / 1e6, (pathBack - cut) / 1e6, (back - pathBack) / 1e6);
    }

    /** The moment a line the remote printed after {@code after} is on screen. */
    private static long awaitScreenBack(ScriptedTerminal picker, Instant after) throws InterruptedException {
        long afterMicros = after.getEpochSecond() * 1_000_000 + after.getNano() / 1_000;
        return picker.await(text -> {
            Matcher tick = TICK.matcher(text);
            while (tick.find()) {
                if (Long.parseLong(tick.group(1)) * 1_000_000 + Long.parseLong(tick.group(2)) > afterMicros) {
                    return true;
                }
            }
            return false;
        }, "a line the remote printed after the path came back", BACK);
    }

    // ---- 2: a frozen path

    private void frozenPathNoticed(ScriptedTerminal picker, int runs) throws Exception {
        String loadBefore = load();
        double[] noticedMs = new double[runs];
        double[] masterGoneMs = new double[runs];
        double[] backMs = new double[runs];
        String options = "";
        for (int i = 0; i < runs; i++) {
            ProcessHandle master = master().orElseThrow(() -> new IllegalStateException("no master of " + HOST + " seen"));
            options = aliveOptions(master);
            picker.forget();
            relay.freeze();
            long frozen = System.nanoTime();
            var gone = java.util.concurrent.CompletableFuture.supplyAsync(() -> exitSeen(master.pid()));
            long noticed = picker.await(Pattern.compile("connection lost"), LIMIT);
            long exited = gone.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            Instant thawWall = Instant.now();
            long thawed = System.nanoTime();
            relay.thaw();
            long back = awaitScreenBack(picker, thawWall);
            noticedMs[i] = (noticed - frozen) / 1e6;
            masterGoneMs[i] = (exited - frozen) / 1e6;
            backMs[i] = (back - thawed) / 1e6;
        }
        double bound = ALIVE_INTERVAL_SECONDS * ALIVE_COUNT_MAX * 1000.0 + 1000;
        System.out.printf("frozen path noticed (freeze to \"connection lost\") %7.1f ms   ServerAliveInterval ×"
                + " ServerAliveCountMax + 1 s %6.0f ms   ratio %.2f×   %+.1f ms (%s)%n", TuiBench.median(noticedMs),
                bound, TuiBench.median(noticedMs) / bound, TuiBench.median(noticedMs) - bound,
                TuiBench.median(noticedMs) <= bound ? "met" : "missed");
        System.out.printf("  of which ssh's: freeze to the master's exit %7.1f ms; jhosts' notice after it %6.1f ms%n",
                TuiBench.median(masterGoneMs), TuiBench.median(noticedMs) - TuiBench.median(masterGoneMs));
        System.out.printf("  then thawed: to the screen back %7.1f ms%n", TuiBench.median(backMs));
        System.out.println("  (the master's own " + options + "; medians of " + runs + " runs, each: noticed "
                + runsOf(noticedMs) + ", master gone " + runsOf(masterGoneMs) + ", back " + runsOf(backMs)
                + " ms; load average " + loadBefore + " before, " + load() + " after)");
    }

    /** The master of the relayed host: an ssh with this bench's config and -N. */
    private Optional<ProcessHandle> master() throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine()
                            .map(line -> line.contains(config.toString()) && line.contains("ServerAliveInterval=")
                                    && line.contains(" -N "))
                            .orElse(false))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /**
     * Polls every 10 ms (bounded) until the process has exited, a zombie counting as exited (the
     * master has gone to the background, and what reaps it is not this process); System.nanoTime() then.
     */
    private static long exitSeen(long pid) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        while (System.nanoTime() < deadline) {
            try {
                String line = Files.readString(stat);
                if (line.substring(line.lastIndexOf(')') + 2).startsWith("Z")) {
                    return System.nanoTime();
                }
                Thread.sleep(10);
            } catch (IOException gone) {
                return System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the master " + pid + " still runs after " + LIMIT);
    }

    /** ServerAliveInterval and ServerAliveCountMax as jhosts gave them to the master; checked against the settings. */
    private static String aliveOptions(ProcessHandle master) {
        String line = master.info().commandLine().orElse("");
        Matcher interval = Pattern.compile("ServerAliveInterval=(\\d+)").matcher(line);
        Matcher count = Pattern.compile("ServerAliveCountMax=(\\d+)").matcher(line);
        if (!interval.find() || !count.find() || Integer.parseInt(interval.group(1)) != ALIVE_INTERVAL_SECONDS
                || Integer.parseInt(count.group(1)) != ALIVE_COUNT_MAX) {
            throw new IllegalStateException("the master has not the settings' ServerAlive options: " + line);
        }
        return "ServerAliveInterval=" + interval.group(1) + " ServerAliveCountMax=" + count.group(1)
                + " (the settings' server-alive-interval and -count-max; by default 30 s × 3)";
    }

    // ---- 3: the server's CPU while the host stays down, against the same with it up

    private void cpuWhileDown(ScriptedTerminal picker, int seconds) throws Exception {
        picker.type("\u0003"); // the clock stops: the session is idle
        Thread.sleep(500);
        picker.forget();
        picker.type(DETACH);
        picker.await(Pattern.compile("Enter connect"), LIMIT);
        long pid = serverPid();
        long ticksPerSecond = Long.parseLong(Processes.run(List.of("getconf", "CLK_TCK"), Map.of(), LIMIT).stdout().strip());
        String loadBefore = load();
        Thread.sleep(2000); // the detach's redraws done

        long idleFrom = System.nanoTime();
        long idleTicks = cpuTicks(pid);
        Thread.sleep(seconds * 1000L);
        double idleCpuMs = (cpuTicks(pid) - idleTicks) * 1000.0 / ticksPerSecond;
        double idleMs = (System.nanoTime() - idleFrom) / 1e6;
        String loadIdle = load();

        picker.forget();
        relay.refuse(true);
        relay.cut();
        // the row's change only: the alias beside it is not drawn again
        picker.await(Pattern.compile("connection lost"), LIMIT);
        int spokenBefore = relay.spoken();
        long downFrom = System.nanoTime();
        long downTicks = cpuTicks(pid);
        Thread.sleep(seconds * 1000L);
        double downCpuMs = (cpuTicks(pid) - downTicks) * 1000.0 / ticksPerSecond;
        double downMs = (System.nanoTime() - downFrom) / 1e6;
        int tries = relay.spoken() - spokenBefore;
        relay.refuse(false);

        double down = 100 * downCpuMs / downMs;
        double idle = 100 * idleCpuMs / idleMs;
        System.out.printf("server CPU, host down %.0f s: %6.0f ms = %5.2f%%   host up, session idle: %6.0f ms = %5.2f%%"
                + "   ratio %.2f×   added by the host down %+.2f points   target 1%%: %s%n", downMs / 1000, downCpuMs,
                down, idleCpuMs, idle, idle > 0 ? down / idle : Double.NaN, down - idle, down <= 1 ? "met" : "missed");
        System.out.println("  (server pid " + pid + ", utime+stime at " + ticksPerSecond + " ticks/s; the list shown;"
                + " the relay refusing: " + tries + " tries (connections that spoke) in the window; load average "
                + loadBefore + " before, " + loadIdle + " after the idle window, " + load() + " after)");
    }

    private long serverPid() {
        Processes.Result status = sshd.jhosts(LIMIT, "-F", config.toString(), "-c", settings.toString(), "server",
                "status");
        Matcher pid = Pattern.compile("pid (\\d+),").matcher(status.stdout());
        if (!pid.find()) {
            throw new IllegalStateException("no server pid: " + status.describe());
        }
        return Long.parseLong(pid.group(1));
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    // ----

    /** The last lines of the server's log (its standard output and error), when something went wrong. */
    private void printServerLog() {
        Path log = Path.of(env.get("XDG_STATE_HOME"), "jhosts", "server.log");
        try {
            List<String> lines = Files.readAllLines(log);
            System.out.println("--- the last lines of " + log);
            lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.out::println);
        } catch (IOException e) {
            System.out.println("(no server log: " + e + ")");
        }
        Path control = Path.of(env.get("XDG_RUNTIME_DIR"), "jhosts");
        try (var files = Files.list(control)) {
            System.out.println("--- in " + control + ": " + files.map(file -> file.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            System.out.println("(no control directory: " + e + ")");
        }
    }

    private String jhosts() {
        return SshdFixture.launcher().toAbsolutePath() + " -F " + config + " -c " + settings;
    }

    private static String runsOf(double[] millis) {
        List<String> each = new ArrayList<>();
        for (double value : millis) {
            each.add(new BigDecimal(value).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString());
        }
        return String.join("/", each);
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static void deleteTree(Path root) throws IOException {
        try (var tree = Files.walk(root)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

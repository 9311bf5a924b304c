package dev.jhosts.bench;

import dev.jhosts.cli.BuildIdentity;
import dev.jhosts.client.ServerClient;
import dev.jhosts.server.ServerAddress;
import dev.jhosts.server.ServerWire;
import dev.jhosts.server.ToClient;
import dev.jhosts.server.ToServer;
import dev.jhosts.testing.JhostsServers;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The jhosts server (issue 15's "Speed and memory"), each figure beside a baseline measured in
 * the same run, on pseudo-terminals ({@link ScriptedTerminal}):
 * <ul>
 *   <li>start-up to the first frame with a server running, and with none (the client starts
 *       it), against a JVM hello-world started with the launcher's JVM options; with a server
 *       running, also to the answer to a key typed at the first frame (the frame may come from
 *       the server before the client's JVM is up);</li>
 *   <li>Enter to the remote prompt against {@code ssh -S socket host}, Enter pressed once the
 *       master shows live (in the first frame, with a server running), 0.1 s and 3 s after the
 *       first frame; and {@code ssh -S} again with a JVM
 *       hello-world started beside it, the least a client that is a JVM adds when Enter comes at
 *       the first frame, where sshd and the remote shell start on the same processors;</li>
 *   <li>the echo of a keystroke and 256 MiB through a session against {@code ssh -S socket -t}
 *       ({@link TuiBench}'s measurements, the picker being the server's now);</li>
 *   <li>the server's descriptors, threads and heap after a collection before and after clients
 *       attach a session and detach again many times, and its resident memory with 20 detached
 *       sessions of 200×60 with a full scrollback.</li>
 * </ul>
 * {@code JHOSTS_SERVER_BENCH='RUNS CLIENTS ROUNDS [PARTS [BULK]]'} sets the counts (default {@code '9 20 100'}),
 * which parts run ({@code start,traffic,memory}, all by default) and how many times the 256 MiB go
 * through each (3 by default). {@code JHOSTS_SERVER_BENCH_BEFORE=LAUNCHER}, the launcher of a
 * build from before the server (the issue's "today"), adds its picker's first frame and its Enter
 * at the first frame to each round, for a cold start to be set against.
 */
public final class ServerBench {
    private static final Duration LIMIT = TuiBench.LIMIT;
    private static final Pattern PROMPT = TuiBench.PROMPT;
    /** Enter pressed as soon as the first frame shows the master live. */
    private static final Duration AT_FIRST_FRAME = Duration.ZERO;
    private static final String DETACH = "\u001c";
    private static final String NEW_SESSION = "\u0014";
    private static final String ESCAPE = "\u001b";
    private static final int SESSIONS = 20;
    private static final int WIDE = 200;
    private static final int TALL = 60;

    private final SshdFixture sshd;
    private final Map<String, String> env;
    private final String jhosts;
    private final Path controlDirectory;
    /** The launcher of a build from before the server, for "no slower than today"; none by default. */
    private final Optional<String> before;

    private ServerBench(SshdFixture sshd) {
        this.sshd = sshd;
        this.env = sshd.jhostsEnv();
        this.jhosts = SshdFixture.launcher().toAbsolutePath() + " -F " + sshd.sshConfig();
        this.controlDirectory = Path.of(env.get("XDG_RUNTIME_DIR"), "jhosts");
        this.before = Optional.ofNullable(System.getenv("JHOSTS_SERVER_BENCH_BEFORE")).filter(path -> !path.isBlank())
                .map(launcher -> Path.of(launcher).toAbsolutePath() + " -F " + sshd.sshConfig());
    }

    public static void main(String[] args) throws Exception {
        String[] counts = System.getenv().getOrDefault("JHOSTS_SERVER_BENCH", "9 20 100").trim().split("\\s+");
        int runs = Integer.parseInt(counts[0]);
        int clients = Integer.parseInt(counts[1]);
        int rounds = Integer.parseInt(counts[2]);
        String parts = counts.length > 3 ? counts[3] : "start,traffic,memory";
        int bulkRounds = counts.length > 4 ? Integer.parseInt(counts[4]) : 3;
        SshdFixture sshd = new SshdFixture().start();
        ServerBench bench = new ServerBench(sshd);
        try {
            Processes.Result start = sshd.jhosts(LIMIT, "master", "start", SshdFixture.HOST);
            if (start.exitCode() != 0) {
                throw new IllegalStateException(start.describe());
            }
            if (parts.contains("start")) {
                bench.startUpAndEnter(runs);
            }
            if (parts.contains("traffic")) {
                bench.sessionTraffic(bulkRounds);
            }
            if (parts.contains("memory")) {
                bench.memory(clients, rounds);
            }
        } finally {
            JhostsServers.stopAll(bench.controlDirectory);
            sshd.jhosts(LIMIT, "master", "exit", SshdFixture.HOST);
            sshd.stop();
        }
    }

    private static long[] rounded(double[] millis) {
        return java.util.Arrays.stream(millis).mapToLong(Math::round).toArray();
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    // ---- 1 and 2: first frame (server running, none running), Enter to the prompt

    private void startUpAndEnter(int runs) throws Exception {
        List<String> helloWorld = MasterBench.helloWorld();
        String hello = String.join(" ", helloWorld);
        String ssh = "ssh -F " + sshd.sshConfig() + " -tt -S " + TuiBench.socket(sshd) + " " + SshdFixture.HOST;
        double[] helloMs = new double[runs];
        double[] sshBesideMs = new double[runs];
        double[] floorMs = new double[runs];
        Optional<String> floor = Optional.empty();
        double[] warmMs = new double[runs];
        double[] keyMs = new double[runs];
        double[] coldMs = new double[runs];
        double[] enterLiveMs = new double[runs];
        double[] enterSoonMs = new double[runs];
        double[] enterSettledMs = new double[runs];
        double[] sshMs = new double[runs];
        double[] serverShareMs = new double[runs];
        double[] beforeFrameMs = new double[runs];
        double[] beforeEnterMs = new double[runs];
        String loadBefore = load();
        ScriptedTerminal inProcess = ScriptedTerminal.start("sleep 100000", env);
        RandomAccessFile inProcessTty = new RandomAccessFile(inProcess.device(LIMIT).toFile(), "rw");
        for (int i = -1; i < runs; i++) {
            stopServer();
            // the build before the server: one JVM that reads, draws and opens sessions itself;
            // its first frame first, as the cold start's comes, with no server running: the
            // server a cold start leaves would take a processor from it (its runtime made after
            // the frame, its probes, its compilations)
            double beforeFrame = before.isPresent() ? firstFrame(before.get()) : 0;
            double cold = firstFrame();
            double beforeEnter = before.isPresent() ? enter(before.get(), AT_FIRST_FRAME) : 0;
            double helloRun = TuiBench.timeToText(hello, env, Pattern.compile("hello"));
            double warm = firstFrame();
            double key = firstKeyAnswered();
            double serverShare = serverShare(inProcess, inProcessTty);
            double enterLive = enter(jhosts, AT_FIRST_FRAME);
            double enterSoon = enter(jhosts, Duration.ofMillis(100));
            double enterSettled = enter(jhosts, Duration.ofSeconds(3));
            double mux = TuiBench.timeToText(ssh, env, PROMPT);
            double sshBeside = sshBesideAJvm(ssh, helloWorld);
            // last: its JVM, still ending, would take the processor from the next measure
            if (floor.isEmpty()) {
                floor = Optional.of(String.join(" ", MasterBench.connectFloor(JhostsServers.in(controlDirectory).get(0))));
            }
            double floorRun = TuiBench.timeToText(floor.get(), env, Pattern.compile("connected"));
            if (i >= 0) {
                helloMs[i] = helloRun;
                floorMs[i] = floorRun;
                coldMs[i] = cold;
                beforeFrameMs[i] = beforeFrame;
                beforeEnterMs[i] = beforeEnter;
                warmMs[i] = warm;
                keyMs[i] = key;
                serverShareMs[i] = serverShare;
                enterLiveMs[i] = enterLive;
                enterSoonMs[i] = enterSoon;
                enterSettledMs[i] = enterSettled;
                sshMs[i] = mux;
                sshBesideMs[i] = sshBeside;
            }
        }
        inProcessTty.close();
        inProcess.close();
        double helloMedian = TuiBench.median(helloMs);
        System.out.printf("first frame, server running %7.1f ms   JVM hello-world %6.1f ms   ratio %.2f×%n",
                TuiBench.median(warmMs), helloMedian, TuiBench.median(warmMs) / helloMedian);
        System.out.printf("  the server's part: hello to first frame %6.1f ms (an in-process client, no JVM to start)%n",
                TuiBench.median(serverShareMs));
        System.out.printf("  the floor: a JVM that only connects to the server's socket %6.1f ms (%.2f× the hello-world),"
                + " with the JDK's channel and an archive of its own%n", TuiBench.median(floorMs),
                TuiBench.median(floorMs) / helloMedian);
        System.out.printf("  a key typed at the first frame, answered %6.1f ms from the start (%.2f× the hello-world):"
                + " the client's JVM up and connected%n", TuiBench.median(keyMs), TuiBench.median(keyMs) / helloMedian);
        System.out.printf("first frame, no server      %7.1f ms   JVM hello-world %6.1f ms   ratio %.2f×%n",
                TuiBench.median(coldMs), helloMedian, TuiBench.median(coldMs) / helloMedian);
        if (before.isPresent()) {
            System.out.printf("  the build before the server (%s): first frame %6.1f ms (%.2f× the hello-world);"
                    + " no server against it: ratio %.2f×%n", before.get().split(" ")[0], TuiBench.median(beforeFrameMs),
                    TuiBench.median(beforeFrameMs) / helloMedian, TuiBench.median(coldMs) / TuiBench.median(beforeFrameMs));
        }
        System.out.printf("Enter to prompt, master live %6.1f ms   ssh -S socket   %6.1f ms   ratio %.2f×%n",
                TuiBench.median(enterLiveMs), TuiBench.median(sshMs), TuiBench.median(enterLiveMs) / TuiBench.median(sshMs));
        if (before.isPresent()) {
            System.out.printf("  the build before the server: Enter to prompt, master live %6.1f ms (%.2f× ssh -S)%n",
                    TuiBench.median(beforeEnterMs), TuiBench.median(beforeEnterMs) / TuiBench.median(sshMs));
        }
        System.out.printf("  ssh -S with a JVM hello-world started beside it %6.1f ms (%.2f× ssh -S): a client's JVM that did"
                + " nothing, starting as the session opens, on the processors the remote shell starts on%n",
                TuiBench.median(sshBesideMs), TuiBench.median(sshBesideMs) / TuiBench.median(sshMs));
        System.out.printf("Enter 0.1 s after 1st frame %7.1f ms   ssh -S socket   %6.1f ms   ratio %.2f×%n",
                TuiBench.median(enterSoonMs), TuiBench.median(sshMs), TuiBench.median(enterSoonMs) / TuiBench.median(sshMs));
        System.out.printf("Enter 3 s after 1st frame   %7.1f ms   ssh -S socket   %6.1f ms   ratio %.2f×%n",
                TuiBench.median(enterSettledMs), TuiBench.median(sshMs), TuiBench.median(enterSettledMs) / TuiBench.median(sshMs));
        System.out.println("(medians of " + runs + " interleaved runs after one warm-up; load average " + loadBefore
                + " before, " + load() + " after)");
    }

    /** Ends the server, if one runs, and waits for its process to be gone (its lock with it). */
    private void stopServer() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (Path socket : JhostsServers.in(controlDirectory)) {
            serverPid(socket).ifPresent(pids::add);
        }
        JhostsServers.stopAll(controlDirectory);
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join());
        }
    }

    /**
     * The running server's part of a first frame: from a client's hello (sent by this process,
     * which has no JVM to start) to the frame that shows the host on the terminal it passed.
     */
    private double serverShare(ScriptedTerminal terminal, RandomAccessFile tty) throws Exception {
        Path socket = JhostsServers.in(controlDirectory).get(0);
        ServerAddress address = ServerAddress.at(socket);
        // the server serves its own build only: the jar beside the launcher, as the launcher's clients say it
        String build = BuildIdentity.handshake(SshdFixture.launcher().toAbsolutePath().getParent().toString());
        ScriptedClient client = new ScriptedClient(address,
                new ToServer.Hello(build, "", ToServer.Purpose.PICKER, List.of(), TERMINAL_ENVIRONMENT, "/"), terminal, tty);
        double[] millis = new double[1];
        client.show(() -> {
            long start = System.nanoTime();
            millis[0] = (terminal.await(Pattern.compile(SshdFixture.HOST), LIMIT) - start) / 1e6;
            terminal.type(ESCAPE);
        });
        return millis[0];
    }

    /** Start to the first frame that shows the host; the picker is left with Esc. */
    private double firstFrame() throws Exception {
        return firstFrame(jhosts);
    }

    private double firstFrame(String picker) throws Exception {
        long start = System.nanoTime();
        try (ScriptedTerminal terminal = ScriptedTerminal.start(picker, env)) {
            double millis = (terminal.await(Pattern.compile(SshdFixture.HOST), LIMIT) - start) / 1e6;
            quit(terminal);
            return millis;
        }
    }

    /**
     * Start to the picker's answer to a key typed as soon as the first frame shows: the filter
     * that matches no host. The first frame may come before the client's JVM (the server draws
     * it while that starts); the answer needs the client connected.
     */
    private double firstKeyAnswered() throws Exception {
        long start = System.nanoTime();
        try (ScriptedTerminal terminal = ScriptedTerminal.start(jhosts, env)) {
            terminal.await(Pattern.compile(SshdFixture.HOST), LIMIT);
            terminal.type("q");
            double millis = (terminal.await(Pattern.compile("no host matches"), LIMIT) - start) / 1e6;
            terminal.type(ESCAPE);
            quit(terminal);
            return millis;
        }
    }

    /**
     * {@code ssh -S} to its prompt while a JVM hello-world (the launcher's options) starts beside
     * it, as a picker's client JVM starts while the session Enter on its first frame opened comes
     * up: what no client that is a JVM can beat here, where sshd and the remote shell share the
     * machine's processors.
     */
    private double sshBesideAJvm(String ssh, List<String> helloWorld) throws Exception {
        long start = System.nanoTime();
        try (ScriptedTerminal terminal = ScriptedTerminal.start(ssh, env)) {
            Process jvm = new ProcessBuilder(helloWorld).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                return (terminal.await(PROMPT, LIMIT) - start) / 1e6;
            } finally {
                if (!jvm.waitFor(LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    jvm.destroyForcibly();
                }
            }
        }
    }

    /**
     * Enter to the remote prompt, pressed {@code after} the first frame, or ({@link
     * #AT_FIRST_FRAME}) as soon as the frame shows the master live.
     */
    private double enter(String picker, Duration after) throws Exception {
        try (ScriptedTerminal terminal = ScriptedTerminal.start(picker, env)) {
            terminal.await(Pattern.compile(SshdFixture.HOST), LIMIT);
            if (after.isZero()) {
                terminal.await(Pattern.compile("live"), LIMIT);
            } else {
                Thread.sleep(after.toMillis());
            }
            return TuiBench.enterToPrompt(terminal);
        }
    }

    /** The detach key in a session: back to the list. */
    private static void detach(ScriptedTerminal terminal) throws Exception {
        terminal.forget();
        terminal.type(DETACH);
        terminal.await(Pattern.compile("Enter connect"), LIMIT);
    }

    /** Esc in the list, and {@code d} in the question that follows: quit, the sessions going on in the server. */
    private static void quitLeavingSessions(ScriptedTerminal terminal) throws Exception {
        terminal.type(ESCAPE);
        terminal.await(Pattern.compile("they go on in the server"), LIMIT);
        terminal.type("d");
    }

    private static void quit(ScriptedTerminal terminal) throws Exception {
        terminal.type(ESCAPE);
        terminal.waitFor(Duration.ofSeconds(10));
    }

    // ---- 3: keystrokes and bulk output through a session

    private void sessionTraffic(int bulkRounds) throws Exception {
        String ssh = "ssh -F " + sshd.sshConfig() + " -tt -S " + TuiBench.socket(sshd) + " " + SshdFixture.HOST;
        String loadBefore = load();
        double[][] sessionKeys = TuiBench.keystrokesThroughPicker(jhosts, env);
        double[][] sshKeys = TuiBench.keystrokes(ssh, env);
        String loadKeys = load();
        // interleaved rounds, each a pair: one pair alone moves by 10-15 % with whatever else runs
        double[] sessions = new double[bulkRounds];
        double[] plains = new double[bulkRounds];
        for (int round = 0; round < bulkRounds; round++) {
            sessions[round] = TuiBench.bulkThroughPicker(jhosts, env);
            plains[round] = TuiBench.bulk(ssh + " \"" + TuiBench.BULK + "\"", env);
        }
        double session = TuiBench.median(sessions);
        double plain = TuiBench.median(plains);
        String[] paces = {"back to back", "100 ms apart", "1 s apart"};
        for (int pace = 0; pace < paces.length; pace++) {
            System.out.printf("keystroke echo, %-12s %6.2f ms (p90 %.2f)   ssh -S -t %6.2f ms (p90 %.2f)   added %+.2f ms%n",
                    paces[pace], TuiBench.median(sessionKeys[pace]), TuiBench.p90(sessionKeys[pace]),
                    TuiBench.median(sshKeys[pace]), TuiBench.p90(sshKeys[pace]),
                    TuiBench.median(sessionKeys[pace]) - TuiBench.median(sshKeys[pace]));
        }
        System.out.printf("256 MiB through a session %6.0f ms (%.0f MiB/s)   ssh -S -t %6.0f ms (%.0f MiB/s)   throughput %.2f× ssh's%n",
                session, 256_000 / session, plain, 256_000 / plain, plain / session);
        System.out.println("(keystrokes " + java.util.Arrays.toString(TuiBench.KEYSTROKES) + " per pace, load average "
                + loadBefore + " before, " + loadKeys + " after; 256 MiB " + bulkRounds + " times each, interleaved, medians: jhosts "
                + java.util.Arrays.toString(rounded(sessions)) + " ms, ssh " + java.util.Arrays.toString(rounded(plains))
                + " ms; load average " + load() + " after)");
    }

    // ---- 4: 20 detached sessions of 200×60 with full scrollback; clients attaching and detaching

    private void memory(int clients, int rounds) throws Exception {
        stopServer();
        // the picker at 200×60 opens the sessions, each filled past its scrollback, and leaves them
        try (ScriptedTerminal picker = ScriptedTerminal.start(jhosts, env, WIDE, TALL)) {
            picker.await(Pattern.compile("live"), LIMIT);
            for (int i = 0; i < SESSIONS; i++) {
                picker.forget();
                picker.type(i == 0 ? "\r" : NEW_SESSION);
                picker.await(PROMPT, LIMIT);
                picker.forget();
                picker.type("seq -f '%0199.0f' 1 20000; echo FILLED$((40+2))\r"); // full-width lines
                picker.awaitRaw("FILLED42", LIMIT);
                detach(picker);
            }
            quitLeavingSessions(picker);
            picker.waitFor(LIMIT);
        }
        Path socket = JhostsServers.in(controlDirectory).get(0);
        long pid = serverPid(socket).orElseThrow();
        Sample detached = Sample.of(pid);
        List<Long> ids = sessionIds();
        System.out.printf("server with %d detached sessions of %d×%d, full scrollback: RSS %.1f MiB, heap after GC %.1f MiB,"
                + " %d fds, %d threads (load average %s)%n", ids.size(), WIDE, TALL, detached.rssKib() / 1024.0,
                detached.heapKib() / 1024.0, detached.fds(), detached.threads(), load());

        ServerAddress address = ServerAddress.at(socket);
        // the server serves its own build only: the jar beside the launcher, as the launcher's clients say it
        String build = BuildIdentity.handshake(SshdFixture.launcher().toAbsolutePath().getParent().toString());
        List<ScriptedTerminal> terminals = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                terminals.add(ScriptedTerminal.start("sleep 100000", env, WIDE, TALL));
            }
            List<ScriptedClient> attaching = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                ToServer.Hello hello = new ToServer.Hello(build, "", ToServer.Purpose.ATTACH,
                        List.of("#" + ids.get(i % ids.size())), TERMINAL_ENVIRONMENT, "/");
                attaching.add(new ScriptedClient(address, hello, terminals.get(i),
                        new RandomAccessFile(terminals.get(i).device(LIMIT).toFile(), "rw")));
            }
            churn(pool, attaching, 1); // the first round loads and compiles what a client needs
            Sample before = Sample.settled(pid);
            String loadBefore = load();
            long start = System.nanoTime();
            int half = (rounds - 1) / 2;
            churn(pool, attaching, half);
            Sample middle = Sample.settled(pid);
            churn(pool, attaching, rounds - 1 - half);
            double seconds = (System.nanoTime() - start) / 1e9;
            Sample after = Sample.settled(pid);
            System.out.printf("%d clients × %d attach+detach (%.1f s, %.1f ms per cycle per client; load average %s → %s):%n",
                    clients, rounds, seconds, seconds * 1000 / Math.max(1, rounds - 1), loadBefore, load());
            System.out.println("  after round 1 → after round " + (1 + half) + " → after round " + rounds + ":");
            System.out.printf("  fds      %6d → %6d → %6d   (%+d; new ones: %s)%n", before.fds(), middle.fds(),
                    after.fds(), after.fds() - before.fds(), after.newDescriptors(before));
            System.out.printf("  threads  %6d → %6d → %6d   (%+d; by name: %s)%n", before.threads(), middle.threads(),
                    after.threads(), after.threads() - before.threads(), after.threadChanges(before));
            System.out.printf("  heap after GC %6.1f → %6.1f → %6.1f MiB   (%+.1f MiB; most grown: %s)%n",
                    before.heapKib() / 1024.0, middle.heapKib() / 1024.0, after.heapKib() / 1024.0,
                    (after.heapKib() - before.heapKib()) / 1024.0, after.mostGrown(before, 6));
            System.out.printf("  RSS      %6.1f → %6.1f → %6.1f MiB   (%+.1f MiB)%n", before.rssKib() / 1024.0,
                    middle.rssKib() / 1024.0, after.rssKib() / 1024.0, (after.rssKib() - before.rssKib()) / 1024.0);
            System.out.printf("  (after the sessions were made, before any client: %d fds, %d threads, heap %.1f MiB)%n",
                    detached.fds(), detached.threads(), detached.heapKib() / 1024.0);
        } finally {
            pool.shutdownNow();
            for (ScriptedTerminal terminal : terminals) {
                terminal.close();
            }
        }
    }

    private static void churn(ExecutorService pool, List<ScriptedClient> clients, int rounds) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (ScriptedClient client : clients) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    client.attachAndDetach();
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
    }

    private List<Long> sessionIds() {
        Processes.Result sessions = sshd.jhosts(LIMIT, "sessions", "--json");
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(sessions.stdout());
        List<Long> ids = new ArrayList<>();
        while (id.find()) {
            ids.add(Long.parseLong(id.group(1)));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no sessions: " + sessions.describe());
        }
        return ids;
    }

    private static java.util.Optional<Long> serverPid(Path socket) throws IOException {
        ServerAddress address = ServerAddress.at(socket);
        return ServerClient.ask(address, "", ToServer.Purpose.STATUS, List.of())
                .map(answer -> Long.parseLong(answer.text().split("\t")[0].trim()));
    }

    private static final Map<String, String> TERMINAL_ENVIRONMENT = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8");

    /**
     * A client as {@code jhosts} or {@code jhosts attach #ID} is one, in this process: it
     * connects, passes the pseudo-terminal of its {@link ScriptedTerminal} (whose own command,
     * {@code sleep}, reads nothing), lets a script type on that terminal, and reads until the
     * server says the picker is over.
     */
    private static final class ScriptedClient {
        private final ServerAddress address;
        private final ToServer.Hello hello;
        private final ScriptedTerminal terminal;
        private final RandomAccessFile tty;

        ScriptedClient(ServerAddress address, ToServer.Hello hello, ScriptedTerminal terminal, RandomAccessFile tty) {
            this.address = address;
            this.hello = hello;
            this.terminal = terminal;
            this.tty = tty;
        }

        /** Attaches the session, waits for its screen, detaches (the detach key), quits the list leaving the sessions. */
        void attachAndDetach() throws Exception {
            show(() -> {
                terminal.awaitRaw("FILLED42", LIMIT);
                detach(terminal);
                quitLeavingSessions(terminal);
            });
        }

        void show(Script script) throws Exception {
            try (AFUNIXSocket socket = AFUNIXSocket.newInstance()) {
                socket.connect(AFUNIXSocketAddress.of(address.socket()));
                socket.setOutboundFileDescriptors(tty.getFD());
                terminal.forget();
                socket.getOutputStream().write(ServerWire.encode(hello));
                socket.getOutputStream().flush();
                script.run();
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                while (true) {
                    ToClient message = ServerWire.readToClient(in);
                    if (message instanceof ToClient.Exit exit) {
                        if (exit.status() != 0) {
                            throw new IllegalStateException("the picker ended with " + exit);
                        }
                        return;
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Script {
        void run() throws Exception;
    }

    /**
     * The server process's descriptors, threads, resident memory, and its live objects (the
     * class histogram's, after the full collection it makes).
     */
    private record Sample(int fds, int threads, long rssKib, long heapKib, Map<String, String> descriptors,
            Map<String, Long> bytesByClass, Map<String, Integer> threadKinds) {
        /** A sample once the clients' last threads have had a moment to end. */
        static Sample settled(long pid) throws Exception {
            Thread.sleep(2000);
            return of(pid);
        }

        static Sample of(long pid) throws Exception {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            Map<String, String> descriptors = new java.util.TreeMap<>();
            try (var list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : (Iterable<Path>) list::iterator) {
                    try {
                        descriptors.put(fd.getFileName().toString(), Files.readSymbolicLink(fd).toString());
                    } catch (IOException closed) {
                        // closed meanwhile
                    }
                }
            }
            Map<String, Long> bytesByClass = new java.util.HashMap<>();
            Processes.Result histogram = Processes.run(List.of("jcmd", Long.toString(pid), "GC.class_histogram"),
                    Map.of(), LIMIT);
            Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(histogram.stdout());
            while (row.find()) {
                bytesByClass.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
            }
            // the live objects' total, which the histogram's own full collection leaves
            Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histogram.stdout());
            long heapKib = total.find() ? Long.parseLong(total.group(1)) / 1024 : -1;
            Map<String, Integer> threadKinds = new java.util.TreeMap<>();
            Processes.Result threads = Processes.run(List.of("jcmd", Long.toString(pid), "Thread.print"), Map.of(), LIMIT);
            Matcher thread = Pattern.compile("(?m)^\"([^\"]*)\"").matcher(threads.stdout());
            while (thread.find()) {
                threadKinds.merge(thread.group(1).replaceAll("\\d+", "N"), 1, Integer::sum);
            }
            return new Sample(descriptors.size(), Integer.parseInt(field(status, "Threads")),
                    Long.parseLong(field(status, "VmRSS").replace(" kB", "").trim()), heapKib, descriptors,
                    bytesByClass, threadKinds);
        }

        /** The kinds of thread (names, digits as N) whose number changed since {@code before}. */
        String threadChanges(Sample before) {
            Map<String, Integer> changes = new java.util.TreeMap<>();
            java.util.Set<String> kinds = new java.util.TreeSet<>(threadKinds.keySet());
            kinds.addAll(before.threadKinds.keySet());
            for (String kind : kinds) {
                int change = threadKinds.getOrDefault(kind, 0) - before.threadKinds.getOrDefault(kind, 0);
                if (change != 0) {
                    changes.put(kind, change);
                }
            }
            return changes.toString();
        }

        /** The {@code count} classes whose instances grew most in bytes since {@code before}. */
        String mostGrown(Sample before, int count) {
            return bytesByClass.entrySet().stream()
                    .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.bytesByClass.getOrDefault(entry.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(count)
                    .map(entry -> entry.getKey() + String.format(" %+d KiB", entry.getValue() / 1024))
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }

        /** What the descriptors open now and not in {@code before} are, counted by kind. */
        String newDescriptors(Sample before) {
            Map<String, Integer> kinds = new java.util.TreeMap<>();
            descriptors.forEach((fd, target) -> {
                if (!target.equals(before.descriptors.get(fd))) {
                    kinds.merge(target.replaceAll("\\[\\d+\\]$", "").replaceAll("\\d+$", "N"), 1, Integer::sum);
                }
            });
            return kinds.toString();
        }

        private static String field(String status, String name) {
            Matcher value = Pattern.compile("(?m)^" + name + ":\\s*(.+)$").matcher(status);
            if (!value.find()) {
                throw new IllegalStateException("no " + name + " in /proc/PID/status");
            }
            return value.group(1).trim();
        }
    }
}

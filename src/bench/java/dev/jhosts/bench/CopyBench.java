package dev.jhosts.bench;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jhosts cp} against {@code scp} and {@code sftp} riding the same masters ({@code -o
 * ControlPath=DIR/%C}, no new login), everything measured in the same run, whole commands (the
 * JVM's start included); the ratios are jhosts' throughput over each baseline's (above 1:
 * jhosts is faster), or jhosts' time over the baseline's where it says "time".
 *
 * <p>{@code jhosts cp} is measured twice: through a jhosts server that runs for the bench's ssh
 * config (the usual case once a picker has been opened: the server copies, the command is its
 * thin client), and alone (given a settings file of its own, {@code -c}, for which no server runs:
 * the copy runs in the command's JVM, as with no server at all). Both use the same masters.
 *
 * <ol>
 *   <li>the fixed price: one byte up, jhosts (served, alone) against scp;
 *   <li>one big file up and down, for each size: jhosts (served, alone), scp (SFTP protocol), sftp -b;
 *   <li>a tree of small files ({@code -r}) up and down, jhosts (served, alone) against scp -r;
 *   <li>the heap during the biggest copy up and down, alone: the peak of the used heap (read from the
 *       JVM's GC log: before each collection, and at exit) against the same for the one-byte copy;
 *   <li>fan-out: one file to 20 hosts (20 masters of one sshd on 20 ports) against the same file
 *       to one host, and against 20 scp in parallel through the same masters. The 20 hosts are one
 *       machine and one user: the 20 copies write the same remote path (the work per host is what
 *       a copy to 20 machines costs this machine; the target assumes the hosts do their own part).
 * </ol>
 *
 * <p>Arguments (or, from {@code src/bench/run}, the words of {@code $JHOSTS_COPY_BENCH}), all
 * optional: the sizes in MiB (comma-separated, default 256,1024), the runs per figure (default
 * 3), the number of 1 KiB files of the tree (default 10000), the fan-out's file size in MiB
 * (default 20).
 */
public final class CopyBench {
    private static final int FAN_OUT_HOSTS = 20;
    private static final int PORTS_PER_SERVER = 16;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern EXIT_USED = Pattern.compile("generation\\s+total (\\d+)K, used (\\d+)K");

    private final Map<String, String> env;
    private final String config;
    private final List<String> ssh;
    private final int runs;
    private final Path aloneSettings;

    private CopyBench(Map<String, String> env, String config, List<String> ssh, int runs, Path aloneSettings) {
        this.aloneSettings = aloneSettings;
        this.env = env;
        this.config = config;
        this.ssh = ssh;
        this.runs = runs;
    }

    public static void main(String[] arguments) throws Exception {
        // src/bench/run passes no arguments: the environment can
        String[] args = arguments.length > 0 || System.getenv("JHOSTS_COPY_BENCH") == null ? arguments
                : System.getenv("JHOSTS_COPY_BENCH").trim().split("\\s+");
        long[] sizes = Arrays.stream((args.length > 0 ? args[0] : "256,1024").split(",")).mapToLong(Long::parseLong)
                .toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long fanOutMebibytes = args.length > 3 ? Long.parseLong(args[3]) : 20;
        // sshd listens on at most 16 sockets (MAX_LISTEN_SOCKS): two servers for 20 hosts
        List<SshdFixture> servers = List.of(new SshdFixture(PORTS_PER_SERVER - 1).start(),
                new SshdFixture(FAN_OUT_HOSTS - PORTS_PER_SERVER - 1).start());
        SshdFixture sshd = servers.get(0);
        FleetConfig fleet = new FleetConfig(servers.toArray(SshdFixture[]::new));
        Path configFile = fleet.write("copy_bench_config");
        Map<String, String> env = sshd.jhostsEnv();
        Path directory = Path.of(env.get("XDG_RUNTIME_DIR"), "jhosts");
        String config = configFile.toString();
        List<String> hosts = fleet.aliases();
        CopyBench bench = new CopyBench(env, config, List.of("-F", config, "-o", "ControlMaster=no", "-o",
                "ControlPath=" + directory + "/%C"), runs, Files.writeString(sshd.dir().resolve("alone.conf"), ""));
        Path here = Files.createDirectories(sshd.dir().resolve("here"));
        Path there = Files.createDirectories(sshd.dir().resolve("there"));
        Process server = startServer(config, env, sshd.dir().resolve("server.log"));
        try {
            List<String> start = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config, "master",
                    "start"));
            start.addAll(hosts);
            System.out.printf("masters: exit %d; %d runs per figure (median, with min and max)%n",
                    Processes.run(start, env, Duration.ofMinutes(2)).exitCode(), runs);
            Timing.Figure[] fixed = bench.fixedPrice(here, there);
            List<String> ratios = new ArrayList<>();
            for (long size : sizes) {
                ratios.addAll(bench.bigFile(size, here, there, fixed));
            }
            ratios.addAll(bench.tree(files, here, there));
            ratios.addAll(bench.heap(sizes[sizes.length - 1], here, there));
            ratios.addAll(bench.fanOut(fanOutMebibytes, hosts, here));
            System.out.println("== summary (same run)");
            ratios.forEach(System.out::println);
        } finally {
            Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config, "server", "stop", "--force"), env,
                    Duration.ofSeconds(30));
            server.destroy();
            for (String host : hosts) {
                Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config, "master", "exit", host), env,
                        Duration.ofSeconds(30));
            }
            servers.forEach(SshdFixture::stop);
        }
    }

    /** {@code jhosts server run} for the bench's ssh config, once it answers. */
    static Process startServer(String config, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(SshdFixture.launcher().toString(), "-F", config, "server", "run")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
        builder.environment().putAll(env);
        Process server = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        List<String> status = List.of(SshdFixture.launcher().toString(), "-F", config, "server", "status");
        while (Processes.run(status, env, Duration.ofSeconds(30)).exitCode() != 0) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the jhosts server did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return server;
    }

    private Timing.Figure[] fixedPrice(Path here, Path there) throws IOException, InterruptedException {
        Path tiny = here.resolve("tiny.txt");
        Files.writeString(tiny, "x");
        System.out.println("== the fixed price: one byte up");
        List<Timing.Figure> figures = interleaved(List.of(
                new Run("one byte up: jhosts cp, served", jhosts("cp", tiny.toString(), "h0:"
                        + there.resolve("tiny-served.txt")), there.resolve("tiny-served.txt")),
                new Run("one byte up: jhosts cp, alone", alone("cp", tiny.toString(), "h0:"
                        + there.resolve("tiny-jhosts.txt")), there.resolve("tiny-jhosts.txt")),
                new Run("one byte up: scp", command("scp", tiny.toString(), "h0:" + there.resolve("tiny-scp.txt")),
                        there.resolve("tiny-scp.txt"))));
        Timing.Figure served = figures.get(0);
        Timing.Figure jhosts = figures.get(1);
        Timing.Figure scp = figures.get(2);
        System.out.println(served.line());
        System.out.println(jhosts.line());
        System.out.println(scp.line());
        System.out.println(served.ratioTo(scp));
        System.out.println(jhosts.ratioTo(scp));
        return new Timing.Figure[] {jhosts, scp, served};
    }

    private List<String> bigFile(long mebibytes, Path here, Path there, Timing.Figure[] fixed)
            throws IOException, InterruptedException {
        Path source = here.resolve("source-" + mebibytes + ".bin");
        Path remote = there.resolve("remote-" + mebibytes + ".bin");
        write(source, mebibytes << 20);
        Files.copy(source, remote);
        Path putBatch = here.resolve("put.batch");
        Path getBatch = here.resolve("get.batch");
        Files.writeString(putBatch, "put " + source + " " + there.resolve("up-sftp.bin") + "\n");
        Files.writeString(getBatch, "get " + remote + " " + here.resolve("down-sftp.bin") + "\n");
        System.out.printf("== %d MiB, one file, through one live master (runs interleaved, each after a sync and "
                + "into a new file)%n", mebibytes);
        String label = mebibytes + " MiB ";
        List<Timing.Figure> up = interleaved(List.of(
                new Run(label + "up: jhosts cp, alone", alone("cp", source.toString(), "h0:"
                        + there.resolve("up-jhosts.bin")), there.resolve("up-jhosts.bin")),
                new Run(label + "up: scp", command("scp", source.toString(), "h0:" + there.resolve("up-scp.bin")),
                        there.resolve("up-scp.bin")),
                new Run(label + "up: sftp -b", command("sftp", "-b", putBatch.toString(), "h0"),
                        there.resolve("up-sftp.bin")),
                new Run(label + "up: jhosts cp, served", jhosts("cp", source.toString(), "h0:"
                        + there.resolve("up-served.bin")), there.resolve("up-served.bin"))));
        check(source, there.resolve("up-jhosts.bin"));
        List<Timing.Figure> down = interleaved(List.of(
                new Run(label + "down: jhosts cp, alone", alone("cp", "h0:" + remote,
                        here.resolve("down-jhosts.bin").toString()), here.resolve("down-jhosts.bin")),
                new Run(label + "down: scp", command("scp", "h0:" + remote, here.resolve("down-scp.bin").toString()),
                        here.resolve("down-scp.bin")),
                new Run(label + "down: sftp -b", command("sftp", "-b", getBatch.toString(), "h0"),
                        here.resolve("down-sftp.bin")),
                new Run(label + "down: jhosts cp, served", jhosts("cp", "h0:" + remote,
                        here.resolve("down-served.bin").toString()), here.resolve("down-served.bin"))));
        check(remote, here.resolve("down-jhosts.bin"));
        check(source, there.resolve("up-served.bin"));
        check(remote, here.resolve("down-served.bin"));
        Timing.Figure jhostsUp = up.get(0);
        Timing.Figure scpUp = up.get(1);
        Timing.Figure sftpUp = up.get(2);
        Timing.Figure jhostsDown = down.get(0);
        Timing.Figure scpDown = down.get(1);
        Timing.Figure sftpDown = down.get(2);
        Timing.Figure servedUp = up.get(3);
        Timing.Figure servedDown = down.get(3);
        for (Timing.Figure figure : List.of(servedUp, jhostsUp, scpUp, sftpUp, servedDown, jhostsDown, scpDown,
                sftpDown)) {
            System.out.printf("%s  %7.1f MiB/s%n", figure.line(), mebibytes * 1000 / figure.medianMs());
        }
        double extra = fixed[0].medianMs() - fixed[1].medianMs();
        List<String> ratios = List.of(
                String.format("%d MiB up:   jhosts served %.2f× scp, %.2f× sftp (throughput)", mebibytes,
                        scpUp.medianMs() / servedUp.medianMs(), sftpUp.medianMs() / servedUp.medianMs()),
                String.format("%d MiB down: jhosts served %.2f× scp, %.2f× sftp (throughput)", mebibytes,
                        scpDown.medianMs() / servedDown.medianMs(), sftpDown.medianMs() / servedDown.medianMs()),
                String.format("%d MiB up:   jhosts alone %.2f× scp, %.2f× sftp (throughput; %.2f× scp without jhosts' extra "
                        + "fixed price of %.0f ms)", mebibytes, scpUp.medianMs() / jhostsUp.medianMs(),
                        sftpUp.medianMs() / jhostsUp.medianMs(), scpUp.medianMs() / (jhostsUp.medianMs() - extra), extra),
                String.format("%d MiB down: jhosts alone %.2f× scp, %.2f× sftp (throughput; %.2f× scp without jhosts' extra "
                        + "fixed price of %.0f ms)", mebibytes, scpDown.medianMs() / jhostsDown.medianMs(),
                        sftpDown.medianMs() / jhostsDown.medianMs(), scpDown.medianMs() / (jhostsDown.medianMs() - extra),
                        extra));
        ratios.forEach(System.out::println);
        for (String name : List.of("up-jhosts.bin", "up-scp.bin", "up-sftp.bin", "up-served.bin")) {
            Files.deleteIfExists(there.resolve(name));
        }
        for (String name : List.of("down-jhosts.bin", "down-scp.bin", "down-sftp.bin", "down-served.bin")) {
            Files.deleteIfExists(here.resolve(name));
        }
        return ratios;
    }

    /** A command to time, and the file it writes (removed before each run). */
    private record Run(String name, List<String> command, Path writes) {}

    /**
     * Each run of every command in turn (one warm-up round first), each after {@code sync} and
     * with its destination removed: no command pays for another's dirty pages being written back,
     * and the load of the machine, which changes by the second, falls on all of them alike.
     */
    private List<Timing.Figure> interleaved(List<Run> commands) throws IOException, InterruptedException {
        double[][] millis = new double[commands.size()][runs];
        for (int round = -1; round < runs; round++) {
            for (int i = 0; i < commands.size(); i++) {
                Run run = commands.get(i);
                deleteTree(run.writes());
                Timing.run(List.of("sync"), Map.of());
                long start = System.nanoTime();
                Timing.run(run.command(), env);
                if (round >= 0) {
                    millis[i][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        List<Timing.Figure> figures = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            double[] sorted = millis[i].clone();
            Arrays.sort(sorted);
            figures.add(new Timing.Figure(commands.get(i).name(), sorted[runs / 2], sorted[0], sorted[runs - 1]));
        }
        return figures;
    }

    private List<String> tree(int files, Path here, Path there) throws IOException, InterruptedException {
        Path local = here.resolve("tree");
        Path remote = there.resolve("tree");
        byte[] kibibyte = new byte[1024];
        Random random = new Random(2);
        int perDirectory = 100;
        for (int i = 0; i < files; i++) {
            Path directory = Files.createDirectories(local.resolve("d" + i / perDirectory));
            random.nextBytes(kibibyte);
            Files.write(directory.resolve("f" + i), kibibyte);
        }
        Processes.run(List.of("cp", "-r", local.toString(), remote.toString()), Map.of(), Duration.ofMinutes(5));
        Path upJhosts = Files.createDirectories(there.resolve("tree-up-jhosts"));
        Path upScp = Files.createDirectories(there.resolve("tree-up-scp"));
        Path downJhosts = Files.createDirectories(here.resolve("tree-down-jhosts"));
        Path downScp = Files.createDirectories(here.resolve("tree-down-scp"));
        Path upServed = Files.createDirectories(there.resolve("tree-up-served"));
        Path downServed = Files.createDirectories(here.resolve("tree-down-served"));
        System.out.printf("== %d files of 1 KiB in %d folders (-r), through one live master%n", files,
                (files + perDirectory - 1) / perDirectory);
        List<Timing.Figure> figures = interleaved(List.of(
                new Run("tree up: jhosts cp -r, alone", alone("cp", "-r", local.toString(), "h0:" + upJhosts),
                        upJhosts.resolve("tree")),
                new Run("tree up: scp -r", command("scp", "-r", local.toString(), "h0:" + upScp), upScp.resolve("tree")),
                new Run("tree down: jhosts cp -r, alone", alone("cp", "-r", "h0:" + remote, downJhosts.toString()),
                        downJhosts.resolve("tree")),
                new Run("tree down: scp -r", command("scp", "-r", "h0:" + remote, downScp.toString()),
                        downScp.resolve("tree")),
                new Run("tree up: jhosts cp -r, served", jhosts("cp", "-r", local.toString(), "h0:" + upServed),
                        upServed.resolve("tree")),
                new Run("tree down: jhosts cp -r, served", jhosts("cp", "-r", "h0:" + remote, downServed.toString()),
                        downServed.resolve("tree"))));
        Timing.Figure jhostsUp = figures.get(0);
        Timing.Figure scpUp = figures.get(1);
        Timing.Figure jhostsDown = figures.get(2);
        Timing.Figure scpDown = figures.get(3);
        Timing.Figure servedUp = figures.get(4);
        Timing.Figure servedDown = figures.get(5);
        for (Timing.Figure figure : List.of(servedUp, jhostsUp, scpUp, servedDown, jhostsDown, scpDown)) {
            System.out.printf("%s  %7.0f files/s%n", figure.line(), files * 1000 / figure.medianMs());
        }
        check(local.resolve("d0/f0"), upJhosts.resolve("tree/d0/f0"));
        check(remote.resolve("d0/f0"), downJhosts.resolve("tree/d0/f0"));
        check(local.resolve("d0/f0"), upServed.resolve("tree/d0/f0"));
        check(remote.resolve("d0/f0"), downServed.resolve("tree/d0/f0"));
        List<String> ratios = List.of(
                String.format("%d files up:   jhosts cp -r served %.2f×, alone %.2f× scp -r (throughput)", files,
                        scpUp.medianMs() / servedUp.medianMs(), scpUp.medianMs() / jhostsUp.medianMs()),
                String.format("%d files down: jhosts cp -r served %.2f×, alone %.2f× scp -r (throughput)", files,
                        scpDown.medianMs() / servedDown.medianMs(), scpDown.medianMs() / jhostsDown.medianMs()));
        ratios.forEach(System.out::println);
        return ratios;
    }

    /** The used heap's peak during one copy each way of {@code mebibytes}, against the one-byte copy's. */
    private List<String> heap(long mebibytes, Path here, Path there) throws IOException, InterruptedException {
        System.out.printf("== heap during a copy of %d MiB (used heap's peak: before each GC, at exit)%n", mebibytes);
        Path tiny = here.resolve("tiny.txt");
        long baseline = peakHeapKib("one byte up", here.resolve("gc-tiny.log"),
                alone("cp", tiny.toString(), "h0:" + there.resolve("tiny-heap.txt")));
        long up = peakHeapKib(mebibytes + " MiB up", here.resolve("gc-up.log"), alone("cp",
                here.resolve("source-" + mebibytes + ".bin").toString(), "h0:" + there.resolve("heap-up.bin")));
        long down = peakHeapKib(mebibytes + " MiB down", here.resolve("gc-down.log"), alone("cp",
                "h0:" + there.resolve("remote-" + mebibytes + ".bin"), here.resolve("heap-down.bin").toString()));
        Files.deleteIfExists(there.resolve("heap-up.bin"));
        Files.deleteIfExists(here.resolve("heap-down.bin"));
        String line = String.format("heap growth over the one-byte copy's (%.1f MiB), %d MiB copy: up %.1f MiB, "
                + "down %.1f MiB", baseline / 1024.0, mebibytes, (up - baseline) / 1024.0, (down - baseline) / 1024.0);
        System.out.println(line);
        return List.of(line);
    }

    private long peakHeapKib(String name, Path log, List<String> command) throws IOException, InterruptedException {
        Map<String, String> logged = new java.util.HashMap<>(env);
        logged.put("JHOSTS_JAVA_OPTS", "-Xlog:gc,gc+heap+exit:file=" + log);
        Timing.run(command, logged);
        long peak = 0;
        long committed = 0;
        long atExit = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher gc = GC_LINE.matcher(line);
            if (gc.find()) {
                peak = Math.max(peak, kib(gc.group(1), gc.group(2)));
                committed = Math.max(committed, kib(gc.group(5), gc.group(6)));
            }
            Matcher exit = EXIT_USED.matcher(line);
            if (exit.find()) {
                atExit += Long.parseLong(exit.group(2));
                committed = Math.max(committed, Long.parseLong(exit.group(1)));
            }
        }
        peak = Math.max(peak, atExit);
        System.out.printf("%-30s used heap's peak %7.1f MiB (largest generation committed %.1f MiB)%n", name,
                peak / 1024.0, committed / 1024.0);
        return peak;
    }

    private static long kib(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "G" -> value << 20;
            case "M" -> value << 10;
            default -> value;
        };
    }

    private List<String> fanOut(long mebibytes, List<String> hosts, Path here) throws IOException, InterruptedException {
        Path source = here.resolve("fan-" + mebibytes + ".bin");
        write(source, mebibytes << 20);
        String destination = "fan-out.bin";
        System.out.printf("== %d MiB to %d hosts (live masters) against one host%n", mebibytes, hosts.size());
        List<String> selection = new ArrayList<>(List.of("cp", "--parallel", Integer.toString(hosts.size())));
        for (String host : hosts) {
            selection.addAll(List.of("--host", host));
        }
        selection.addAll(List.of(source.toString(), ":" + destination));
        List<String> all = alone(selection.toArray(String[]::new));
        List<String> allServed = jhosts(selection.toArray(String[]::new));
        String scp = "scp -q " + String.join(" ", ssh) + " " + source;
        Path written = Path.of(System.getProperty("user.home"), destination);
        List<Timing.Figure> figures = interleaved(List.of(
                new Run("jhosts cp to one host, alone", alone("cp", source.toString(), "h0:" + destination), written),
                new Run("jhosts cp to " + hosts.size() + " hosts, alone", all, written),
                new Run(hosts.size() + " x scp in parallel", List.of("sh", "-c", "printf '%s\\n' "
                        + String.join(" ", hosts) + " | xargs -P " + hosts.size() + " -I{} " + scp + " {}:" + destination),
                        written),
                new Run("jhosts cp to one host, served", jhosts("cp", source.toString(), "h0:" + destination), written),
                new Run("jhosts cp to " + hosts.size() + " hosts, served", allServed, written)));
        Timing.Figure one = figures.get(0);
        Timing.Figure many = figures.get(1);
        Timing.Figure scps = figures.get(2);
        Timing.Figure oneServed = figures.get(3);
        Timing.Figure manyServed = figures.get(4);
        for (Timing.Figure figure : List.of(oneServed, manyServed, one, many, scps)) {
            System.out.println(figure.line());
        }
        List<String> ratios = List.of(
                String.format("fan-out %d MiB to %d hosts, served: %.2f× the time of one copy to one host, %.2f× the "
                        + "time of %d scp in parallel", mebibytes, hosts.size(), manyServed.medianMs()
                        / oneServed.medianMs(), manyServed.medianMs() / scps.medianMs(), hosts.size()),
                String.format("fan-out %d MiB to %d hosts: %.2f× the time of one copy to one host", mebibytes,
                        hosts.size(), many.medianMs() / one.medianMs()),
                String.format("fan-out %d MiB to %d hosts: %.2f× the time of %d scp in parallel", mebibytes, hosts.size(),
                        many.medianMs() / scps.medianMs(), hosts.size()));
        ratios.forEach(System.out::println);
        return ratios;
    }

    private List<String> jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code jhosts cp} with a settings file for which no server runs: the copy in the command's own JVM. */
    private List<String> alone(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config, "-c",
                aloneSettings.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>(List.of(program, "-q"));
        command.addAll(ssh);
        command.addAll(List.of(args));
        return command;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static void write(Path file, long bytes) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    private static void check(Path expected, Path actual) throws IOException {
        if (!Files.exists(actual) || Files.mismatch(expected, actual) != -1) {
            System.out.println("MISMATCH: " + actual + " differs from " + expected);
        }
    }
}

package dev.jhosts.bench;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code jhosts cp} of one big file up and down (256 MiB by default; the first argument is the
 * size in MiB) against {@code scp} and {@code sftp} riding the same master ({@code -o
 * ControlPath=DIR/%C}, no new login), all measured in the same run: whole commands, the JVM's
 * start included. Prints each median as MiB/s and jhosts' throughput as a ratio of each
 * baseline's (above 1: faster).
 */
public final class CopyBench {
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        long mebibytes = args.length > 0 ? Long.parseLong(args[0]) : 256;
        SshdFixture sshd = new SshdFixture().start();
        Map<String, String> env = sshd.jhostsEnv();
        Path directory = Path.of(env.get("XDG_RUNTIME_DIR"), "jhosts");
        String config = sshd.sshConfig().toString();
        String host = SshdFixture.HOST;
        Path here = Files.createDirectories(sshd.dir().resolve("here"));
        Path there = Files.createDirectories(sshd.dir().resolve("there"));
        Path source = here.resolve("source.bin");
        try {
            byte[] block = new byte[1 << 20];
            Random random = new Random(1);
            try (OutputStream out = Files.newOutputStream(source)) {
                for (long i = 0; i < mebibytes; i++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            Files.copy(source, there.resolve("remote.bin"));
            Processes.Result started = Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config, "master",
                    "start", host), env, Duration.ofMinutes(1));
            System.out.printf("master: exit %d%n", started.exitCode());
            List<String> ssh = List.of("-F", config, "-o", "ControlMaster=no", "-o", "ControlPath=" + directory + "/%C");
            Path putBatch = here.resolve("put.batch");
            Path getBatch = here.resolve("get.batch");
            Files.writeString(putBatch, "put " + source + " " + there.resolve("up-sftp.bin") + "\n");
            Files.writeString(getBatch, "get " + there.resolve("remote.bin") + " " + here.resolve("down-sftp.bin") + "\n");

            System.out.printf("== %d MiB, one file, through one live master (median of %d)%n", mebibytes, RUNS);
            Timing.Figure jhostsUp = Timing.time("upload: jhosts cp", 1, RUNS, List.of(SshdFixture.launcher().toString(),
                    "-F", config, "cp", source.toString(), host + ":" + there.resolve("up-jhosts.bin")), env);
            Timing.Figure scpUp = Timing.time("upload: scp (SFTP protocol)", 1, RUNS,
                    command("scp", ssh, source.toString(), host + ":" + there.resolve("up-scp.bin")), env);
            Timing.Figure sftpUp = Timing.time("upload: sftp -b", 1, RUNS,
                    command("sftp", ssh, "-b", putBatch.toString(), host), env);
            Timing.Figure jhostsDown = Timing.time("download: jhosts cp", 1, RUNS, List.of(
                    SshdFixture.launcher().toString(), "-F", config, "cp", host + ":" + there.resolve("remote.bin"),
                    here.resolve("down-jhosts.bin").toString()), env);
            Timing.Figure scpDown = Timing.time("download: scp (SFTP protocol)", 1, RUNS,
                    command("scp", ssh, host + ":" + there.resolve("remote.bin"), here.resolve("down-scp.bin").toString()),
                    env);
            Timing.Figure sftpDown = Timing.time("download: sftp -b", 1, RUNS,
                    command("sftp", ssh, "-b", getBatch.toString(), host), env);
            // the fixed price of each command (the JVM's start, the master's check, the session's opening)
            Path tiny = here.resolve("tiny.txt");
            Files.writeString(tiny, "x\n");
            Timing.Figure jhostsTiny = Timing.time("one byte up: jhosts cp", 1, RUNS, List.of(
                    SshdFixture.launcher().toString(), "-F", config, "cp", tiny.toString(),
                    host + ":" + there.resolve("tiny-jhosts.txt")), env);
            Timing.Figure scpTiny = Timing.time("one byte up: scp", 1, RUNS,
                    command("scp", ssh, tiny.toString(), host + ":" + there.resolve("tiny-scp.txt")), env);
            check(source, there.resolve("up-jhosts.bin"));
            check(there.resolve("remote.bin"), here.resolve("down-jhosts.bin"));
            for (Timing.Figure figure : List.of(jhostsUp, scpUp, sftpUp, jhostsDown, scpDown, sftpDown)) {
                System.out.printf("%s  %7.1f MiB/s%n", figure.line(), mebibytes * 1000 / figure.medianMs());
            }
            System.out.println(jhostsTiny.line());
            System.out.println(scpTiny.line());
            double fixed = jhostsTiny.medianMs() - scpTiny.medianMs();
            System.out.printf("without jhosts' extra fixed price (%.0f ms): upload %.2f× scp, download %.2f× scp%n", fixed,
                    scpUp.medianMs() / (jhostsUp.medianMs() - fixed), scpDown.medianMs() / (jhostsDown.medianMs() - fixed));
            System.out.printf("upload throughput:   %.2f× scp, %.2f× sftp%n", scpUp.medianMs() / jhostsUp.medianMs(),
                    sftpUp.medianMs() / jhostsUp.medianMs());
            System.out.printf("download throughput: %.2f× scp, %.2f× sftp%n", scpDown.medianMs() / jhostsDown.medianMs(),
                    sftpDown.medianMs() / jhostsDown.medianMs());
        } finally {
            Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config, "master", "exit", host), env,
                    Duration.ofSeconds(30));
            sshd.stop();
        }
    }

    private static List<String> command(String program, List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(program, "-q"));
        command.addAll(options);
        command.addAll(List.of(args));
        return command;
    }

    private static void check(Path expected, Path actual) throws IOException {
        if (Files.mismatch(expected, actual) != -1) {
            System.out.println("MISMATCH: " + actual + " differs from " + expected);
        }
    }
}

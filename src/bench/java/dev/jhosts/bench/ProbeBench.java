package dev.jhosts.bench;

import dev.jhosts.probe.HostKeyState;
import dev.jhosts.probe.JschHostProber;
import dev.jhosts.probe.ParallelProber;
import dev.jhosts.probe.ProbeResult;
import dev.jhosts.probe.ProbeTarget;
import dev.jhosts.probe.Transport;
import dev.jhosts.testing.SshdFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Probes against a local sshd, beside the OpenSSH tool that does the nearest thing
 * ({@code ssh-keyscan}, which also stops after the host key), measured in the same run: one probe
 * in process, {@code jhosts probe} as a command, and 40 probes in process at parallelism 4
 * against 40 sequential {@code ssh-keyscan} runs.
 */
public final class ProbeBench {
    private static final int WARMUPS = 5;
    private static final int RUNS = 25;
    private static final int MANY = 40;

    public static void main(String[] args) throws Exception {
        SshdFixture sshd = new SshdFixture().start();
        try (JschHostProber prober = new JschHostProber(Duration.ofSeconds(10));
             ParallelProber parallel = new ParallelProber(prober, 4)) {
            ProbeTarget target = new ProbeTarget(SshdFixture.HOST, "127.0.0.1", sshd.port(),
                    List.of(sshd.dir().resolve("known_hosts")), "", List.of(), new Transport.Direct());
            for (int i = 0; i < WARMUPS; i++) {
                check(prober.probe(target));
            }
            double[] single = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                check(prober.probe(target));
                single[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(single);
            Timing.Figure inProcess = new Timing.Figure("one probe, in process", single[RUNS / 2], single[0], single[RUNS - 1]);

            List<String> keyscan = List.of("ssh-keyscan", "-t", "ed25519", "-p", Integer.toString(sshd.port()), "127.0.0.1");
            Timing.Figure keyscanOne = Timing.time("ssh-keyscan (one host)", WARMUPS, RUNS, keyscan, Map.of());
            Timing.Figure command = Timing.time("jhosts probe H (command, JVM start included)", 2, 10,
                    List.of(SshdFixture.launcher().toString(), "-F", sshd.sshConfig().toString(), "probe", SshdFixture.HOST),
                    sshd.jhostsEnv());

            List<ProbeTarget> many = new ArrayList<>(Collections.nCopies(MANY, target));
            parallel.probeAll(many).forEach(ProbeBench::check);
            long start = System.nanoTime();
            parallel.probeAll(many).forEach(ProbeBench::check);
            double manyMs = (System.nanoTime() - start) / 1e6;
            Timing.Figure manyProbes = new Timing.Figure(MANY + " probes, in process, parallelism 4", manyMs, manyMs, manyMs);
            long keyscanStart = System.nanoTime();
            for (int i = 0; i < MANY; i++) {
                Timing.run(keyscan, Map.of());
            }
            double keyscanMs = (System.nanoTime() - keyscanStart) / 1e6;
            Timing.Figure manyKeyscans = new Timing.Figure(MANY + " ssh-keyscan runs, one after another", keyscanMs, keyscanMs, keyscanMs);

            System.out.println("figures (median of " + RUNS + " runs after " + WARMUPS + " warm-ups unless one run):");
            for (Timing.Figure figure : List.of(inProcess, keyscanOne, command, manyProbes, manyKeyscans)) {
                System.out.println("  " + figure.line());
            }
            System.out.println("ratios:");
            System.out.println("  " + inProcess.ratioTo(keyscanOne));
            System.out.println("  " + command.ratioTo(keyscanOne));
            System.out.println("  " + manyProbes.ratioTo(manyKeyscans));
        } finally {
            sshd.stop();
        }
    }

    private static void check(ProbeResult result) {
        if (!(result.hostKey() instanceof HostKeyState.Known)) {
            throw new IllegalStateException("probe did not find the known key: " + result);
        }
    }

    private ProbeBench() {}
}

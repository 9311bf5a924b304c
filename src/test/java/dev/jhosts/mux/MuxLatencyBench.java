package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Not a test: prints the time of ALIVE_CHECK and of a whole {@code true} session through
 * MuxClient, against {@code ssh -O check} and {@code ssh -S sock host true} on the same master.
 * Run with {@code mvn test -Dtest=MuxLatencyBench -Dsurefire.excludedGroups= -Dgroups=bench}.
 */
@Tag("bench")
class MuxLatencyBench {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "lat.sock");

    private static final int ROUNDS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void latency() throws Exception {
        Path socket = MASTER.master().socket();
        Path nul = Path.of("/dev/null");
        for (int warmup = 0; warmup < 3; warmup++) {
            SessionFiles.run(socket, SessionRequest.forCommand("true"), nul, nul, nul);
        }
        long check = time(() -> {
            try (MuxClient client = MuxClient.connect(socket, TIMEOUT)) {
                client.aliveCheck();
            }
        });
        long sshCheck = time(() -> assertThat(Processes.run(
                SSHD.ssh("-S", socket.toString(), "-O", "check", SshdFixture.HOST), Map.of(), TIMEOUT).exitCode()).isZero());
        long session = time(() -> assertThat(SessionFiles.run(socket, SessionRequest.forCommand("true"), nul, nul, nul).status()).isZero());
        long sshSession = time(() -> assertThat(Processes.run(
                SSHD.ssh("-S", socket.toString(), SshdFixture.HOST, "true"), Map.of(), TIMEOUT).exitCode()).isZero());
        System.out.printf("per call, mean of %d: ALIVE_CHECK %.2f ms vs ssh -O check %.2f ms (x%.1f);"
                        + " session 'true' %.2f ms vs ssh -S %.2f ms (x%.1f)%n", ROUNDS,
                check / 1e6, sshCheck / 1e6, (double) sshCheck / check, session / 1e6, sshSession / 1e6,
                (double) sshSession / session);
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Mean nanoseconds per call. */
    private static long time(Call call) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            call.run();
        }
        return (System.nanoTime() - start) / ROUNDS;
    }
}

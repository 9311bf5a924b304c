package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionEnd;
import dev.jhosts.mux.SessionRequest;
import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.SshdFixture;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Not a test: prints how fast 256 MiB of remote output crosses the PTY bridge, against the same
 * output written by the master straight into a file (no PTY, no jhosts in the path). Run with
 * {@code mvn test -Dtest=PtyBridgeThroughputBench -Dsurefire.excludedGroups= -Dgroups=bench}.
 */
@Tag("bench")
class PtyBridgeThroughputBench {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "bench.sock");

    private static final long BYTES = 256L << 20;
    private static final String PRODUCE = "head -c " + BYTES + " /dev/zero | tr '\\0' x";

    @Test
    void catThroughTheBridge() throws Exception {
        long direct = timeIntoFile(false);
        long remotePty = timeIntoFile(true);
        long bridged = timeThroughBridge();
        System.out.printf("256 MiB: master into a file %d ms (%.0f MiB/s); with a remote pty, into a file %d ms (%.0f MiB/s);"
                        + " through PtyBridge %d ms (%.0f MiB/s); bridge / remote-pty ratio %.2f%n",
                direct, 256_000.0 / direct, remotePty, 256_000.0 / remotePty, bridged, 256_000.0 / bridged,
                (double) bridged / remotePty);
    }

    /** With {@code remotePty}, stdin is a PTY slave (the master reads the modes there) and stdout a file. */
    private long timeIntoFile(boolean remotePty) throws Exception {
        Path out = SSHD.dir().resolve("bench.out");
        long start = System.nanoTime();
        MuxClient client = MuxClient.connect(MASTER.master().socket(), Duration.ofSeconds(20));
        MuxSession session;
        SessionRequest request = new SessionRequest(remotePty, "xterm", PRODUCE, List.of(), SessionRequest.NO_ESCAPE, false);
        try (JniNativePty stdin = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24));
             FileOutputStream o = new FileOutputStream(out.toFile())) {
            session = client.openSession(request, stdin.getSlaveFD(), o.getFD(), o.getFD());
        }
        try (session) {
            SessionEnd end = session.awaitEnd();
            assertThat(end.status()).isZero();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(Files.size(out)).isGreaterThanOrEqualTo(BYTES);
        Files.delete(out);
        return millis;
    }

    private long timeThroughBridge() throws Exception {
        try (JniNativePty user = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24));
             Terminal terminal = new PosixSysTerminal("user", "xterm", user, StandardCharsets.UTF_8, false,
                     Terminal.SignalHandler.SIG_DFL)) {
            AtomicLong received = new AtomicLong();
            Thread counter = new Thread(() -> count(user, received), "count");
            counter.setDaemon(true);
            counter.start();
            Attributes cooked = terminal.enterRawMode();
            SessionSpec spec = new SessionSpec(PRODUCE, SessionRequest.NO_ESCAPE, "xterm", List.of());
            long start = System.nanoTime();
            SessionEnd end = CompletableFuture.supplyAsync(() -> {
                try {
                    return new PtyBridge(terminal, cooked, MASTER.master().socket(), MASTER.master().pid(),
                            Duration.ofSeconds(20)).run(spec);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(10, TimeUnit.MINUTES);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(end.status()).isZero();
            assertThat(received.get()).isGreaterThanOrEqualTo(BYTES);
            return millis;
        }
    }

    private static void count(JniNativePty user, AtomicLong received) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = user.getMasterInput()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.addAndGet(n);
            }
        } catch (IOException closed) {
            // the PTY closed
        }
    }
}

package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.SshdFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A command's session on socket pairs of this process: no ssh process, no files. */
class MuxPipedSessionTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "p.sock");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static PipedSession open(String command) throws MuxException {
        return MuxClient.connect(MASTER.master().socket(), TIMEOUT).openPipedSession(SessionRequest.forCommand(command));
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void inputGoesInStdoutAndStderrComeBackApartAndTheStatusToo() throws Exception {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (PipedSession session = open("tr a-z A-Z; echo to-err >&2; exit 5")) {
                CompletableFuture<String> out = readAll(session.output());
                CompletableFuture<String> err = readAll(session.errors());
                OutputStream in = session.input();
                in.write("piped input\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                session.endInput();
                assertThat(session.awaitEnd()).isEqualTo(new SessionEnd(5, true, false));
                assertThat(out.get()).isEqualTo("PIPED INPUT\n");
                assertThat(err.get()).isEqualTo("to-err\n");
            }
        });
    }

    @Test
    void endingInputAtOnceGivesTheCommandEof() throws Exception {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (PipedSession session = open("wc -c")) {
                CompletableFuture<String> out = readAll(session.output());
                session.endInput();
                assertThat(session.awaitEnd().status()).isZero();
                assertThat(out.get().strip()).isEqualTo("0");
            }
        });
    }

    @Test
    void aMebibyteComesThroughWhole() throws Exception {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (PipedSession session = open("head -c 1048576 /dev/zero")) {
                session.endInput();
                CompletableFuture<Integer> length = CompletableFuture.supplyAsync(() -> {
                    try {
                        return session.output().readAllBytes().length;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertThat(session.awaitEnd().status()).isZero();
                assertThat(length.get()).isEqualTo(1 << 20);
            }
        });
    }

    @Test
    void closingFromThisSideEndsTheWait() throws Exception {
        PipedSession session = open("cat");
        CompletableFuture<SessionEnd> end = CompletableFuture.supplyAsync(() -> {
            try {
                return session.awaitEnd();
            } catch (MuxException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        session.close();
        assertThat(end.get(20, java.util.concurrent.TimeUnit.SECONDS).exitMessageReceived()).isFalse();
    }
}

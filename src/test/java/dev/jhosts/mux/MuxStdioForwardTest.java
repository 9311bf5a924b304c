package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.SshdFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MUX_C_NEW_STDIO_FWD through a real master: what {@code ssh -S socket -W host:port} does. */
class MuxStdioForwardTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "fwd.sock");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void theForwardCarriesTheRemoteBytesBothWays() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = echo.accept()) {
                    socket.getOutputStream().write("hello from the far side\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(socket.getInputStream().readNBytes(5));
                } catch (IOException ignored) {
                    // the test fails on what it reads
                }
            });
            server.setDaemon(true);
            server.start();
            MuxClient client = MuxClient.connect(MASTER.master().socket(), TIMEOUT);
            try (StdioForward forward = client.openStdioForward("127.0.0.1", echo.getLocalPort())) {
                forward.socket().setSoTimeout((int) TIMEOUT.toMillis());
                assertThat(forward.channelId()).isNotNegative();
                assertThat(readLine(forward.input())).isEqualTo("hello from the far side");
                forward.output().write("ping!".getBytes(StandardCharsets.US_ASCII));
                forward.output().flush();
                assertThat(new String(forward.input().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping!");
                // the far side closed: EOF reaches this end (this process holds no copy of the master's end)
                assertThat(forward.input().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aPortTheServerCannotReachFails() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        MuxClient client = MuxClient.connect(MASTER.master().socket(), TIMEOUT);
        assertThatThrownBy(() -> client.openStdioForward("127.0.0.1", closed))
                .isInstanceOf(MuxException.Failure.class)
                .hasMessageContaining("Session open refused by peer");
        // the master carries on
        try (MuxClient again = MuxClient.connect(MASTER.master().socket(), TIMEOUT)) {
            assertThat(again.aliveCheck()).isEqualTo(MASTER.master().pid());
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            assertThat(b).as("EOF before the end of the line").isNotNegative();
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}

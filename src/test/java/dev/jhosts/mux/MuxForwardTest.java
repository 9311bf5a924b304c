package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MUX_C_OPEN_FWD / MUX_C_CLOSE_FWD against a real master; a local echo server is the target. */
class MuxForwardTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "f.sock");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int SO_TIMEOUT_MS = 20_000;

    private EchoServer target;
    private MuxClient client;

    @BeforeEach
    void connect() throws IOException {
        target = new EchoServer();
        client = MuxClient.connect(MASTER.master().socket(), TIMEOUT);
    }

    @AfterEach
    void disconnect() {
        client.close();
        target.close();
    }

    @Test
    void localForwardListensUntilClosed() throws Exception {
        int port = freePort();
        Forward forward = Forward.parse(Forward.Kind.LOCAL, "127.0.0.1:" + port + ":127.0.0.1:" + target.port());
        assertThat(client.openForward(forward)).isEmpty();
        try (Socket socket = tcp(port)) {
            assertThat(target.echo(socket, "local")).isEqualTo("local");
        }
        // an identical forward is not an error
        assertThat(client.openForward(forward)).isEmpty();

        client.closeForward(forward);
        assertThatThrownBy(() -> tcp(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void remoteForwardOnPortZeroReportsTheAllocatedPort() throws Exception {
        Forward forward = new Forward(Forward.Kind.REMOTE, "", 0, "127.0.0.1", target.port());
        OptionalInt allocated = client.openForward(forward);
        assertThat(allocated).isPresent();
        try (Socket socket = tcp(allocated.getAsInt())) {
            assertThat(target.echo(socket, "remote")).isEqualTo("remote");
        }
        client.closeForward(forward);
    }

    @Test
    void dynamicForwardSpeaksSocksUntilClosed() throws Exception {
        int port = freePort();
        Forward forward = Forward.parse(Forward.Kind.DYNAMIC, "127.0.0.1:" + port);
        assertThat(client.openForward(forward)).isEmpty();
        try (Socket socket = tcp(port)) {
            socks5Connect(socket, target.port());
            assertThat(target.echo(socket, "socks")).isEqualTo("socks");
        }
        client.closeForward(forward);
        assertThatThrownBy(() -> tcp(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void closeForwardCancelsADynamicForwardThatSshItselfAdded() throws Exception {
        int port = freePort();
        Processes.Result added = Processes.run(SSHD.ssh("-S", MASTER.master().socket().toString(), "-O", "forward",
                "-D", "127.0.0.1:" + port, SshdFixture.HOST), Map.of(), TIMEOUT);
        assertThat(added.exitCode()).as(added.describe()).isZero();
        tcp(port).close();

        client.closeForward(Forward.parse(Forward.Kind.DYNAMIC, "127.0.0.1:" + port));
        assertThatThrownBy(() -> tcp(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void localForwardFromAUnixSocket() throws Exception {
        Path path = SSHD.dir().resolve("fwd.sock");
        Forward forward = Forward.parse(Forward.Kind.LOCAL, path + ":127.0.0.1:" + target.port());
        assertThat(forward.listenPort()).isEqualTo(Forward.SOCKET_PATH);
        assertThat(client.openForward(forward)).isEmpty();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            channel.write(ByteBuffer.wrap("unix\n".getBytes()));
            InputStream in = Channels.newInputStream(channel);
            assertThat(new String(in.readNBytes(5))).isEqualTo("unix\n");
        }
        client.closeForward(forward);
    }

    @Test
    void remoteForwardTheServerRefusesIsAFailureWithItsReason() {
        Forward forward = Forward.parse(Forward.Kind.REMOTE, SSHD.dir() + "/no/such/dir.sock:127.0.0.1:" + target.port());
        assertThatThrownBy(() -> client.openForward(forward))
                .isInstanceOfSatisfying(MuxException.Failure.class, failure ->
                        assertThat(failure.reason()).contains("remote port forwarding failed"));
        // the connection is still usable afterwards
        assertThatNoException(client);
    }

    @Test
    void localForwardOnAPortInUseIsAFailure() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Forward forward = new Forward(Forward.Kind.LOCAL, "127.0.0.1", busy.getLocalPort(), "127.0.0.1", target.port());
            assertThatThrownBy(() -> client.openForward(forward))
                    .isInstanceOfSatisfying(MuxException.Failure.class, failure ->
                            assertThat(failure.reason()).isEqualTo("Port forwarding failed"));
        }
    }

    @Test
    void closingAForwardThatWasNeverOpenedIsAFailure() {
        Forward forward = new Forward(Forward.Kind.LOCAL, "127.0.0.1", 1, "127.0.0.1", 2);
        assertThatThrownBy(() -> client.closeForward(forward))
                .isInstanceOfSatisfying(MuxException.Failure.class, failure ->
                        assertThat(failure.reason()).isEqualTo("port not forwarded"));
    }

    private static void assertThatNoException(MuxClient client) {
        try {
            assertThat(client.aliveCheck()).isEqualTo(MASTER.master().pid());
        } catch (MuxException e) {
            throw new AssertionError(e);
        }
    }

    private static Socket tcp(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), SO_TIMEOUT_MS);
        socket.setSoTimeout(SO_TIMEOUT_MS);
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SOCKS5 without authentication, CONNECT to 127.0.0.1:port. */
    private static void socks5Connect(Socket socket, int port) throws IOException {
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        out.write(new byte[] {5, 1, 0});
        assertThat(in.readNBytes(2)).containsExactly(5, 0);
        out.write(new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
        byte[] reply = in.readNBytes(10);
        assertThat(reply[1]).as("SOCKS reply code").isEqualTo((byte) 0);
    }

    /** Accepts connections and echoes one line back on each. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        EchoServer() throws IOException {
            server = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "echo-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(SO_TIMEOUT_MS);
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    for (int c; (c = in.read()) >= 0; ) {
                        out.write(c);
                        if (c == '\n') {
                            break;
                        }
                    }
                    out.flush();
                } catch (IOException closedOrDone) {
                    // next connection, or the server was closed
                }
            }
        }

        String echo(Socket socket, String line) throws IOException {
            socket.getOutputStream().write((line + "\n").getBytes());
            byte[] back = socket.getInputStream().readNBytes(line.length() + 1);
            return new String(back).strip();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}

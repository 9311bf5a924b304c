package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jhosts run} on a host whose master reaches the test sshd through a TCP relay of the
 * test's on loopback: cutting the relay's connections mid-command kills the master, which the run
 * reports as "connection lost" (not exit 255); {@code --retry 1} runs it again once the relay
 * accepts again.
 */
class RunConnectionLostTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HOST = "relayed";

    private Relay relay;
    private Path config;
    private Path marks;

    @BeforeEach
    void startRelay() throws IOException {
        relay = new Relay(SSHD.port());
        Path knownHosts = SSHD.dir().resolve("relay_known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + relay.port() + " "
                + Files.readString(Path.of(SSHD.hostKey("ed25519") + ".pub")));
        String options = SSHD.hostOptions()
                .replace("  Port " + SSHD.port() + "\n", "  Port " + relay.port() + "\n")
                .replace("UserKnownHostsFile ", "UserKnownHostsFile " + knownHosts + " #");
        config = SSHD.writeSshConfig("relay_config", "Host " + HOST + "\n" + options);
        marks = Files.createTempDirectory(SSHD.dir(), "marks");
    }

    @AfterEach
    void stopRelay() {
        jhosts(List.of("master", "exit", HOST));
        relay.close();
    }

    @Test
    void aMasterThatDiesMidRunIsConnectionLostAlsoInJson() throws Exception {
        Path started = marks.resolve("started");
        CompletableFuture<Processes.Result> run = CompletableFuture.supplyAsync(() -> jhosts(List.of("run", "--json",
                HOST, "--", "touch " + started + "; sleep 20; echo finished")));
        await(() -> Files.exists(started), "the command to start");
        relay.cut();
        Processes.Result result = run.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).as(result.describe()).contains("\"outcome\":\"connection-lost\"")
                .contains("\"error\":\"connection lost: the master died while the command ran\"")
                .doesNotContain("finished");
        assertThat(result.stderr()).contains("run on 1 host: 0 succeeded, 0 failed, 0 unreachable, 0 timed out, "
                + "1 connection lost")
                .contains("  connection lost " + HOST + ": the master died while the command ran")
                .doesNotContain("255");
    }

    @Test
    void retryRunsTheHostAgainOnceItsMasterIsBack() throws Exception {
        Path started = marks.resolve("started");
        Path errors = marks.resolve("run.err");
        String command = "if [ -e " + started + " ]; then echo second run; exit 0; fi; touch " + started + "; sleep 20";
        CompletableFuture<Processes.Result> run = CompletableFuture.supplyAsync(
                () -> jhosts(List.of("run", "--retry", "1", HOST, "--", command)));
        await(() -> Files.exists(started), "the command to start");
        relay.pause();
        relay.cut();
        Processes.Result result;
        try {
            await(() -> relay.waiting() > 0, "the master made again to connect to the relay");
        } finally {
            relay.resume();
        }
        result = run.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).contains(HOST + " | second run");
        assertThat(result.stderr()).contains(HOST + " | jhosts: connection lost (the master died while the command "
                + "ran); running it again in 1s (retry 1 of 1)")
                .contains("run on 1 host: 1 succeeded, 0 failed");
    }

    @Test
    void retryMustBeANumberInItsRange() {
        Processes.Result result = jhosts(List.of("run", "--retry", "-1", HOST, "--", "true"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--retry must be from 0 to 100, not -1");
    }

    private Processes.Result jhosts(List<String> args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString()));
        command.addAll(args);
        return Processes.run(command, SSHD.jhostsEnv(), LIMIT);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant limit = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * A TCP relay on loopback to the sshd: {@link #cut} closes every connection (a drop);
     * while {@link #pause paused}, new connections are accepted but not served until {@link
     * #resume} (the path is down, the client waits).
     */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final List<Socket> open = new ArrayList<>();
        private boolean paused;
        private int waiting;

        Relay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread acceptor = new Thread(this::accept, "test-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        synchronized void cut() throws IOException {
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }

        synchronized void pause() {
            paused = true;
        }

        synchronized void resume() {
            paused = false;
            notifyAll();
        }

        synchronized int waiting() {
            return waiting;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread serve = new Thread(() -> serve(client), "test-relay-conn");
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try {
                synchronized (this) {
                    waiting++;
                    while (paused && !server.isClosed()) {
                        wait(100);
                    }
                    waiting--;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                synchronized (this) {
                    open.add(client);
                    open.add(upstream);
                }
                Thread back = new Thread(() -> pump(upstream, client), "test-relay-back");
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
            } catch (IOException | InterruptedException e) {
                close(client);
            }
        }

        private static void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went: the other follows
            } finally {
                close(from);
                close(to);
            }
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed already
            }
        }

        @Override
        public synchronized void close() {
            try {
                server.close();
                cut();
            } catch (IOException ignored) {
                // closed already
            }
            notifyAll();
        }
    }
}

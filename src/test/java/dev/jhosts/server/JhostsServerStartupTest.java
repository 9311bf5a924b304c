package dev.jhosts.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.client.ServerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server listens before its runtime is made: a client that comes meanwhile waits for it,
 * and is told in one line when it could not be made. A cold start's first frame is drawn before
 * the runtime too, and taken away when it could not be made.
 */
class JhostsServerStartupTest {
    private static final long LIMIT_MILLIS = 10_000;

    @TempDir
    Path dir;

    @Test
    void aClientThatCameBeforeTheRuntimeIsToldWhyItCouldNotBeMadeAndTheServerEnds() throws Exception {
        ServerAddress address = address();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JhostsServer server = server(address, log);
        CountDownLatch clientWaits = new CountDownLatch(1);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> server.run(() -> {
            clientWaits.await(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            throw new IOException("the settings' control directory is not yours");
        }));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
        while (!Files.exists(address.socket()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        CompletableFuture<Optional<ServerClient.Answer>> asked = CompletableFuture.supplyAsync(() -> {
            try {
                return ServerClient.ask(address, "test-build", ToServer.Purpose.SESSIONS, List.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // the client's thread in the server waits for the runtime
        while (!serverThreadWaits("jhosts-server-client-1") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(serverThreadWaits("jhosts-server-client-1")).as("the client waits for the runtime").isTrue();
        clientWaits.countDown();

        Optional<ServerClient.Answer> answer = asked.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(answer).isPresent();
        assertThat(answer.get().status()).isEqualTo(1);
        assertThat(answer.get().message())
                .isEqualTo("jhosts: the jhosts server could not start: the settings' control directory is not yours");
        assertThat(run.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(1);
        assertThat(address.socket()).as("its socket removed").doesNotExist();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("the settings' control directory is not yours");
    }

    @Test
    void aColdStartsFirstFrameIsDrawnBeforeTheRuntimeAndTakenAwayWhenItCannotBeMade() throws Exception {
        ServerAddress address = address();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JhostsServer server = server(address, log);
        try (JniNativePty pty = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24))) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Thread reader = drain(pty.getMasterInput(), screen);
            // the launcher's process, its standard input the terminal (as a shell's child's)
            Process launcher = new ProcessBuilder("/bin/sh", "-c", "exec 0<>\"$0\" && exec sleep 60", pty.getName())
                    .start();
            try {
                CountDownLatch drawn = new CountDownLatch(1);
                FirstFrame frame = (viewer, tty, size) -> {
                    tty.write(("first frame " + size.getColumns() + "x" + size.getRows()).getBytes(StandardCharsets.UTF_8));
                    tty.flush();
                    drawn.countDown();
                };
                int status = server.runBeside(() -> {
                    // the frame does not wait for the runtime: the runtime waits for it here
                    if (!drawn.await(LIMIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        throw new IOException("no first frame before the runtime");
                    }
                    throw new IOException("the control directory is not yours");
                }, launcher.pid(), frame);

                assertThat(status).isEqualTo(1);
                assertThat(log.toString(StandardCharsets.UTF_8)).contains("the control directory is not yours");
                assertThat(address.socket()).as("it never listened").doesNotExist();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
                while (!shown(screen).contains("\033[?1049l") && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                // drawn, then taken away: the main screen back, the cursor shown
                assertThat(shown(screen)).contains("first frame 80x24");
                assertThat(shown(screen).substring(shown(screen).indexOf("first frame")))
                        .endsWith("\033[0m\033[?25h\033[?1049l");
            } finally {
                launcher.destroy();
                launcher.waitFor(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                reader.interrupt();
            }
        }
    }

    private ServerAddress address() throws IOException {
        Path control = Files.createDirectory(dir.resolve("c"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return ServerAddress.of(control, dir.resolve("config"), dir.resolve("jhosts.conf"));
    }

    /** A server at {@code address} that writes its log to {@code log}. */
    private static JhostsServer server(ServerAddress address, ByteArrayOutputStream log) {
        return new JhostsServer(address, "test-build", () -> "jhosts test", Duration.ofMinutes(1),
                new PrintStream(log, true, StandardCharsets.UTF_8), launcher -> false);
    }

    private static String shown(ByteArrayOutputStream screen) {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread drain(java.io.InputStream in, ByteArrayOutputStream into) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (into) {
                        into.write(buffer, 0, n);
                    }
                }
            } catch (IOException closed) {
                // the terminal is closed at the end
            }
        }, "test-screen");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static boolean serverThreadWaits(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(name) && thread.getState() == Thread.State.WAITING);
    }
}

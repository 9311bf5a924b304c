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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server listens before its runtime is made: a client that comes meanwhile waits for it,
 * and is told in one line when it could not be made.
 */
class JhostsServerStartupTest {
    private static final long LIMIT_MILLIS = 10_000;

    @TempDir
    Path dir;

    @Test
    void aClientThatCameBeforeTheRuntimeIsToldWhyItCouldNotBeMadeAndTheServerEnds() throws Exception {
        Path control = Files.createDirectory(dir.resolve("c"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ServerAddress address = ServerAddress.of(control, dir.resolve("config"), dir.resolve("jhosts.conf"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JhostsServer server = new JhostsServer(address, "test-build", () -> "jhosts test", Duration.ofMinutes(1),
                new PrintStream(log, true, StandardCharsets.UTF_8), launcher -> false);
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

    private static boolean serverThreadWaits(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(name) && thread.getState() == Thread.State.WAITING);
    }
}

package dev.jhosts.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.JhostsServers;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server ended by SIGTERM ({@code kill PID}) takes its socket with it, as {@code jhosts server
 * stop} does: a launcher then finds no server's socket and starts the next server itself.
 */
class ServerEndedBySignalTest {
    private static final long LIMIT_MILLIS = 20_000;

    @TempDir
    Path dir;

    @Test
    void aServerEndedBySigtermRemovesItsSocket() throws Exception {
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host a\n  HostName 127.0.0.1\n");
        Path runtime = Files.createDirectory(dir.resolve("runtime"));
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(SshdFixture.launcher().toString(), "-F", sshConfig.toString(),
                "server", "run")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", runtime.toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().putAll(environment);
        Path control = runtime.resolve("jhosts");
        Process server = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
            // killed once it serves (it answers), as a person kills a server they found running
            while (!answers(sshConfig, environment) && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(JhostsServers.in(control)).as("the server listens (its log: %s)", Files.readString(log)).hasSize(1);
            assertThat(answers(sshConfig, environment)).as("the server answers").isTrue();

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(LIMIT_MILLIS, TimeUnit.MILLISECONDS)).as("the server ends").isTrue();

            assertThat(JhostsServers.in(control)).as("no server's socket left").isEmpty();
        } finally {
            server.destroyForcibly();
        }
    }

    private static boolean answers(Path sshConfig, Map<String, String> environment) {
        return Processes.run(List.of(SshdFixture.launcher().toString(), "-F", sshConfig.toString(), "server", "status"),
                environment, Duration.ofSeconds(30)).exitCode() == 0;
    }
}

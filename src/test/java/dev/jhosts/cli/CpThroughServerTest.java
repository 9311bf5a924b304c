package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.Interrupting;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jhosts cp} while a jhosts server runs for the same ssh config: the server copies with
 * its own masters (its log says so), the client's working directory is what relative paths mean,
 * Ctrl-C at the client stops the copy there and cleans up, and a changed settings file sends the
 * copy back to the client's own process (which reads the new settings).
 */
class CpThroughServerTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(2);

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern ACCEPTED = Pattern.compile("Accepted publickey for ");
    private static final Pattern SERVED = Pattern.compile("client \\d+: cp ran here, status (\\d+)");
    private static FleetConfig fleet;
    private static Path config;
    private static Path serverLog;
    private static Process server;

    @BeforeAll
    static void startServer() throws Exception {
        fleet = new FleetConfig(SSHD);
        config = fleet.write("cp_config");
        serverLog = SSHD.dir().resolve("server-run.log");
        ProcessBuilder builder = new ProcessBuilder(launcher(), "-F", config.toString(), "server", "run")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(serverLog.toFile());
        builder.environment().putAll(SSHD.jhostsEnv());
        server = builder.start();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (jhosts(SSHD.dir(), "server", "status").exitCode() != 0) {
            assertThat(server.isAlive()).as("the server ended: " + Files.readString(serverLog)).isTrue();
            assertThat(System.nanoTime()).as("the server never answered").isLessThan(deadline);
            Thread.sleep(50);
        }
        for (String host : fleet.aliases()) {
            Processes.Result start = jhosts(SSHD.dir(), "master", "start", host);
            assertThat(start.exitCode()).as(start.describe()).isZero();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        jhosts(SSHD.dir(), "server", "stop", "--force");
        for (String host : fleet.aliases()) {
            jhosts(SSHD.dir(), "master", "exit", host);
        }
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    @Test
    void relativePathsAreTheClientsAndTheServerCopiesWithoutANewLogin() throws IOException {
        Path here = fresh("here");
        Path there = fresh("there");
        byte[] content = random(3 * 1024 * 1024 + 17, 3);
        Files.write(here.resolve("data.bin"), content);
        long logins = accepted();
        long served = served().size();

        Processes.Result up = jhosts(here, "cp", "data.bin", "h0:" + there);
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(Files.readAllBytes(there.resolve("data.bin"))).isEqualTo(content);
        // the name as the user gave it, as without a server
        assertThat(up.stdout()).startsWith("data.bin 3.0 MiB");

        Processes.Result down = jhosts(here, "cp", "h0:" + there.resolve("data.bin"), "back.bin");
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(Files.readAllBytes(here.resolve("back.bin"))).isEqualTo(content);

        Processes.Result missing = jhosts(here, "cp", "h0:" + there.resolve("no-such-file"), "x");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("no such file").contains("jhosts: cp: 1 of 1 failed");

        assertThat(served().subList((int) served, served().size())).containsExactly("0", "0", "1");
        assertThat(accepted()).as("the masters were the server's, already made").isEqualTo(logins);
    }

    @Test
    void aFanOutAndAGatherIntoRelativeFolders() throws IOException {
        Path here = fresh("fleet-here");
        Files.writeString(here.resolve("motd"), "hello fleet\n");
        String remote = SSHD.dir().resolve("fleet-there").toString();
        Files.createDirectories(Path.of(remote));
        long served = served().size();

        Processes.Result out = jhosts(here, "cp", "--host", "h0", "--host", "h1", "motd", ":" + remote + "/motd");
        assertThat(out.exitCode()).as(out.describe()).isZero();
        Processes.Result in = jhosts(here, "cp", "--host", "h0", "--host", "h1", ":" + remote + "/motd", "gathered");
        assertThat(in.exitCode()).as(in.describe()).isZero();
        assertThat(here.resolve("gathered/h0/motd")).hasContent("hello fleet");
        assertThat(here.resolve("gathered/h1/motd")).hasContent("hello fleet");
        assertThat(served().size() - served).isEqualTo(2);
    }

    @Test
    void ctrlCAtTheClientStopsTheServersCopyAndRemovesThePart() throws Exception {
        Path here = fresh("cut-here");
        Path target = fresh("cut-there").resolve("big.bin");
        Path source = here.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        Random random = new Random(9);
        try (OutputStream out = Files.newOutputStream(source)) {
            for (int i = 0; i < 768; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Interrupting.Interrupted cut = Interrupting.onceWritten(target, List.of(launcher(), "-F", config.toString(),
                "cp", "big.bin", "h0:" + target), here.toFile(), SSHD.jhostsEnv(), here, LIMIT);
        assertThat(cut.exitCode()).as(cut.stderr()).isEqualTo(130);
        assertThat(cut.stderr()).contains("jhosts: interrupted: the file being written was removed");
        assertThat(target).doesNotExist();
        assertThat(served()).last().isEqualTo("130");
    }

    @Test
    void aChangedSettingsFileSendsTheCopyBackToTheClient() throws IOException {
        Path here = fresh("settings-here");
        Files.writeString(here.resolve("f"), "f\n");
        Path settings = Path.of(SSHD.jhostsEnv().get("XDG_CONFIG_HOME"), "jhosts", "jhosts.conf");
        Files.createDirectories(settings.getParent());
        long served = served().size();
        try {
            Files.writeString(settings, "jhosts { this is not a setting\n");
            Processes.Result broken = jhosts(here, "cp", "f", "h0:" + SSHD.dir().resolve("settings-f"));
            // the client's own process read the file: its error, with file and line, exit 2
            assertThat(broken.exitCode()).as(broken.describe()).isEqualTo(2);
            assertThat(broken.stderr()).startsWith("jhosts: " + settings + ":2: ");
        } finally {
            Files.delete(settings);
        }
        assertThat(served().size()).isEqualTo(served);
        assertThat(Files.readString(serverLog)).contains("cp runs at the client");
    }

    /** The statuses of the copies the server ran, in order. */
    private static List<String> served() throws IOException {
        Matcher matcher = SERVED.matcher(Files.readString(serverLog, StandardCharsets.UTF_8));
        List<String> statuses = new ArrayList<>();
        while (matcher.find()) {
            statuses.add(matcher.group(1));
        }
        return statuses;
    }

    private static String launcher() {
        return SshdFixture.launcher().toAbsolutePath().toString();
    }

    /** {@code jhosts -F CONFIG args...} run in {@code directory}. */
    private static Processes.Result jhosts(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", directory.toString(),
                launcher(), "-F", config.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, SSHD.jhostsEnv(), LIMIT);
    }

    private static Path fresh(String name) throws IOException {
        return Files.createDirectories(SSHD.dir().resolve(name));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long accepted() throws IOException {
        Matcher matcher = ACCEPTED.matcher(Files.readString(SSHD.log(), StandardCharsets.ISO_8859_1));
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}

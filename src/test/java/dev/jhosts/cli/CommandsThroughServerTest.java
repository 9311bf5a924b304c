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
 * The commands a jhosts server runs for its clients, while one runs for the same ssh config:
 * {@code cp} with the server's masters (its log says so), the client's working directory being
 * what relative paths mean, Ctrl-C at the client stopping the copy there; a changed settings file
 * sending the command back to the client's own process (which reads the new settings); {@code
 * run}, {@code probe}, {@code list}, {@code master list} and {@code master check} saying what
 * they say without a server, {@code run} with piped input left to the client.
 */
class CommandsThroughServerTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(2);

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern ACCEPTED = Pattern.compile("Accepted publickey for ");
    private static final Pattern SERVED = Pattern.compile("client \\d+: (\\S+) ran here, status (\\d+)");
    private static FleetConfig fleet;
    private static Path config;
    private static Path serverLog;
    private static Process server;

    @BeforeAll
    static void startServerAndMasters() throws Exception {
        fleet = new FleetConfig(SSHD);
        config = fleet.write("cp_config");
        serverLog = SSHD.dir().resolve("server-run.log");
        startServer();
        for (String host : fleet.aliases()) {
            Processes.Result start = jhosts(SSHD.dir(), "master", "start", host);
            assertThat(start.exitCode()).as(start.describe()).isZero();
        }
    }

    /** {@code jhosts server run}, its words appended to the log, once it answers. */
    private static void startServer() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher(), "-F", config.toString(), "server", "run")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(serverLog.toFile()));
        builder.environment().putAll(SSHD.jhostsEnv());
        server = builder.start();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (jhosts(SSHD.dir(), "server", "status").exitCode() != 0) {
            assertThat(server.isAlive()).as("the server ended: " + Files.readString(serverLog)).isTrue();
            assertThat(System.nanoTime()).as("the server never answered").isLessThan(deadline);
            Thread.sleep(50);
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
    void aCopyWhoseWordsOnlyPicocliReadsIsServedTheSameWay() throws IOException {
        Path here = fresh("picocli-here");
        Path there = fresh("picocli-there");
        Files.writeString(here.resolve("note"), "through picocli\n");
        long served = served().size();
        // --parallel=007: a number the quick parser leaves to picocli
        Processes.Result up = jhosts(here, "cp", "--parallel=007", "--json", "note", "h0:" + there);
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(there.resolve("note")).hasContent("through picocli");
        assertThat(up.stdout()).as("the client's standard output, not the server's").contains("\"alias\":\"h0\"");
        assertThat(served().subList((int) served, served().size())).containsExactly("0");
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

    @Test
    void runProbeListAndTheMastersSayWhatTheySayWithoutAServer() throws IOException {
        long runs = served("run").size();
        Processes.Result run = jhosts(SSHD.dir(), "run", "-n", "h0", "h1", "--", "echo", "out;", "echo", "err", ">&2;", "exit", "3");
        Processes.Result runAlone = alone("run", "-n", "h0", "h1", "--", "echo", "out;", "echo", "err", ">&2;", "exit", "3");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1).isEqualTo(runAlone.exitCode());
        assertThat(sortedLines(run.stdout())).isEqualTo(sortedLines(runAlone.stdout())).contains("h0 | out", "h1 | out");
        assertThat(run.stderr()).contains("h0 | err").contains("jhosts: run on 2 hosts: 0 succeeded, 2 failed");
        assertThat(served("run").subList((int) runs, served("run").size())).containsExactly("1");

        for (List<String> words : List.of(List.of("probe", "h0", "h1"), List.of("probe", "--json", "h0"),
                List.of("list"), List.of("list", "--json"), List.of("master", "check", "h1"),
                List.of("master", "check", "no-such-host"))) {
            Processes.Result through = jhosts(SSHD.dir(), words.toArray(String[]::new));
            Processes.Result without = alone(words.toArray(String[]::new));
            assertThat(through.exitCode()).as(words + ": " + through.describe()).isEqualTo(without.exitCode());
            assertThat(withoutTimes(through.stdout())).as(words.toString()).isEqualTo(withoutTimes(without.stdout()));
            assertThat(through.stderr()).as(words.toString()).isEqualTo(without.stderr());
        }
        Processes.Result masters = jhosts(SSHD.dir(), "master", "list");
        assertThat(masters.exitCode()).as(masters.describe()).isZero();
        assertThat(masters.stdout()).contains("h0  ").contains("live");
        assertThat(served("probe")).hasSize(2);
        assertThat(served("list")).hasSize(2);
        assertThat(served("master")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void runLeavesPipedInputToTheClientAndTakesDevNullAndMinusN() throws IOException {
        long runs = served("run").size();
        List<String> command = List.of("sh", "-c", "cd \"$0\" && printf 'piped\\n' | exec \"$@\"", SSHD.dir().toString(),
                launcher(), "-F", config.toString(), "run", "h0", "--", "cat");
        Processes.Result piped = Processes.run(command, SSHD.jhostsEnv(), LIMIT);
        assertThat(piped.exitCode()).as(piped.describe()).isZero();
        assertThat(piped.stdout()).contains("h0 | piped");
        assertThat(Files.readString(serverLog)).contains("run runs at the client");
        Processes.Result none = jhosts(SSHD.dir(), "run", "-n", "h0", "--", "cat");
        assertThat(none.exitCode()).as(none.describe()).isZero();
        assertThat(served("run").size() - runs).isEqualTo(1);
    }

    @Test
    void ctrlCAtTheClientHangsTheServersRunUp() throws Exception {
        Path marker = SSHD.dir().resolve("run-started");
        ProcessBuilder builder = new ProcessBuilder(launcher(), "-F", config.toString(), "run", "-n", "h0", "--",
                "touch " + marker + "; sleep 60").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(SSHD.dir().resolve("run-err.txt").toFile());
        builder.environment().putAll(SSHD.jhostsEnv());
        Process client = builder.start();
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!Files.exists(marker)) {
                assertThat(client.isAlive()).as("the run ended early").isTrue();
                assertThat(System.nanoTime()).as("the remote command never started").isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(client.pid())).start()
                    .waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("ends after Ctrl-C").isTrue();
        } finally {
            client.destroyForcibly();
        }
        assertThat(client.exitValue()).isEqualTo(130);
        assertThat(Files.readString(SSHD.dir().resolve("run-err.txt"))).contains("jhosts: interrupted: cut h0");
        assertThat(served("run")).last().isEqualTo("130");
    }

    @Test
    void aServerThatDiesUnderARunIsSaidAndTheRunIsNotRunAgain() throws Exception {
        Path starts = SSHD.dir().resolve("run-starts");
        ProcessBuilder builder = new ProcessBuilder(launcher(), "-F", config.toString(), "run", "-n", "h0", "--",
                "echo started >> " + starts + "; sleep 60").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(SSHD.dir().resolve("died-err.txt").toFile());
        builder.environment().putAll(SSHD.jhostsEnv());
        Process client = builder.start();
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!Files.exists(starts)) {
                assertThat(client.isAlive()).as("the run ended early").isTrue();
                assertThat(System.nanoTime()).as("the remote command never started").isLessThan(deadline);
                Thread.sleep(10);
            }
            server.destroyForcibly();
            assertThat(client.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("ends with its server").isTrue();
        } finally {
            client.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            startServer();
        }
        assertThat(client.exitValue()).isEqualTo(1);
        assertThat(Files.readString(SSHD.dir().resolve("died-err.txt"))).contains("jhosts: the jhosts server ended");
        assertThat(Files.readAllLines(starts)).containsExactly("started");
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    /** Output with its timings and ages blanked ("1.5 ms", "3s"), which differ from run to run. */
    private static String withoutTimes(String text) {
        return text.replaceAll("\\d+(\\.\\d+)? ms", "N ms").replaceAll("\"durationMs\":\\d+", "\"durationMs\":N")
                .replaceAll("\"rttMillis\":[0-9.]+", "\"rttMillis\":N");
    }

    /** The statuses of the copies the server ran, in order. */
    private static List<String> served() throws IOException {
        return served("cp");
    }

    /** The statuses of the commands {@code name} the server ran, in order. */
    private static List<String> served(String name) throws IOException {
        Matcher matcher = SERVED.matcher(Files.readString(serverLog, StandardCharsets.UTF_8));
        List<String> statuses = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                statuses.add(matcher.group(2));
            }
        }
        return statuses;
    }

    /** {@code jhosts -F CONFIG -c ALONE args...}: a settings file of its own, for which no server runs. */
    private static Processes.Result alone(String... args) throws IOException {
        Path settings = SSHD.dir().resolve("alone.conf");
        if (!Files.exists(settings)) {
            Files.writeString(settings, "");
        }
        List<String> words = new ArrayList<>(List.of("-c", settings.toString()));
        words.addAll(List.of(args));
        return jhosts(SSHD.dir(), words.toArray(String[]::new));
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

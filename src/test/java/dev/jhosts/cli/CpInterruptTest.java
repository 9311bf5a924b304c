package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Ctrl-C (SIGINT, as the terminal sends it to the foreground process) in the middle of a
 * {@code jhosts cp}, and {@code --resume} after it. The file is big enough that the copy is
 * still running when the first megabytes have arrived, however fast the machine.
 */
class CpInterruptTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final long SIZE = 512L << 20;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static Path source;

    @BeforeAll
    static void makeABigFile() throws IOException {
        source = SSHD.dir().resolve("big.bin");
        byte[] block = new byte[1 << 20];
        Random random = new Random(5);
        try (OutputStream out = Files.newOutputStream(source)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Processes.Result start = Processes.run(command("master", "start", SshdFixture.HOST), SSHD.jhostsEnv(), PATIENCE);
        assertThat(start.exitCode()).as(start.describe()).isZero();
    }

    @AfterAll
    static void endMaster() {
        Processes.run(command("master", "exit", SshdFixture.HOST), SSHD.jhostsEnv(), PATIENCE);
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F",
                SSHD.sshConfig().toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void ctrlCRemovesThePartlyWrittenFile() throws Exception {
        Path target = Files.createDirectories(SSHD.dir().resolve("cut")).resolve("big.bin");
        Interrupted cut = interruptOnceWritten(target, command("cp", SshdFixture.HOST + ":" + source, target.toString()));
        assertThat(cut.exitCode).as(cut.stderr).isEqualTo(130);
        assertThat(cut.stderr).contains("jhosts: interrupted: the file being written was removed");
        assertThat(target).doesNotExist();
        assertThat(Path.of(target + ".part")).doesNotExist();
    }

    @Test
    void ctrlCWithPartialKeepsThePartAndResumeFinishesIt() throws Exception {
        Path target = Files.createDirectories(SSHD.dir().resolve("resume")).resolve("big.bin");
        Path part = Path.of(target + ".part");
        Interrupted cut = interruptOnceWritten(part, command("cp", "--partial", SshdFixture.HOST + ":" + source,
                target.toString()));
        assertThat(cut.exitCode).as(cut.stderr).isEqualTo(130);
        assertThat(cut.stderr).contains("kept as NAME.part");
        assertThat(target).doesNotExist();
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(SIZE);

        Processes.Result resumed = Processes.run(command("cp", "--resume", "--json", SshdFixture.HOST + ":" + source,
                target.toString()), SSHD.jhostsEnv(), PATIENCE);
        assertThat(resumed.exitCode()).as(resumed.describe()).isZero();
        assertThat(part).doesNotExist();
        assertThat(Files.mismatch(source, target)).isEqualTo(-1L);
        Matcher bytes = Pattern.compile("\"bytes\":(\\d+)").matcher(resumed.stdout());
        assertThat(bytes.find()).as(resumed.stdout()).isTrue();
        // only what was missing moved
        assertThat(Long.parseLong(bytes.group(1))).isEqualTo(SIZE - kept);
    }

    private record Interrupted(int exitCode, String stderr) {}

    /** Starts {@code command}, waits until {@code growing} holds a few MiB, sends SIGINT, waits for the end. */
    private static Interrupted interruptOnceWritten(Path growing, List<String> command) throws Exception {
        Path err = Files.createTempFile(SSHD.dir(), "cp-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().putAll(SSHD.jhostsEnv());
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!(Files.exists(growing) && Files.size(growing) >= 4 << 20)) {
                assertThat(process.isAlive()).as("the copy ended before it could be interrupted: "
                        + Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("the copy never wrote 4 MiB").isLessThan(deadline);
                Thread.sleep(5);
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("ends after Ctrl-C").isTrue();
            return new Interrupted(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}

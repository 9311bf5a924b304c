package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Interrupting;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        Interrupting.Interrupted cut = interruptOnceWritten(target, command("cp", SshdFixture.HOST + ":" + source, target.toString()));
        assertThat(cut.exitCode()).as(cut.stderr()).isEqualTo(130);
        assertThat(cut.stderr()).contains("jhosts: interrupted: the file being written was removed");
        assertThat(target).doesNotExist();
        assertThat(Path.of(target + ".part")).doesNotExist();
    }

    @Test
    void ctrlCWithPartialKeepsThePartAndResumeFinishesIt() throws Exception {
        Path target = Files.createDirectories(SSHD.dir().resolve("resume")).resolve("big.bin");
        Path part = Path.of(target + ".part");
        Interrupting.Interrupted cut = interruptOnceWritten(part, command("cp", "--partial", SshdFixture.HOST + ":" + source,
                target.toString()));
        assertThat(cut.exitCode()).as(cut.stderr()).isEqualTo(130);
        assertThat(cut.stderr()).contains("kept as NAME.part");
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

    private static Interrupting.Interrupted interruptOnceWritten(Path growing, List<String> command) throws Exception {
        return Interrupting.onceWritten(growing, command, null, SSHD.jhostsEnv(), SSHD.dir(), PATIENCE);
    }
}

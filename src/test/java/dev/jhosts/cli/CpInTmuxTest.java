package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code jhosts cp} on a real terminal (tmux): the progress line redrawn in place, and Ctrl-C typed mid-copy. */
class CpInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final long SIZE = 512L << 20;
    /** The progress line: the file's share, then the whole's share, bytes, rate and time left. */
    private static final Pattern PROGRESS = Pattern.compile(
            "big\\.bin +\\d+% +[\\d.]+ \\S+ +[\\d:-]+ \\| all +\\d+% +[\\d.]+ \\S+ of 512 MiB +[\\d.]+ \\S+/s [\\d:-]+ left");
    private static final Pattern EXITED = Pattern.compile("EXIT=\\d");
    private static Path source;

    @BeforeAll
    static void makeABigFile() throws IOException {
        source = SSHD.dir().resolve("big.bin");
        byte[] block = new byte[1 << 20];
        Random random = new Random(9);
        try (OutputStream out = Files.newOutputStream(source)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    @AfterAll
    static void endMaster() {
        Processes.run(List.of(SshdFixture.launcher().toString(), "-F", SSHD.sshConfig().toString(), "master", "exit",
                SshdFixture.HOST), SSHD.jhostsEnv(), Duration.ofSeconds(30));
    }

    private static Tmux shell() {
        Map<String, String> env = new HashMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("PS1", "$ ");
        return Tmux.start(120, 20, env, "exec sh");
    }

    private static String cp(Path target) {
        return SshdFixture.launcher() + " -F " + SSHD.sshConfig() + " cp " + SshdFixture.HOST + ":" + source + " " + target
                + "; echo EXIT=$?\n";
    }

    @Test
    void theProgressLineIsRedrawnInPlaceAndEndsAtTheWhole() throws IOException {
        Path target = Files.createDirectories(SSHD.dir().resolve("tty")).resolve("big.bin");
        try (Tmux tmux = shell()) {
            tmux.type(cp(target));
            String screen = tmux.waitUntil(text -> EXITED.matcher(text).find(), "the copy's end");
            assertThat(screen).contains("EXIT=0");
            List<String> progress = screen.lines().filter(line -> PROGRESS.matcher(line).find()).toList();
            // one line, redrawn, not one per redraw
            assertThat(progress).as(screen).hasSize(1);
            assertThat(progress.get(0)).contains("100%").containsPattern("\\| all 100% +512 MiB of 512 MiB");
            assertThat(Files.mismatch(source, target)).isEqualTo(-1L);
        }
    }

    @Test
    void ctrlCTypedMidCopyStopsItAndRemovesThePart() throws IOException {
        Path target = Files.createDirectories(SSHD.dir().resolve("tty-cut")).resolve("big.bin");
        try (Tmux tmux = shell()) {
            // the master first, so that the copy's own start is quick and Ctrl-C lands in its middle
            tmux.type(SshdFixture.launcher() + " -F " + SSHD.sshConfig() + " master start " + SshdFixture.HOST
                    + "; echo STARTED=$?\n");
            tmux.waitFor("STARTED=0");
            tmux.type(cp(target));
            tmux.waitUntil(text -> PROGRESS.matcher(text).find() && Files.exists(target), "the copy under way");
            tmux.keys("C-c");
            String screen = tmux.waitUntil(text -> EXITED.matcher(text).find(), "the copy's end");
            assertThat(screen).contains("EXIT=130").contains("jhosts: interrupted: the file being written was removed");
            assertThat(target).doesNotExist();
        }
    }
}

package dev.jhosts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Ctrl-C as the terminal sends it (SIGINT to the process) in the middle of a copy. */
public final class Interrupting {
    private Interrupting() {}

    /** How the interrupted command ended. */
    public record Interrupted(int exitCode, String stderr) {}

    /**
     * Starts {@code command} in {@code directory}, waits until {@code growing} holds 4 MiB, sends
     * SIGINT, and waits for the end (each wait within {@code patience}).
     */
    public static Interrupted onceWritten(Path growing, List<String> command, File directory, Map<String, String> env,
            Path scratch, Duration patience) throws Exception {
        Path err = Files.createTempFile(scratch, "cp-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!(Files.exists(growing) && Files.size(growing) >= 4 << 20)) {
                assertThat(process.isAlive()).as("the copy ended before it could be interrupted: "
                        + Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("the copy never wrote 4 MiB").isLessThan(deadline);
                Thread.sleep(5);
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)).as("ends after Ctrl-C").isTrue();
            return new Interrupted(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}

package dev.jhosts.askpass;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Answers password prompts from the commands the settings name per host, before any dialog: the
 * command runs without a shell (its words as given), with no input, bounded by its timeout; the
 * first line of its output is the answer. The caller falls back to the dialog when none covers
 * the host, the command fails, or its answer was already refused once in this launch.
 */
public final class PasswordCommands {
    /** More than any password; the rest of a command's output is not read. */
    private static final int MOST_BYTES = 4096;

    private final List<PasswordSource> sources;
    private final Function<String, Set<String>> tagsOf;

    public PasswordCommands(List<PasswordSource> sources, Function<String, Set<String>> tagsOf) {
        this.sources = List.copyOf(sources);
        this.tagsOf = tagsOf;
    }

    public static PasswordCommands none() {
        return new PasswordCommands(List.of(), alias -> Set.of());
    }

    /** The answer for {@code host}'s password prompt, as UTF-8 bytes the caller wipes; empty to ask the user. */
    Optional<byte[]> answer(String host, String prompt) {
        if (!PasswordSource.asksForPassword(prompt)) {
            return Optional.empty();
        }
        Set<String> tags = tagsOf.apply(host);
        for (PasswordSource source : sources) {
            if (source.covers(host, tags)) {
                return run(source);
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> run(PasswordSource source) {
        Process process;
        try {
            process = new ProcessBuilder(source.command())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return Optional.empty();
        }
        ByteArrayOutputStream firstLine = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> readFirstLine(process.getInputStream(), firstLine), "jhosts-password-command");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean finished = process.waitFor(source.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            reader.join(1000);
            byte[] answer;
            synchronized (firstLine) {
                answer = firstLine.toByteArray();
                // the stream's own buffer is overwritten too
                firstLine.reset();
                firstLine.write(new byte[answer.length], 0, answer.length);
            }
            if (!finished || process.exitValue() != 0 || answer.length == 0) {
                Arrays.fill(answer, (byte) 0);
                return Optional.empty();
            }
            return Optional.of(answer);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void readFirstLine(InputStream output, ByteArrayOutputStream line) {
        try (output) {
            int total = 0;
            for (int b; (b = output.read()) >= 0 && b != '\n' && total < MOST_BYTES; total++) {
                synchronized (line) {
                    line.write(b);
                }
            }
        } catch (IOException ignored) {
            // what was read is the answer, or nothing
        }
    }
}

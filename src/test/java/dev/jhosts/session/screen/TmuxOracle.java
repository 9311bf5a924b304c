package dev.jhosts.session.screen;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * tmux as the reference terminal: bytes are written unchanged (the pane's tty raw, no output
 * processing) into a fresh pane of a given size, on a private server, and what tmux then shows is
 * read back. Bounded: every tmux command has a time limit.
 */
final class TmuxOracle {
    private static final Duration LIMIT = Duration.ofSeconds(15);

    /** What the pane shows: its lines (trailing blanks stripped), with attributes, and its cursor. */
    record Shown(List<String> lines, String withAttributes, int cursorColumn, int cursorRow,
            boolean alternateScreen, boolean cursorVisible) {}

    private TmuxOracle() {}

    static Shown show(int columns, int rows, byte[] bytes) {
        Requirements.requireCommand("tmux", "tmux");
        Path dir;
        try {
            dir = Files.createTempDirectory(Path.of("/tmp"), "jhscreen");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path socket = dir.resolve("sock");
        try {
            Path input = dir.resolve("input");
            Files.write(input, bytes);
            // the pane's own tmux client reaches the server through $TMUX; wait-for -S wakes the test
            String script = "stty raw -echo; cat '" + input + "'; tmux wait-for -S shown; exec sleep 60";
            tmux(socket, "new-session", "-d", "-s", "oracle", "-x", Integer.toString(columns),
                    "-y", Integer.toString(rows), "sh", "-c", script);
            tmux(socket, "wait-for", "shown");
            String text = tmux(socket, "capture-pane", "-p", "-t", "oracle");
            String attributes = tmux(socket, "capture-pane", "-p", "-e", "-t", "oracle");
            String[] cursor = tmux(socket, "display-message", "-p", "-t", "oracle",
                    "#{cursor_x} #{cursor_y} #{alternate_on} #{cursor_flag}").strip().split(" ");
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            while (lines.size() > rows) {
                lines.remove(lines.size() - 1); // the final newline of the capture
            }
            while (lines.size() < rows) {
                lines.add("");
            }
            lines.replaceAll(line -> line.replaceAll(" +$", ""));
            // tmux puts the cursor one past the last column while a wrap is pending; xterm and the
            // model keep it in the last column with a flag
            int column = Math.min(columns - 1, Integer.parseInt(cursor[0]));
            return new Shown(lines, attributes, column, Integer.parseInt(cursor[1]),
                    cursor[2].equals("1"), cursor[3].equals("1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Processes.run(List.of("tmux", "-S", socket.toString(), "kill-server"), Map.of(), LIMIT);
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static String tmux(Path socket, String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-f", "/dev/null", "-S", socket.toString()));
        command.addAll(List.of(arguments));
        Processes.Result result = Processes.run(command, Map.of("LANG", "C.UTF-8"), LIMIT);
        if (result.exitCode() != 0) {
            throw new AssertionError("tmux " + List.of(arguments) + " failed: " + result.describe());
        }
        return result.stdout();
    }
}

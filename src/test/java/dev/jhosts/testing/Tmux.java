package dev.jhosts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A detached tmux session on a private server (its own socket, no user config), used as a real
 * terminal emulator: {@link #type}/{@link #keys} to type, {@link #screen()} to read, {@link
 * #resize} to resize, {@link #waitFor} to wait, with a bounded deadline, for the screen to show
 * something. Without tmux the test is skipped (failed under CI=true).
 */
public final class Tmux implements AutoCloseable {
    /** How long a wait may take before the test fails; generous, for a loaded machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(10);
    private static final String SESSION = "jhosts-test";

    private final Path dir;
    private final Path socket;
    /** Where a jhosts started in the session puts its server's socket (the XDG_RUNTIME_DIR it was given). */
    private final java.util.Optional<Path> jhostsServers;

    private Tmux(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.socket = dir.resolve("tmux.sock");
        this.jhostsServers = java.util.Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).map(run -> Path.of(run, "jhosts"));
    }

    /**
     * Starts {@code shellCommand} (run by {@code sh -c}) in a new {@code columns}×{@code rows}
     * session, with {@code env} added to its environment (TERM among them, if given).
     */
    public static Tmux start(int columns, int rows, Map<String, String> env, String shellCommand) {
        Requirements.requireCommand("tmux", "tmux");
        try {
            Tmux tmux = new Tmux(Files.createTempDirectory(Path.of("/tmp"), "jhtmux"), env);
            List<String> command = new ArrayList<>(List.of("new-session", "-d", "-s", SESSION,
                    "-x", Integer.toString(columns), "-y", Integer.toString(rows), "env"));
            new TreeMap<>(env).forEach((name, value) -> command.add(name + "=" + value));
            command.addAll(List.of("sh", "-c", shellCommand));
            tmux.run(command);
            return tmux;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch directory that lives as long as this session (for marker files). */
    public Path dir() {
        return dir;
    }

    /** Types {@code text} literally. */
    public void type(String text) {
        // "--": text that starts with "-" (a forward's "-L …") is not an option of send-keys
        run(List.of("send-keys", "-t", SESSION, "-l", "--", text));
    }

    /** Presses keys by tmux name: {@code Escape}, {@code Enter}, {@code C-c}, {@code Down}, {@code F1}… */
    public void keys(String... names) {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        command.addAll(List.of(names));
        run(command);
    }

    /**
     * Types what {@code shellCommand} writes, as the terminal's input (tmux {@code pipe-pane
     * -I}): for bytes that must arrive with pauses between them, without a tmux client started
     * for each ({@code printf '\033'; sleep 0.05; printf '['}). Returns at once.
     */
    public void typeFrom(String shellCommand) {
        run(List.of("pipe-pane", "-I", "-t", SESSION, shellCommand));
    }

    /** The pane's terminal device (/dev/pts/N), for looking at its modes from outside. */
    public String paneTty() {
        return run(List.of("display-message", "-p", "-t", SESSION, "#{pane_tty}")).stdout().strip();
    }

    /**
     * Waits until a program has taken the pane's terminal out of its canonical mode (bounded by
     * {@link #PATIENCE}): a picker that reads its keys, not the first frame a jhosts server draws
     * while the client's JVM starts, when Ctrl-C still stops that JVM as it stops any program.
     */
    public void waitUntilTaken() {
        String tty = paneTty();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Processes.Result modes = Processes.run(List.of("stty", "-F", tty, "-a"), java.util.Map.of(),
                    java.time.Duration.ofSeconds(10));
            if (modes.exitCode() == 0 && modes.stdout().contains("-icanon")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + "s for a program to take " + tty
                        + "; its modes: " + modes.describe());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** The pane's {@code format} as tmux expands it ({@code #{alternate_on}}, {@code #{cursor_flag}}…). */
    public String display(String format) {
        return run(List.of("display-message", "-p", "-t", SESSION, format)).stdout().strip();
    }

    /** The session's windows, one line each: index, name, and the command its first pane started with. */
    public String windows() {
        return run(List.of("list-windows", "-t", SESSION, "-F", "#{window_index} #{window_name} #{pane_start_command}"))
                .stdout();
    }

    /** The visible screen of window {@code index}. */
    public String screenOfWindow(int index) {
        return run(List.of("capture-pane", "-p", "-t", SESSION + ":" + index)).stdout();
    }

    /** The visible screen, one line per row. */
    public String screen() {
        return run(List.of("capture-pane", "-p", "-t", SESSION)).stdout();
    }

    /** The scrollback and the visible screen, one line per row. */
    public String history() {
        return run(List.of("capture-pane", "-p", "-S", "-", "-t", SESSION)).stdout();
    }

    /** The visible screen with the escape sequences of its colours and attributes. */
    public String screenWithAttributes() {
        return run(List.of("capture-pane", "-p", "-e", "-t", SESSION)).stdout();
    }

    /** Resizes the window (the program in it gets SIGWINCH). */
    public void resize(int columns, int rows) {
        run(List.of("resize-window", "-t", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows)));
    }

    /** Waits until the screen contains {@code text}; returns that screen. */
    public String waitFor(String text) {
        return waitUntil(screen -> screen.contains(text), "the screen to show \"" + text + "\"");
    }

    /** Waits until {@code condition} holds for the screen (bounded by {@link #PATIENCE}); returns it. */
    public String waitUntil(Predicate<String> condition, String description) {
        return waitUntil(condition, description, PATIENCE);
    }

    /** Waits until {@code condition} holds for the screen, at most {@code patience}; returns it. */
    public String waitUntil(Predicate<String> condition, String description, java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + patience.toSeconds() + "s for " + description
                        + "; the screen is:\n" + screen);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            screen = screen();
        }
        return screen;
    }

    /**
     * Ends the session's server (its programs get SIGHUP), then the jhosts servers started in it
     * (with their sessions: each test's jhosts server ends with the test), and removes the
     * scratch directory.
     */
    @Override
    public void close() {
        Processes.run(List.of("tmux", "-S", socket.toString(), "kill-server"), Map.of(), COMMAND_LIMIT);
        jhostsServers.ifPresent(JhostsServers::stopAll);
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Closes the terminal only, as a user closing the window does (its programs get SIGHUP): a
     * jhosts server started in it goes on. {@link #close()} afterwards ends that server too.
     */
    public void closeTerminal() {
        Processes.run(List.of("tmux", "-S", socket.toString(), "kill-server"), Map.of(), COMMAND_LIMIT);
    }

    private Processes.Result run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-f", "/dev/null", "-S", socket.toString()));
        command.addAll(arguments);
        Processes.Result result = Processes.run(command, Map.of(), COMMAND_LIMIT);
        if (result.exitCode() != 0) {
            throw new AssertionError("tmux " + arguments + " failed: " + result.describe());
        }
        return result;
    }
}

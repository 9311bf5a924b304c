package dev.jhosts.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;

/**
 * The build's training run for the class-data-sharing archive ({@code target/jhosts.jsa}): runs
 * {@link Training} in a JVM with the launcher's options that writes the archive of every class
 * it loaded at its exit. The training shows the real picker on a pseudo-terminal made here, in
 * a throw-away home with the sample ssh config; once the first frame is out this run types
 * Esc. An archive made from a real start holds exactly what a start loads, lambdas included:
 * measured, the first frame comes ≈8% sooner than with one made from rehearsals alone. Without
 * a pseudo-terminal (no {@code /dev/pts}) the training runs without the picker.
 *
 * <p>Arguments: the build directory (with {@code jhosts.jar}, {@code jvm.options}) and the
 * sample ssh config. Not part of the jhosts command.
 */
final class TrainingRun {
    private static final long FIRST_FRAME_SECONDS = 30;
    private static final long TRAINING_SECONDS = 180;
    /** The header's "N shown": the first frame is out. */
    private static final String FIRST_FRAME_MARK = " shown";
    /** After the first frame, how long the picker's background start runs before Esc. */
    private static final long SETTLE_MILLIS = 400;
    private static final byte ESCAPE = 0x1b;
    /** The log's line when the picker did not come up (src/dist/build fails on it). */
    static final String NO_FIRST_FRAME = "training: the picker showed no first frame";

    private TrainingRun() {}

    public static void main(String[] args) throws Exception {
        Path build = Path.of(args[0]).toAbsolutePath();
        Path sshConfig = Path.of(args[1]).toAbsolutePath();
        Path home = Files.createTempDirectory("jhosts-training");
        try {
            Path settings = home.resolve("jhosts.conf");
            Files.writeString(settings, settings(home));
            List<String> training = java(build);
            training.add("-XX:ArchiveClassesAtExit=" + build.resolve("jhosts.jsa"));
            training.add("-Djhosts.home=" + build);
            training.addAll(List.of("-cp", classPath(build), Training.class.getName(), sshConfig.toString()));
            int status;
            try {
                status = onPseudoTerminal(training, settings, home);
            } catch (IOException | RuntimeException | LinkageError noPseudoTerminal) {
                System.out.println("training: no pseudo-terminal (" + noPseudoTerminal + "); training without the picker");
                status = run(training, home);
            }
            System.out.println("training: exit " + status);
        } finally {
            deleteTree(home);
        }
    }

    /**
     * The training picker's settings: no master is started in the background while it is up (the
     * longest prelaunch delay, far beyond the training), sockets in the throw-away home.
     */
    static String settings(Path home) {
        return "prelaunch-delay = 1m\ncontrol-directory = \"" + home.resolve("c") + "\"\n";
    }

    /**
     * The java command with the launcher's options. In a package ({@code runtime/} beside the
     * jar: the Java runtime of its own), that runtime, started as its launcher starts it: with
     * the directory open as descriptor 9 (see {@link #classPath}).
     */
    private static List<String> java(Path build) throws IOException {
        List<String> command = new ArrayList<>();
        Path packaged = packagedJava(build);
        if (Files.isExecutable(packaged)) {
            command.addAll(List.of("/bin/sh", "-c", "exec 9<\"$0\" && exec \"$@\"", build.toString(), packaged.toString()));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        command.addAll(List.of(Files.readString(build.resolve("jvm.options")).trim().split("\\s+")));
        return command;
    }

    private static Path packagedJava(Path build) {
        return build.resolve("runtime").resolve("bin").resolve("java");
    }

    /**
     * The class path as the launcher gives it. Java 17 uses the archive only when a run's class
     * path reads as the training's did, so a package's archive is made with the jar named through
     * descriptor 9, {@code /dev/fd/9/jhosts.jar}, which reads the same wherever the package is
     * unpacked or installed.
     */
    private static String classPath(Path build) {
        return Files.isExecutable(packagedJava(build)) ? "/dev/fd/9/jhosts.jar" : build.resolve("jhosts.jar").toString();
    }

    private static int onPseudoTerminal(List<String> command, Path settings, Path home) throws Exception {
        Pty pty = new JniTerminalProvider().open(null, new Size(100, 30));
        try {
            File terminal = new File(((JniNativePty) pty).getName());
            // standard input open both ways, as a terminal's is: the client passes it to the
            // server, which draws on it (a redirection would open it read-only)
            List<String> withPicker = new ArrayList<>(List.of("/bin/sh", "-c", "exec 0<>\"$0\" && exec \"$@\"",
                    terminal.getPath()));
            withPicker.addAll(command);
            withPicker.add("--picker");
            withPicker.add(settings.toString());
            ProcessBuilder builder = new ProcessBuilder(withPicker)
                    .redirectOutput(terminal)
                    .redirectError(terminal);
            environment(builder.environment(), home);
            Process training = builder.start();
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Thread reader = drain(pty.getMasterInput(), screen);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_FRAME_SECONDS);
            while (!shows(screen, FIRST_FRAME_MARK) && training.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (!shows(screen, FIRST_FRAME_MARK)) {
                // the archive is still made, without the picker's classes: say so in the log
                String shown;
                synchronized (screen) {
                    shown = screen.toString(StandardCharsets.UTF_8).strip();
                }
                System.out.println(NO_FIRST_FRAME + ": " + shown.substring(Math.max(0, shown.length() - 400)));
            }
            Thread.sleep(SETTLE_MILLIS);
            OutputStream keys = pty.getMasterOutput();
            keys.write(ESCAPE);
            keys.flush();
            int status = awaitEnd(training);
            reader.interrupt();
            return status;
        } finally {
            pty.close();
        }
    }

    private static int run(List<String> command, Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        environment(builder.environment(), home);
        return awaitEnd(builder.start());
    }

    private static int awaitEnd(Process training) throws InterruptedException {
        if (!training.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
            training.destroyForcibly();
            throw new IllegalStateException("the training did not end within " + TRAINING_SECONDS + " s");
        }
        return training.exitValue();
    }

    /** A throw-away home, and the terminal and locale most users have. */
    private static void environment(Map<String, String> env, Path home) {
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.remove("LC_ALL");
        env.remove("LC_CTYPE");
        env.remove("NO_COLOR");
        env.remove("JHOSTS_JAVA_OPTS");
    }

    private static boolean shows(ByteArrayOutputStream screen, String text) {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).contains(text);
        }
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream into) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (into) {
                        into.write(buffer, 0, n);
                    }
                }
            } catch (IOException closed) {
                // the pseudo-terminal is closed at the end
            }
        }, "training-screen");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package dev.jhosts.client;

import dev.jhosts.server.ServerAddress;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the jhosts server, detached from the terminal: {@code setsid} gives it a session of its
 * own (no controlling terminal, so closing this one sends it no SIGHUP, which it ignores
 * anyway), standard input is {@code /dev/null}, and what it says goes to its log in jhosts'
 * state directory (so that a server that cannot start can say why). Then waits for it to listen.
 *
 * <p>The launcher starts the server itself, beside this JVM, for the picker's first start (no
 * server runs at all): it then names the server's pid in the property {@value #STARTED}, and the
 * first {@link #start} takes that server on instead of starting another ({@link ServerProcess}).
 */
public final class ServerStarter {
    private static final long START_MILLIS = 20_000;
    private static final long POLL_MILLIS = 5;
    /** How many looks at the socket's path between two readings of the starting server's state. */
    private static final int STATUS_LOOKS = 4;
    /** The exit status of a jhosts that refused its settings (or command line). */
    private static final int SETTINGS = 2;
    /** The property in which the launcher names the server it started (see {@code src/main/launcher/jhosts}). */
    static final String STARTED = "jhosts.server.started";

    private final List<String> command;
    private final Path log;
    private final java.util.Map<String, String> environment;

    /**
     * @param serverCommand jhosts' launcher with the global options and {@code server run}
     * @param log where the server's own output goes (created 0600, truncated)
     */
    public ServerStarter(List<String> serverCommand, Path log) {
        this(serverCommand, log, java.util.Map.of());
    }

    /** As above, the server's environment being this process's with {@code environment} on top (the demo's home). */
    public ServerStarter(List<String> serverCommand, Path log, java.util.Map<String, String> environment) {
        this.environment = java.util.Map.copyOf(environment);
        List<String> line = new ArrayList<>();
        if (setsidAvailable()) {
            line.add("setsid");
        }
        line.addAll(serverCommand);
        this.command = List.copyOf(line);
        this.log = log;
    }

    /**
     * The server ended before it listened, with {@code status}: 2 for its settings (its last
     * words, {@code FILE:LINE: ...}, are the message), else it could not start.
     */
    public static final class StartFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private static final String PREFIX = "jhosts: ";
        private final int status;

        StartFailure(int status, String lastWords) {
            super(status == SETTINGS ? withoutPrefix(lastWords) : "the jhosts server did not start: " + lastWords);
            this.status = status;
        }

        /** Whether the server refused its settings (the message says where). */
        public boolean settings() {
            return status == SETTINGS;
        }

        private static String withoutPrefix(String words) {
            return words.startsWith(PREFIX) ? words.substring(PREFIX.length()) : words;
        }
    }

    /** A server being started: its process, until it listens. */
    final class Starting {
        private final ServerProcess server;
        private final AbandonAtExit abandonAtExit;

        private Starting(ServerProcess server, AbandonAtExit abandonAtExit) {
            this.server = server;
            this.abandonAtExit = abandonAtExit;
        }

        /** Connects to the server once it listens; fails with its own last words when it does not come up. */
        ServerConnection connect(ServerAddress address) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
            // The server's start shares the processor with this wait, which looks at the socket's
            // path alone (one stat, no exception made) until it is there, and reads the server's
            // state (/proc, or the process) only every few looks.
            File socket = address.socket().toFile();
            for (int look = 0; System.nanoTime() < deadline; look++) {
                if (socket.exists()) {
                    Optional<ServerConnection> connection = ServerConnection.open(address);
                    if (connection.isPresent()) {
                        abandonAtExit.disarm();
                        return connection.get();
                    }
                }
                if (look % STATUS_LOOKS == 0) {
                    // an exit 0 is a server that found another one starting for the same pair: that one listens soon
                    Optional<Integer> status = server.exitStatus();
                    if (status.isPresent() && status.get() != 0) {
                        throw new StartFailure(status.get(), lastWords());
                    }
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the jhosts server started", e);
                }
            }
            throw new IOException("the jhosts server did not listen within " + START_MILLIS / 1000 + " s (its log: "
                    + log + ")");
        }

        /** The server is not wanted after all (the settings are wrong, there is no terminal): it ends. */
        void abandon() {
            server.abandon();
        }
    }

    /**
     * Starts the server's process and returns at once: its JVM comes up while the caller goes on
     * (checks the settings, waits for the terminal's library).
     */
    Starting start() throws IOException {
        Optional<ServerProcess> started = startedByTheLauncher();
        if (started.isPresent()) {
            return new Starting(started.get(), AbandonAtExit.NONE);
        }
        // A client whose terminal hung up while it started (SIGHUP: the JVM's shutdown has
        // begun) starts no server, and one it started ends with it if it has not connected yet:
        // nobody would reach it, and it would take the socket once the one it missed has gone.
        AbandonAtExit abandonAtExit = new AbandonAtExit();
        try {
            Runtime.getRuntime().addShutdownHook(abandonAtExit);
        } catch (IllegalStateException shuttingDown) {
            throw ending();
        }
        Files.createDirectories(log.getParent());
        try {
            Files.deleteIfExists(log);
            Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            // another client starts a server this very moment (two terminals opened at once):
            // the log it made, 0600 too, takes both servers' words, and one of them serves
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (!abandonAtExit.spawning()) {
            throw ending();
        }
        ServerProcess spawned;
        try {
            spawned = new ServerProcess.Spawned(builder
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start());
        } catch (IOException | RuntimeException e) {
            abandonAtExit.spawnFailed();
            throw e;
        }
        abandonAtExit.arm(spawned);
        return new Starting(spawned, abandonAtExit);
    }

    private static IOException ending() {
        return new IOException("this jhosts is ending (its terminal went away): no server started");
    }

    /**
     * The shutdown hook that ends a server this process started and has not connected to yet;
     * once connected, it leaves the server be (sessions outlive their terminal).
     */
    private static final class AbandonAtExit extends Thread {
        static final AbandonAtExit NONE = new AbandonAtExit();
        /** How long the JVM's end waits for a process being made: it takes milliseconds. */
        private static final long SPAWN_WAIT_MILLIS = 2000;

        private Optional<ServerProcess> server = Optional.empty(); // guarded by this
        private boolean spawning; // guarded by this
        private boolean ended; // guarded by this

        AbandonAtExit() {
            super("jhosts-abandon-unreached-server");
        }

        /** A server's process is about to be made; false when the JVM is ending already (make none). */
        synchronized boolean spawning() {
            if (ended) {
                return false;
            }
            spawning = true;
            return true;
        }

        /**
         * The process made: ended at once when the JVM's end came while it was being made (the
         * hook ran, or waits here, and found none to end).
         */
        synchronized void arm(ServerProcess started) {
            spawning = false;
            notifyAll();
            if (ended) {
                started.abandon();
                return;
            }
            server = Optional.of(started);
        }

        /** No process was made after all. */
        synchronized void spawnFailed() {
            spawning = false;
            notifyAll();
        }

        synchronized void disarm() {
            server = Optional.empty();
        }

        @Override
        public void run() {
            Optional<ServerProcess> unreached;
            synchronized (this) {
                ended = true;
                // a SIGHUP between the hook's registration and the process's making: the process
                // is ended as soon as it is made (arm), but the JVM must not halt before that
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SPAWN_WAIT_MILLIS);
                long left;
                while (spawning && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                unreached = server;
            }
            unreached.ifPresent(ServerProcess::abandon);
        }
    }

    /**
     * The server the launcher started for this process, once: a later start (a server that ended
     * meanwhile) is this process's own. Only a child of this process is taken on: the launcher
     * started it, then became this JVM.
     */
    private static Optional<ServerProcess> startedByTheLauncher() {
        String pid = System.clearProperty(STARTED); // taken once: its value, and cleared, in one step
        if (pid == null) {
            return Optional.empty();
        }
        try {
            return ServerProcess.Adopted.childOfThisProcess(Long.parseLong(pid));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }

    private String lastWords() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "it said nothing (" + log + ")";
        } catch (IOException e) {
            return "its log " + log + " cannot be read";
        }
    }

    private static boolean setsidAvailable() {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "setsid"))) {
                return true;
            }
        }
        return false;
    }
}

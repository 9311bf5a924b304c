package dev.jhosts.client;

import dev.jhosts.server.ClientEnvironment;
import dev.jhosts.server.ServerAddress;
import dev.jhosts.server.ToClient;
import dev.jhosts.server.ToServer;
import dev.jhosts.session.ExactModes;
import dev.jhosts.terminal.OwnProcess;
import dev.jhosts.terminal.ProcFiles;
import dev.jhosts.terminal.ProcessSignals;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code jhosts} as the server's client: it connects to the server (starting one when none
 * runs), passes its terminal and the allowed part of its environment, and waits. The server
 * draws on the terminal and reads its keys; the client relays its signals (SIGWINCH, SIGCONT,
 * SIGINT), runs what must run on the terminal itself when asked (plain ssh, a Ctrl-Z stop), and
 * at the end writes back the terminal's modes exactly as it found them: also when the server
 * dies under it, which one line then says (exit 1).
 */
public final class ServerClient {
    /** The status of a client whose server ended without a word. */
    public static final int SERVER_GONE = 1;
    /**
     * What {@link #show} returns when the server does not list {@code connect}'s host: not an exit
     * status (those are 0 to 255), so that no remote status is taken for it.
     */
    public static final int NOT_LISTED = -1;
    private static final byte[] LEAVE_SCREEN = "\033[0m\033[?25h\033[?1049l".getBytes(StandardCharsets.US_ASCII);
    /** How long the client waits for a server of another build to end before it starts its own. */
    private static final long REPLACE_MILLIS = 5_000;
    /** How long an ending client waits for the server to give its terminal back before it restores the modes alone. */
    private static final long EXITING_MILLIS = 1_000;
    private static final int INTERRUPTED = 130;

    private final ServerAddress address;
    private final String build;
    private final ServerStarter starter;
    private final PrintStream err;

    /**
     * @param build this build's identity, which the server must share
     * @param starter what starts a server when none runs
     */
    public ServerClient(ServerAddress address, String build, ServerStarter starter, PrintStream err) {
        this.address = address;
        this.build = build;
        this.starter = starter;
        this.err = err;
    }

    /** Gets the socket's classes ready on another thread while the caller works out the server's address. */
    public static void prepareInBackground() {
        ServerConnection.prepareInBackground();
    }

    /**
     * What a query ({@code sessions}, {@code server status}, {@code server stop}) got: the text
     * the server printed and its status; empty when no server runs (none is started for a query).
     */
    public record Answer(String text, int status, String message) {}

    public static Optional<Answer> ask(ServerAddress address, String build, ToServer.Purpose purpose,
            List<String> arguments) throws IOException {
        Optional<ServerConnection> opened = ServerConnection.open(address);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (ServerConnection connection = opened.get()) {
            connection.hello(new ToServer.Hello(build, address.pair(), purpose, arguments, java.util.Map.of(), ""),
                    Optional.empty());
            StringBuilder text = new StringBuilder();
            while (true) {
                Optional<ToClient> next = connection.next();
                if (next.isEmpty()) {
                    return Optional.of(new Answer(text.toString(), SERVER_GONE, "jhosts: the jhosts server ended"));
                }
                ToClient message = next.get();
                if (message instanceof ToClient.Text part) {
                    text.append(part.text());
                } else if (message instanceof ToClient.Exit exit) {
                    return Optional.of(new Answer(text.toString(), exit.status(), exit.message()));
                }
            }
        }
    }

    /**
     * Runs a command of the command line in the running server ({@link ToServer.Purpose#COMMAND}),
     * writing what it writes on this process's standard output and error as it comes; Ctrl-C
     * stops it there (a second one ends this client at once, the server still cleaning up). Its
     * exit status; empty when no server runs, or the server says the command is better run here
     * (before it did anything), or went away before it started the command ({@link
     * ToClient.Started}): then nothing was done, and the caller runs it itself. A server that goes
     * away after that is reported (exit 1): the command may have done part of its work.
     */
    public static Optional<Integer> command(ServerAddress address, String build, List<String> words)
            throws IOException {
        Optional<ServerConnection> opened = ServerConnection.open(address);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (ServerConnection connection = opened.get()) {
            connection.hello(new ToServer.Hello(build, address.pair(), ToServer.Purpose.COMMAND, words,
                    ClientEnvironment.allowed(System.getenv()), System.getProperty("user.dir", "/")), Optional.empty());
            FileOutputStream out = new FileOutputStream(FileDescriptor.out);
            FileOutputStream err = new FileOutputStream(FileDescriptor.err);
            AtomicBoolean interrupted = new AtomicBoolean();
            ProcessSignals.Handling interrupt = ProcessSignals.handle("INT", () -> {
                if (!interrupted.compareAndSet(false, true)) {
                    Runtime.getRuntime().halt(INTERRUPTED);
                }
                connection.sendQuietly(new ToServer.Interrupted());
            });
            boolean started = false;
            boolean wrote = false;
            try {
                while (true) {
                    Optional<ToClient> next = connection.next();
                    if (next.isEmpty()) {
                        if (!started) {
                            return Optional.empty();
                        }
                        err.write("jhosts: the jhosts server ended\n".getBytes(StandardCharsets.UTF_8));
                        return Optional.of(SERVER_GONE);
                    }
                    ToClient message = next.get();
                    if (message instanceof ToClient.Started) {
                        started = true;
                    } else if (message instanceof ToClient.Output output) {
                        (output.stream() == ToClient.Stream.OUT ? out : err).write(output.bytes());
                        wrote = true;
                    } else if (message instanceof ToClient.Exit exit) {
                        if (!exit.message().isEmpty()) {
                            err.write((exit.message() + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                        return Optional.of(exit.status());
                    } else if (message instanceof ToClient.Declined && !wrote) {
                        return Optional.empty();
                    }
                }
            } finally {
                interrupt.close();
            }
        }
    }

    /**
     * Shows the picker ({@code purpose} PICKER) or a session ({@code ATTACH}) of the server on
     * this process's terminal until the server says it is over; returns the exit status.
     *
     * @param coldStart checks what a server about to start checks, where there is no terminal
     *     (so that the settings' errors come first, as without a server); with a terminal the
     *     server's own check says them ({@link ServerStarter.StartFailure})
     */
    public int show(ToServer.Purpose purpose, List<String> arguments, ColdStart coldStart) throws Exception {
        // Ctrl-C on the terminal still in its own modes, before the server has taken it: the
        // server may show a first frame on it already (the launcher asked it to), which it alone
        // can take away, so this client goes on, asks the server to give the terminal back, and
        // ends as the picker ends after Ctrl-C
        AtomicBoolean interrupted = new AtomicBoolean();
        try (ProcessSignals.Handling early = ProcessSignals.handle("INT", new Remember(interrupted))) {
            int status = show(purpose, arguments, coldStart, interrupted);
            return interrupted.get() ? INTERRUPTED : status;
        }
    }

    /** Sets its flag: a signal to act on later. A class, not a lambda: the client's start pays for its first lambda. */
    private static final class Remember implements Runnable {
        private final AtomicBoolean flag;

        Remember(AtomicBoolean flag) {
            this.flag = flag;
        }

        @Override
        public void run() {
            flag.set(true);
        }
    }

    private int show(ToServer.Purpose purpose, List<String> arguments, ColdStart coldStart, AtomicBoolean interrupted)
            throws Exception {
        boolean onTerminal = onTerminal();
        // made while the socket's classes get ready on other threads (prepareInBackground)
        ToServer.Hello hello = new ToServer.Hello(build, address.pair(), purpose, arguments,
                ClientEnvironment.allowed(System.getenv()), System.getProperty("user.dir", "/"));
        Optional<ServerConnection> running = Optional.empty();
        Optional<ServerStarter.Starting> starting = Optional.empty();
        try {
            running = ServerConnection.open(address);
            if (running.isEmpty()) {
                // no socket, or a stale one (its server is gone): the server's JVM starts first
                // thing, and comes up while this one goes on
                starting = Optional.of(starter.start());
            }
            if (!onTerminal) {
                if (starting.isPresent()) {
                    // the settings' errors come before a terminal's absence, as without a server
                    coldStart.prepare();
                }
                throw new IOException("standard input and output must be a terminal");
            }
        } catch (Exception e) {
            running.ifPresent(ServerConnection::close);
            starting.ifPresent(ServerStarter.Starting::abandon);
            throw e;
        }
        ServerConnection connection = running.isPresent() ? running.get() : starting.get().connect(address);
        connection.hello(hello, Optional.of(FileDescriptor.in));
        ToClient first = attend(connection, interrupted);
        // at most once each: a server replaced, then a terminal to pass
        for (int again = 0; again < 2 && first instanceof ToClient.Declined declined
                && declined.reason() != ToClient.Reason.NOT_LISTED && !interrupted.get(); again++) {
            connection.close();
            if (declined.reason() == ToClient.Reason.REPLACED) {
                // the server (another build, old settings) had nothing to lose: it ends, a new one starts
                awaitGone();
                connection = connectAgain();
            } else {
                // it could not open this terminal by its path: its descriptor goes over the socket
                connection = ServerConnection.openPassing(address).orElseThrow(
                        () -> new IOException("the jhosts server ended (" + address.socket() + ")"));
            }
            connection.hello(hello, Optional.of(FileDescriptor.in));
            first = attend(connection, interrupted);
        }
        connection.close();
        if (first instanceof ToClient.Declined declined) {
            return declined.reason() == ToClient.Reason.NOT_LISTED ? NOT_LISTED : SERVER_GONE;
        }
        if (!(first instanceof ToClient.Exit exit)) {
            err.println("jhosts: the jhosts server ended under this terminal; the terminal is restored");
            return SERVER_GONE;
        }
        if (!exit.message().isEmpty()) {
            err.println(exit.message());
        }
        return exit.status();
    }

    /**
     * Whether standard input and output are a terminal, as {@link System#console()} says it, but
     * from {@code /proc} where there is one: the console's first use compiles its formatter's
     * pattern, which would take the processor from the threads readying the socket meanwhile.
     */
    private static boolean onTerminal() {
        Optional<String> in = ProcFiles.ownTarget(0);
        Optional<String> out = ProcFiles.ownTarget(1);
        if (in.isEmpty() || out.isEmpty()) {
            return System.console() != null;
        }
        return ProcFiles.namesTerminal(in.get()) && ProcFiles.namesTerminal(out.get());
    }

    /** What a client with no terminal checks before it says so, when a server was about to start. */
    @FunctionalInterface
    public interface ColdStart {
        void prepare() throws Exception;
    }

    /** After an old server ended: the one that runs now, or a new one. */
    private ServerConnection connectAgain() throws IOException {
        Optional<ServerConnection> running = ServerConnection.open(address);
        return running.isPresent() ? running.get() : starter.start().connect(address);
    }

    private void awaitGone() throws IOException {
        long deadline = System.nanoTime() + REPLACE_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<ServerConnection> still = ServerConnection.open(address);
            if (still.isEmpty()) {
                return;
            }
            still.get().close();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("a jhosts server of another build does not end (" + address.socket() + ")");
    }

    /**
     * Serves the server's requests until it says {@link ToClient.Exit} or {@link
     * ToClient.Declined} (returned) or goes away (an empty {@link ToClient.Text}). The server
     * sends the terminal's modes as it found them before it changes any ({@link
     * ToClient.Modes}) and gives the terminal back as found before it says Exit; should it go
     * away instead, or should this client be ended, this client writes those modes back itself,
     * and leaves the screen a server that went away may have left (the alternate screen, a
     * hidden cursor). JLine's native library, which that takes, is loaded only then.
     */
    private ToClient attend(ServerConnection connection, AtomicBoolean interrupted) throws IOException {
        AtomicReference<String> found = new AtomicReference<>("");
        AtomicBoolean restored = new AtomicBoolean();
        CountDownLatch exitSeen = new CountDownLatch(1);
        // SIGTERM, SIGHUP, a SIGINT sent from outside: the server gives the terminal back first,
        // undoing what a session's program set on it (it alone knows), then the modes as found
        Thread onSignal = new Thread(() -> {
            if (restored.get()) {
                return;
            }
            connection.sendQuietly(new ToServer.Exiting());
            try {
                exitSeen.await(EXITING_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (restored.compareAndSet(false, true)) {
                restore(found.get());
            }
        }, "jhosts-client-restore");
        Runtime.getRuntime().addShutdownHook(onSignal);
        ProcessSignals.Handling winch = ProcessSignals.handle("WINCH", () -> connection.sendQuietly(new ToServer.Resized()));
        ProcessSignals.Handling cont = ProcessSignals.handle("CONT", () -> connection.sendQuietly(new ToServer.Continued()));
        ProcessSignals.Handling interrupt = ProcessSignals.handle("INT", () -> {
            if (found.get().isEmpty()) {
                // the server has not taken the terminal yet: it gives it back, and the client ends
                interrupted.set(true);
                connection.sendQuietly(new ToServer.Exiting());
            } else {
                interrupted(connection);
            }
        });
        if (interrupted.get()) {
            connection.sendQuietly(new ToServer.Exiting());
        }
        OwnProcess here = new OwnProcess();
        try {
            while (true) {
                Optional<ToClient> next = connection.next();
                if (next.isEmpty()) {
                    if (restored.compareAndSet(false, true) && !found.get().isEmpty()) {
                        leaveScreen();
                        restore(found.get());
                    }
                    return new ToClient.Text(""); // neither an exit nor a refusal: the server went away
                }
                ToClient message = next.get();
                if (message instanceof ToClient.Exit || message instanceof ToClient.Declined) {
                    // the terminal is as found: the server gave it back, or never touched it
                    restored.set(true);
                    exitSeen.countDown();
                    return message;
                } else if (message instanceof ToClient.Modes modes) {
                    found.set(modes.termios());
                } else if (message instanceof ToClient.Stop) {
                    here.stop();
                    connection.send(new ToServer.Continued());
                } else if (message instanceof ToClient.Run run) {
                    connection.send(new ToServer.Finished(runOnTerminal(here, run.command())));
                } else if (message instanceof ToClient.Text text) {
                    System.out.print(text.text());
                    System.out.flush();
                }
            }
        } finally {
            winch.close();
            cont.close();
            interrupt.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException exiting) {
                // the hook runs anyway
            }
        }
    }

    /** Writes back the modes the server found on this terminal; nothing when it sent none (it touched nothing). */
    private static void restore(String modes) {
        if (modes.isEmpty()) {
            return;
        }
        try {
            ExactModes.decoded(0, modes).restore();
        } catch (RuntimeException | LinkageError unusable) {
            // a server of this build sent them; the terminal may be gone (SIGHUP)
        }
    }

    /**
     * SIGINT: typed on a terminal in its normal modes (ISIG on: a session without a pty, where
     * Ctrl-C ends the session), it goes to the server; otherwise it was sent from outside, and
     * ends the client as it ends any program (the shutdown hook gives the terminal back).
     */
    private static void interrupted(ServerConnection connection) {
        if (TerminalSignals.generatesSignals(0)) {
            connection.sendQuietly(new ToServer.Interrupted());
        } else {
            System.exit(INTERRUPTED);
        }
    }

    private static int runOnTerminal(OwnProcess here, List<String> command) {
        try {
            return here.run(command);
        } catch (IOException e) {
            System.err.println("jhosts: cannot run " + command.get(0) + ": " + e.getMessage());
            return 255;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 255;
        }
    }

    private static void leaveScreen() {
        try {
            FileOutputStream out = new FileOutputStream(FileDescriptor.out);
            out.write(LEAVE_SCREEN);
            out.flush();
        } catch (IOException gone) {
            // the terminal is gone (SIGHUP)
        }
    }
}

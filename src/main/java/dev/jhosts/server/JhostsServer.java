package dev.jhosts.server;

import dev.jhosts.config.Locations;
import dev.jhosts.mux.LocalUser;
import dev.jhosts.terminal.ProcFiles;
import dev.jhosts.tui.SessionHub;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The jhosts server of one user, ssh config and settings file: it listens on its socket in the
 * private control directory, shows a picker on the terminal of each client that connects
 * ({@link ClientConnection}), and holds the sessions, which outlive the terminals. It stays
 * while a client is connected or a session lives, then {@code persist} longer ({@link
 * #FOREVER}: until stopped), as ControlPersist keeps a master; it ends at once when its socket
 * is removed or replaced (its directory deleted: nobody could reach it any more).
 */
public final class JhostsServer {
    /** A persistence that never ends. */
    public static final Duration FOREVER = dev.jhosts.config.SessionSettings.FOREVER;
    private static final Duration CHECK = Duration.ofMillis(500);
    /** The longest a cold start's socket waits for its first frame. */
    private static final long FRAME_MILLIS = 2_000;
    /** After the start, how long the server waits for its first client even with a persistence of 0. */
    private static final Duration FIRST_CLIENT = Duration.ofSeconds(10);
    private static final long LOCK_MILLIS = 10_000;
    private static final Runnable NOTHING = () -> { };

    private final ServerAddress address;
    private final String build;
    private final Supplier<String> versionLine;
    private final ServedLater served = new ServedLater();
    private final Pickers pickers = new ArrivingPickers(served);
    private final ServedCommands commands = new ArrivingCommands(served);
    private final Duration persist;
    private final PrintStream log;
    private final Predicate<String> ownLauncher;
    private final Previews previews;
    private final Set<ClientConnection> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger clientNumbers = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Instant started = Instant.now();
    private volatile AFUNIXServerSocket listening;
    private volatile Optional<SocketRemovalAtExit> removalAtExit = Optional.empty();

    /**
     * @param build this build's identity; clients of another build are not served
     * @param versionLine this build as people read it ({@code jhosts server status})
     * @param log where the server says what went wrong (never a secret)
     * @param ownLauncher whether the launcher in a folder starts this build's clients: the
     *     first frames it asks for before its client's hello ({@link PreviewRequests}) are drawn
     *     only for those
     */
    public JhostsServer(ServerAddress address, String build, Supplier<String> versionLine, Duration persist,
            PrintStream log, Predicate<String> ownLauncher) {
        this.address = address;
        this.build = build;
        this.versionLine = versionLine;
        this.persist = persist;
        this.log = log;
        this.ownLauncher = ownLauncher;
        this.previews = new Previews(pickers, log);
    }

    /** What the server serves, made by {@link #run} once it listens. */
    @FunctionalInterface
    public interface Startup {
        /** The pickers and the commands ({@link ToServer.Purpose#COMMAND}) clients are served. */
        Served start() throws Exception;
    }

    /**
     * Loads the socket library (junixsocket's native part and its classes) on another thread,
     * while the caller reads the settings and the catalogue: the first client of a cold start
     * waits for the socket, and the socket for its library.
     */
    public static void prepareInBackground() {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    AFUNIXServerSocket.newInstance().close();
                } catch (IOException | RuntimeException | LinkageError e) {
                    // the bind meets the same problem and says it
                }
            }
        }, "jhosts-server-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Serves until stopped or idle for its persistence; returns 0, or 1 when it could not
     * listen or {@code startup} failed. Another server already listening for the same pair is no
     * error: this one returns 0 at once and the client reaches that one. {@code startup} runs
     * once the socket listens: a cold start's first client connects and has its terminal opened
     * meanwhile, and waits only for what needs the runtime (the first frame).
     */
    public int run(Startup startup) {
        return serve(startup, 0, NOTHING);
    }

    /**
     * As {@link #run}, for the server the launcher started beside its client, process {@code
     * launcher}: when no socket is there at all, the picker's first frame is drawn on that
     * client's terminal as soon as the runtime is made ({@link Previews}), and the socket
     * listens once it is out: otherwise the frame would wait for the client's JVM, its
     * connection and its hello. {@code frameOut} runs once that frame is out, or once it is
     * known that none will be drawn.
     */
    public int runBeside(Startup startup, long launcher, Runnable frameOut) {
        return serve(startup, launcher, frameOut);
    }

    private int serve(Startup startup, long launcher, Runnable frameOut) {
        try (FileChannel lockFile = FileChannel.open(address.lock(), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            Optional<FileLock> lock = lock(lockFile, frameOut);
            if (lock.isEmpty()) {
                return 0; // another server is starting or serving; the client finds it
            }
            // with the lock and no socket, no other server can serve: nobody else draws there
            boolean frameFirst = launcher > 0 && !Files.exists(address.socket(), LinkOption.NOFOLLOW_LINKS);
            if (!frameFirst) {
                frameOut.run();
                if (!listen()) {
                    return 0;
                }
            }
            try {
                served.arrived(startup.start());
            } catch (Exception e) {
                frameOut.run();
                served.failed(e);
                log.println("jhosts server: " + e.getMessage());
                shutDown();
                return 1;
            }
            if (frameFirst) {
                // The frame before the socket: binding it initialises junixsocket (its native part,
                // its address families), which would otherwise take a processor from the frame.
                // The launcher starts the client's JVM once the frame is out; the client waits for
                // the socket, which listens long before that JVM is up.
                FrameOut frame = new FrameOut(frameOut);
                previews.show(launcher, System.getenv(), Path.of(System.getProperty("user.dir", "/")), frame);
                frame.await();
                if (!listen()) {
                    return 0;
                }
            }
            Optional<PreviewRequests> requests = PreviewRequests.open(address.previews(), this::previewRequested, log);
            try {
                watchLifetime();
            } finally {
                requests.ifPresent(PreviewRequests::close);
            }
            shutDown();
            return 0;
        } catch (IOException e) {
            log.println("jhosts server: " + e.getMessage());
            return 1;
        }
    }

    /** The first frame's end, told to the launcher and awaited here (at most {@link #FRAME_MILLIS}). */
    private static final class FrameOut implements Runnable {
        private final Runnable launcher;
        private final CountDownLatch out = new CountDownLatch(1);

        FrameOut(Runnable launcher) {
            this.launcher = launcher;
        }

        @Override
        public void run() {
            launcher.run();
            out.countDown();
        }

        /** Until the frame is out, or a terminal that does not drain (Ctrl-S) has held it too long. */
        void await() {
            try {
                out.await(FRAME_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Binds the socket and accepts its clients on a thread of their own; false when another server serves. */
    private boolean listen() throws IOException {
        Optional<AFUNIXServerSocket> bound = bind();
        if (bound.isEmpty()) {
            return false;
        }
        listening = bound.get();
        // armed before the first client is accepted: a server that answers is one that a SIGTERM
        // leaves without its socket
        removalAtExit = SocketRemovalAtExit.arm(address.socket());
        Thread acceptor = new Thread(this::accept, "jhosts-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return true;
    }

    /**
     * The lock, waited for a while: a server that is ending holds it until its process is gone,
     * and the next one may start meanwhile (as tmux's client waits on its lock).
     */
    private static Optional<FileLock> lock(FileChannel file, Runnable frameOut) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOCK_MILLIS);
        while (true) {
            FileLock lock = file.tryLock();
            if (lock != null || System.nanoTime() > deadline) {
                return Optional.ofNullable(lock);
            }
            // another server holds it (starting, or ending): no first frame comes from this one soon
            frameOut.run();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * The socket, bound: a stale one (connection refused, the user's own) is removed first; a
     * live one means another server serves (empty).
     */
    private Optional<AFUNIXServerSocket> bind() throws IOException {
        Path socket = address.socket();
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            if (!StaleSocket.provedDead(socket)) {
                return Optional.empty();
            }
            Files.delete(socket);
        }
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        server.setReuseAddress(false);
        server.bind(AFUNIXSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        return Optional.of(server);
    }

    private void accept() {
        AFUNIXServerSocket server = listening;
        while (!server.isClosed()) {
            try {
                AFUNIXSocket socket = server.accept();
                ClientConnection client = new ClientConnection(socket, clientNumbers.incrementAndGet(), this);
                Thread thread = new Thread(() -> {
                    clients.add(client);
                    try {
                        client.serve();
                    } finally {
                        clients.remove(client);
                    }
                }, "jhosts-server-client-" + client.number());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /**
     * A launcher asks for a picker's first frame on its terminal while its client starts: drawn
     * for a process of this user, from a launcher of this build, whose words and environment
     * lead its client to this server.
     */
    private void previewRequested(PreviewRequests.Request request) {
        OptionalLong owner = ProcFiles.owner(request.pid());
        if (owner.isEmpty() || owner.getAsLong() != LocalUser.uid() || !ownLauncher.test(request.home())) {
            return;
        }
        Optional<Path> directory = ProcFiles.directory(request.pid());
        if (directory.isEmpty()) {
            return;
        }
        Map<String, String> environment = ProcFiles.environment(request.pid());
        Path home = Path.of(System.getProperty("user.home"));
        boolean here = ServerAddress.ofPicker(request.words(), Locations.of(environment, home), directory.get())
                .filter(theirs -> theirs.socket().equals(address.socket()) && theirs.pair().equals(address.pair()))
                .isPresent();
        if (here) {
            previews.show(request.pid(), environment, directory.get(), NOTHING);
        }
    }

    /** Waits until stopped, idle for the persistence, or no longer reachable at its socket. */
    private void watchLifetime() {
        Object identity = socketIdentity().orElse(null);
        Instant idleSince = Instant.now();
        try {
            while (!stopped.await(CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                if (identity == null || !identity.equals(socketIdentity().orElse(null))) {
                    log.println("jhosts server: its socket " + address.socket() + " is gone; ending");
                    return;
                }
                boolean busy = clients.stream().anyMatch(ClientConnection::busy) || sessions().any();
                Instant now = Instant.now();
                if (busy) {
                    idleSince = now;
                    continue;
                }
                Duration idle = Duration.between(idleSince, now);
                boolean firstClientTime = Duration.between(started, now).compareTo(FIRST_CLIENT) < 0
                        && clientNumbers.get() == 0;
                if (!persist.equals(FOREVER) && idle.compareTo(persist) >= 0 && !firstClientTime) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Object> socketIdentity() {
        return SocketRemovalAtExit.identity(address.socket());
    }

    /** Stops serving: the pickers shown end (their clients restore their terminals), the sessions are hung up. */
    private void shutDown() {
        AFUNIXServerSocket server = listening;
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing a listening socket does not fail in a way that matters here
            }
        }
        // only the socket it bound: a socket nobody listens on is proved dead by the next server
        removalAtExit.ifPresent(SocketRemovalAtExit::removeNow);
        previews.close();
        clients.forEach(ClientConnection::serverStopping);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (clients.stream().anyMatch(ClientConnection::showsATerminal) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        served.ifArrived().ifPresent(made -> made.pickers().sessions().close());
    }

    /** Ends the server (from a client's {@code server stop}). */
    void stop() {
        stopped.countDown();
    }

    SessionHub sessions() {
        return pickers.sessions();
    }

    Previews previews() {
        return previews;
    }

    Pickers pickers() {
        return pickers;
    }

    ServedCommands commands() {
        return commands;
    }

    /** This server's version as {@code --version} says it, for people (read when asked). */
    String versionLine() {
        return versionLine.get();
    }

    String build() {
        return build;
    }

    /** The ssh config and settings file this server serves. */
    String pair() {
        return address.pair();
    }

    PrintStream log() {
        return log;
    }

    Instant started() {
        return started;
    }

    /** The clients that show a terminal now. */
    long terminalsShown() {
        return clients.stream().filter(ClientConnection::showsATerminal).count();
    }

    /** Whether any client but {@code except} shows a terminal. */
    boolean othersShown(ClientConnection except) {
        return clients.stream().anyMatch(client -> client != except && client.showsATerminal());
    }
}

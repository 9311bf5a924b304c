package dev.jhosts.master;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Settings;
import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The masters of one jhosts process: launches them in the background within the parallel cap,
 * knows each alias's state, finds masters already running, and checks, stops, exits or kills
 * them over the native mux protocol. Listeners hear every state change on a background thread.
 */
public final class MasterManager implements AutoCloseable {
    /** Discovery resolves at most this many aliases with {@code ssh -G}; the rest are not probed. */
    public static final int DISCOVERY_ALIAS_LIMIT = 256;

    private final Settings settings;
    private final SshOptionsResolver resolver;
    private final ControlDirectory directory;
    private final ControlPaths controlPaths;
    private final MasterProbe probe;
    private final MasterLauncher launcher;
    private final MasterKiller killer;
    private final LaunchRecords records;
    private final ExecutorService launches;
    private final ExecutorService probes;
    private final Map<String, MasterState> states = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<MasterState>> inFlight = new ConcurrentHashMap<>();
    private final Map<Path, ReentrantLock> socketLocks = new ConcurrentHashMap<>();
    private final Map<Path, Set<String>> aliasesBySocket = new ConcurrentHashMap<>();
    private final List<Consumer<MasterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> hostOptions = new ConcurrentHashMap<>();

    public MasterManager(Settings settings, Path sshConfig, ControlDirectory directory) {
        this.settings = settings;
        this.resolver = new SshOptionsResolver(settings.sshBinary(), sshConfig);
        this.directory = directory;
        this.controlPaths = new ControlPaths(directory);
        this.probe = new MasterProbe(settings.aliveCheckTimeout());
        this.launcher = new MasterLauncher(settings, sshConfig);
        this.killer = new MasterKiller(settings.killGrace(), probe);
        this.records = new LaunchRecords(directory);
        this.launches = Executors.newFixedThreadPool(settings.maxParallelLaunches(), daemonThreads("jhosts-launch"));
        this.probes = Executors.newFixedThreadPool(8, daemonThreads("jhosts-probe"));
    }

    /** The resolver this manager uses, so callers share its {@code ssh -G} cache. */
    public SshOptionsResolver resolver() {
        return resolver;
    }

    /**
     * Makes a host of jhosts' own known to ssh: its HostName, User and Port are given as
     * {@code -o} options to every ssh run for it (ssh's command line wins over the config).
     */
    public void addExtraHost(Host host) {
        List<String> options = new ArrayList<>(List.of("-o", "HostName=" + host.hostname()));
        if (!host.user().isEmpty()) {
            options.addAll(List.of("-o", "User=" + host.user()));
        }
        if (host.port() > 0) {
            options.addAll(List.of("-o", "Port=" + host.port()));
        }
        hostOptions.put(host.alias(), List.copyOf(options));
    }

    /** The ssh options a host needs beyond the ssh config (none for ssh config hosts). */
    public List<String> sshOptions(String alias) {
        return hostOptions.getOrDefault(alias, List.of());
    }

    public void addListener(Consumer<MasterEvent> listener) {
        listeners.add(listener);
    }

    /** The ControlPath for an alias ({@code ssh -G}, cached), checked for length. */
    public ControlPath controlPath(String alias) throws MasterException {
        try {
            ControlPath path = controlPaths.forHost(resolver.resolve(alias, sshOptions(alias)));
            aliasesBySocket.computeIfAbsent(path.socket(), s -> ConcurrentHashMap.newKeySet()).add(alias);
            return path;
        } catch (SshOptionsResolver.ResolveException e) {
            throw new MasterException(alias + ": " + e.getMessage(), e);
        }
    }

    /** The last known state of an alias's master; never blocks. */
    public MasterState state(String alias) {
        return states.getOrDefault(alias, new MasterState.None());
    }

    /** Looks at the alias's ControlPath now (removing a stale socket) and returns what is there. */
    public MasterState refresh(String alias) {
        try {
            ControlPath path = controlPath(alias);
            MasterState state = observe(path.socket());
            publish(path.socket(), state);
            return state;
        } catch (MasterException e) {
            MasterState failed = new MasterState.Failed(e.getMessage(), false);
            publish(alias, failed);
            return failed;
        }
    }

    /** The live master of an alias, checked now. */
    public Optional<LiveMaster> live(String alias) throws MasterException {
        ControlPath path = controlPath(alias);
        if (probe.probe(path.socket()) instanceof Probe.Alive alive) {
            return Optional.of(new LiveMaster(path.socket(), alive.pid()));
        }
        return Optional.empty();
    }

    /**
     * Makes sure the alias has a master: reuses a live one, removes a stale socket, else launches
     * ssh in the background (BatchMode: never prompts). At most {@code max-parallel-launches}
     * run at once; a second call for an alias being started joins the first.
     */
    public CompletableFuture<MasterState> start(String alias) {
        return inFlight.computeIfAbsent(alias, key -> {
            publish(alias, new MasterState.Starting());
            CompletableFuture<MasterState> future = CompletableFuture.supplyAsync(() -> launchOrReuse(alias), launches);
            future.whenComplete((state, error) -> inFlight.remove(alias));
            return future;
        });
    }

    private MasterState launchOrReuse(String alias) {
        ControlPath path;
        try {
            path = controlPath(alias);
        } catch (MasterException e) {
            return publish(alias, new MasterState.Failed(e.getMessage(), false));
        }
        ReentrantLock lock = socketLocks.computeIfAbsent(path.socket(), s -> new ReentrantLock());
        lock.lock();
        try {
            MasterState found = observe(path.socket());
            if (!(found instanceof MasterState.None)) {
                return publish(path.socket(), found);
            }
            return publish(path.socket(), launch(alias, path));
        } catch (MasterException e) {
            return publish(alias, new MasterState.Failed(e.getMessage(), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return publish(alias, new MasterState.Failed("interrupted", false));
        } finally {
            lock.unlock();
        }
    }

    private MasterState launch(String alias, ControlPath path) throws InterruptedException, MasterException {
        Instant started = Instant.now();
        LaunchOutcome outcome = launcher.launch(alias, sshOptions(alias), path,
                directory.recordFor(path.socket(), ".log"));
        if (outcome instanceof LaunchOutcome.Failed failed) {
            if (failed.reason().equals(MasterLauncher.ANOTHER_MASTER)) {
                return observe(path.socket());
            }
            return new MasterState.Failed(failed.reason(), failed.needsPrompt());
        }
        Probe after = probe.probe(path.socket());
        if (after instanceof Probe.Alive alive) {
            try {
                records.write(new LaunchRecord(path.socket(), List.of(alias), started, alive.pid()));
            } catch (IOException e) {
                // the master works; it will only be listed as not started by jhosts
            }
            return new MasterState.Live(alive.pid());
        }
        return new MasterState.Failed("ssh went to the background but " + path.socket() + " does not answer ("
                + describe(after) + ")", false);
    }

    /** What is at a socket, as a state; a stale socket is removed and reported as none. */
    private MasterState observe(Path socket) throws MasterException {
        Probe found = probe.probe(socket);
        if (found instanceof Probe.Stale) {
            probe.removeIfStale(socket);
            records.remove(socket);
            found = probe.probe(socket);
        }
        return toState(found);
    }

    private static MasterState toState(Probe found) {
        if (found instanceof Probe.Alive alive) {
            return new MasterState.Live(alive.pid());
        } else if (found instanceof Probe.Frozen frozen) {
            return new MasterState.Unresponsive(frozen.detail());
        } else if (found instanceof Probe.Refused refused) {
            return new MasterState.Failed(refused.detail(), false);
        }
        return new MasterState.None();
    }

    private static String describe(Probe found) {
        if (found instanceof Probe.Frozen frozen) {
            return frozen.detail();
        } else if (found instanceof Probe.Refused refused) {
            return refused.detail();
        } else if (found instanceof Probe.Stale) {
            return "connection refused";
        }
        return "no socket";
    }

    /** MUX_C_ALIVE_CHECK now; the probe's verdict. */
    public Probe check(Path socket) {
        Probe found = probe.probe(socket);
        publish(socket, toState(found));
        return found;
    }

    /** MUX_C_STOP_LISTENING: no new sessions; running ones finish, then the master exits. */
    public void stop(Path socket) throws MasterException {
        try (MuxClient client = MuxClient.connect(socket, settings.aliveCheckTimeout())) {
            client.stopListening();
        } catch (MuxException e) {
            throw new MasterException("stop " + socket + ": " + muxProblem(e), e);
        }
        records.remove(socket);
        publish(socket, new MasterState.None());
    }

    /** MUX_C_TERMINATE: the master exits now; running sessions end. */
    public void exit(Path socket) throws MasterException {
        try (MuxClient client = MuxClient.connect(socket, settings.aliveCheckTimeout())) {
            client.terminate();
        } catch (MuxException e) {
            throw new MasterException("exit " + socket + ": " + muxProblem(e), e);
        }
        records.remove(socket);
        publish(socket, new MasterState.None());
    }

    /**
     * Signals the master's process (SIGTERM, then SIGKILL) and removes its socket; works on a
     * master that no longer answers. Returns the pid that was signalled.
     */
    public long kill(Path socket) throws MasterException {
        long pid = masterPid(socket).orElseThrow(() ->
                new MasterException("no master process found for " + socket));
        try {
            killer.kill(pid, socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasterException("interrupted while killing " + pid);
        }
        records.remove(socket);
        publish(socket, new MasterState.None());
        return pid;
    }

    private OptionalLong masterPid(Path socket) {
        if (probe.probe(socket) instanceof Probe.Alive alive) {
            return OptionalLong.of(alive.pid());
        }
        OptionalLong listener = ListenerPids.find(socket);
        if (listener.isPresent()) {
            return listener;
        }
        return records.find(socket)
                .filter(launch -> launch.pid() > 0 && ProcessHandle.of(launch.pid()).map(ProcessHandle::isAlive).orElse(false))
                .map(launch -> OptionalLong.of(launch.pid()))
                .orElse(OptionalLong.empty());
    }

    /**
     * Learns the ControlPaths of {@code aliases} (the first {@link #DISCOVERY_ALIAS_LIMIT}), one
     * {@code ssh -G} at a time, so that {@code discover} finds the masters at them: for the
     * background, where leaving the other core to the user matters more than finishing soon.
     */
    public void learnControlPaths(Collection<String> aliases) {
        aliases.stream().limit(DISCOVERY_ALIAS_LIMIT).forEach(this::learnControlPath);
    }

    private void learnControlPath(String alias) {
        try {
            controlPath(alias);
        } catch (MasterException unresolvable) {
            // an alias ssh -G rejects has no master to find
        }
    }

    /**
     * Every master jhosts can find: those it launched, every socket in its control directory,
     * and those at the ControlPaths of {@code aliases} (the first {@link #DISCOVERY_ALIAS_LIMIT}).
     * Stale sockets are removed on the way; sockets with nothing behind them are left out.
     */
    public List<MasterInfo> discover(Collection<String> aliases) {
        List<CompletableFuture<Void>> resolutions = aliases.stream()
                .limit(DISCOVERY_ALIAS_LIMIT)
                .map(alias -> CompletableFuture.runAsync(() -> learnControlPath(alias), probes))
                .toList();
        resolutions.forEach(CompletableFuture::join);

        Set<Path> sockets = new LinkedHashSet<>();
        records.all().forEach(launch -> sockets.add(launch.socket()));
        sockets.addAll(socketsInDirectory());
        sockets.addAll(aliasesBySocket.keySet());

        Map<Path, CompletableFuture<Optional<MasterInfo>>> probed = new LinkedHashMap<>();
        for (Path socket : sockets) {
            probed.put(socket, CompletableFuture.supplyAsync(() -> describe(socket), probes));
        }
        List<MasterInfo> found = new ArrayList<>();
        probed.values().forEach(future -> future.join().ifPresent(found::add));
        return found;
    }

    private Optional<MasterInfo> describe(Path socket) {
        MasterState state;
        try {
            state = observe(socket);
        } catch (MasterException e) {
            state = new MasterState.Failed(e.getMessage(), false);
        }
        if (state instanceof MasterState.None) {
            records.remove(socket);
            publishGone(socket);
            return Optional.empty();
        }
        publish(socket, state);
        Optional<LaunchRecord> launch = records.find(socket);
        long pid = state instanceof MasterState.Live live ? live.pid() : 0;
        boolean ours = launch.isPresent() && (pid == 0 || launch.get().pid() == pid);
        Set<String> aliases = new LinkedHashSet<>(aliasesBySocket.getOrDefault(socket, Set.of()));
        if (ours) {
            aliases.addAll(launch.get().aliases());
        }
        Instant startedAt = ours ? launch.get().started() : processStart(pid);
        return Optional.of(new MasterInfo(socket, List.copyOf(aliases), state, ours, startedAt));
    }

    private static Instant processStart(long pid) {
        if (pid <= 0) {
            return Instant.EPOCH;
        }
        return ProcessHandle.of(pid).flatMap(process -> process.info().startInstant()).orElse(Instant.EPOCH);
    }

    private List<Path> socketsInDirectory() {
        List<Path> sockets = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.path())) {
            for (Path file : files) {
                if (Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).isOther()) {
                    sockets.add(file);
                }
            }
        } catch (IOException ignored) {
            // an unreadable directory holds nothing we can use
        }
        return sockets;
    }

    /**
     * A master seen before has gone (ControlPersist ran out, someone stopped it): its aliases go
     * back to none. A failed or starting launch keeps its state; its reason still matters.
     */
    private void publishGone(Path socket) {
        for (String alias : aliasesBySocket.getOrDefault(socket, Set.of())) {
            MasterState known = state(alias);
            if (known instanceof MasterState.Live || known instanceof MasterState.Unresponsive) {
                publish(alias, new MasterState.None());
            }
        }
    }

    private MasterState publish(Path socket, MasterState state) {
        for (String alias : aliasesBySocket.getOrDefault(socket, Set.of())) {
            publish(alias, state);
        }
        return state;
    }

    private MasterState publish(String alias, MasterState state) {
        MasterState previous = states.put(alias, state);
        if (!state.equals(previous)) {
            if (Boolean.getBoolean("jhosts.debug")) {
                // Looked up only when debugging: the first System.Logger loads java.util.logging.
                System.getLogger(MasterManager.class.getName()).log(System.Logger.Level.DEBUG,
                        "master {0}: {1}", alias, state);
            }
            MasterEvent event = new MasterEvent(alias, state);
            listeners.forEach(listener -> listener.accept(event));
        }
        return state;
    }

    private static String muxProblem(MuxException e) {
        if (e instanceof MuxException.NoSocket) {
            return "no master is running";
        } else if (e instanceof MuxException.Refused) {
            return "the master is gone (stale socket)";
        } else if (e instanceof MuxException.Timeout) {
            return "the master does not answer (use kill)";
        }
        return e.getMessage();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        launches.shutdownNow();
        probes.shutdownNow();
    }
}

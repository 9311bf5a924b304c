package dev.jhosts.master;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Settings;
import dev.jhosts.mux.Forward;
import dev.jhosts.mux.LocalUser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The masters of one jhosts process, put together from one part per job: the ControlPath index,
 * the state store, launches, control and discovery. This type only wires them and forwards to
 * them; it hands none of them out.
 */
public final class Masters implements AutoCloseable {
    /** Discovery learns the ControlPaths of at most this many aliases with {@code ssh -G}. */
    public static final int DISCOVERY_ALIAS_LIMIT = 256;

    private final HostConfigs hosts;
    private final ControlPathIndex index;
    private final MasterStates states;
    private final SocketStates socketStates;
    private final SocketInspector inspector;
    private final Launches launches;
    private final MasterControl control;
    private final Discovery discovery;
    private final MasterForwards forwards;
    private final ExecutorService launchThreads;
    private final ExecutorService probeThreads;
    private final String sshBinary;
    private final Path sshConfig;

    public Masters(Settings settings, Path sshConfig, ControlDirectory directory, HostConfigs hosts) {
        this(settings, sshConfig, directory, hosts, new LatestTerminal());
    }

    /** As above, the masters made with the agent and display of the terminal the user came from last. */
    public Masters(Settings settings, Path sshConfig, ControlDirectory directory, HostConfigs hosts,
            LatestTerminal terminal) {
        this(settings, sshConfig, directory, hosts, new MuxMasterProbe(settings.aliveCheckTimeout()),
                new SshMasterLauncher(settings, sshConfig, terminal));
    }

    /** With another probe and launcher (tests). */
    public Masters(Settings settings, Path sshConfig, ControlDirectory directory, HostConfigs hosts,
            MasterProbe probe, MasterLauncher launcher) {
        this.hosts = hosts;
        this.sshBinary = settings.sshBinary();
        this.sshConfig = sshConfig;
        this.index = new ControlPathIndex(hosts, new ControlPaths(directory));
        this.states = new MasterStates();
        this.socketStates = new SocketStates(states, index);
        LaunchRecords records = new LaunchRecords(directory);
        this.inspector = new SocketInspector(probe, records);
        this.launchThreads = Executors.newFixedThreadPool(settings.maxParallelLaunches(), daemonThreads("jhosts-launch"));
        this.probeThreads = Executors.newFixedThreadPool(8, daemonThreads("jhosts-probe"));
        this.launches = new Launches(hosts, index, states, probe, launcher, records, directory,
                (jump, socket) -> JumpProxyCommand.routeOptions(settings.sshBinary(), sshConfig, socket, jump.destination()),
                launchThreads, Clock.systemUTC());
        MasterKiller killer = new MasterKiller(settings.killGrace(), probe, settings.sshBinary(), LocalUser.uid());
        this.control = new MasterControl(index, states, probe, killer, records, settings.aliveCheckTimeout());
        this.discovery = new Discovery(index, states, probe, records, directory, probeThreads);
        this.forwards = new MasterForwards(new ForwardRecords(directory), records, directory, hosts,
                settings.aliveCheckTimeout(), Clock.systemUTC());
    }

    public void addListener(Consumer<MasterEvent> listener) {
        states.addListener(listener);
    }

    /** Stops telling {@code listener} (a picker that ended; the masters go on). */
    public void removeListener(Consumer<MasterEvent> listener) {
        states.removeListener(listener);
    }

    /** The ControlPath for an alias ({@code ssh -G}, cached), checked for length. */
    public ControlPath controlPath(String alias) throws MasterException {
        return index.pathOf(hosts.target(alias));
    }

    /** The last known state of an alias's master; never blocks. */
    public MasterState state(String alias) {
        return states.state(alias);
    }

    /** The aliases whose master is known live, with their states; never blocks. */
    public Map<String, MasterState> liveStates() {
        return states.live();
    }

    /** Looks at the alias's ControlPath now (removing a stale socket) and returns what is there. */
    public MasterState refresh(String alias) {
        long ticket = states.beginObservation();
        try {
            ControlPath path = controlPath(alias);
            MasterState state = inspector.look(path.socket());
            socketStates.observed(path.socket(), state, ticket);
            return state;
        } catch (MasterException e) {
            MasterState failed = new MasterState.Failed(e.getMessage(), false);
            states.decided(alias, failed);
            return failed;
        }
    }

    /** The live master of an alias, checked now. */
    public Optional<LiveMaster> live(String alias) throws MasterException {
        ControlPath path = controlPath(alias);
        Probe found = inspector.probe(path.socket());
        if (found instanceof Probe.Untrusted untrusted) {
            throw new MasterException(untrusted.detail());
        }
        if (found instanceof Probe.Alive alive) {
            return Optional.of(new LiveMaster(path.socket(), alive.pid()));
        }
        return Optional.empty();
    }

    /**
     * The options that make a plain ssh for {@code alias} ride its jump host's live master (a
     * ProxyCommand through it), so that ssh run on the terminal to answer a prompt does not log
     * in to the bastion again; none when the host has no jump or its jump has no live master.
     */
    public List<String> routeOptions(String alias) {
        return liveJump(alias)
                .map(jump -> JumpProxyCommand.routeOptions(sshBinary, sshConfig, jump.socket(), jump.label()))
                .orElse(List.of());
    }

    /**
     * Where ssh connects first for {@code alias} (the host, or its first jump hop), unresolved;
     * none behind a ProxyCommand. Runs {@code ssh -G} for each hop not asked before.
     */
    public Optional<java.net.InetSocketAddress> firstHop(String alias) throws MasterException {
        return FirstHop.of(hosts, hosts.target(alias));
    }

    /**
     * The control socket of the live master {@code alias}'s master would ride (its last jump
     * hop's), if any, for probes. None when that jump host's master asks to confirm each use
     * (ControlMaster ask/autoask): every probe through it would put "Allow forward to …?" to the
     * user (mux.c asks for each MUX_C_NEW_STDIO_FWD), and probes never ask.
     */
    public Optional<Path> liveJumpSocket(String alias) {
        return liveJump(alias).filter(jump -> !jumpConfirms(alias)).map(Via::socket);
    }

    private boolean jumpConfirms(String alias) {
        try {
            Optional<MasterTarget> jump = JumpRoute.jumpOf(hosts.resolve(hosts.target(alias)));
            return jump.isPresent() && hosts.resolve(jump.get()).confirmsEachUse();
        } catch (MasterException unresolvable) {
            return true;
        }
    }

    /** Whether {@code alias}'s master asks the user to confirm each new session (ControlMaster ask/autoask). */
    public boolean confirmsEachUse(String alias) {
        try {
            return hosts.resolve(hosts.target(alias)).confirmsEachUse();
        } catch (MasterException unresolvable) {
            return false;
        }
    }

    /** The jump master of {@code alias}, as its destination and socket, when it answers. */
    private Optional<Via> liveJump(String alias) {
        try {
            Optional<MasterTarget> jump = JumpRoute.jumpOf(hosts.resolve(hosts.target(alias)));
            if (jump.isPresent()) {
                Path socket = index.pathOf(jump.get()).socket();
                if (inspector.probe(socket) instanceof Probe.Alive) {
                    return Optional.of(new Via(jump.get().destination(), socket));
                }
            }
        } catch (MasterException unresolvable) {
            // ssh will say what is wrong when it runs
        }
        return Optional.empty();
    }

    /**
     * Makes sure the alias has a master (and its jump hosts theirs first), in the background,
     * never prompting; completes with its state.
     */
    public CompletableFuture<MasterState> start(String alias) {
        return launches.start(hosts.target(alias));
    }

    /**
     * As {@link #start(String)}, but a launch that needs the user (a password, an OTP, a
     * passphrase, an unknown host key — the host's or a jump host's) asks through {@code channel}.
     */
    public CompletableFuture<MasterState> start(String alias, PromptChannel channel) {
        return launches.start(hosts.target(alias), new Prompting.Through(channel));
    }

    /** As {@link #start(String)}, letting ssh ask on this process's controlling terminal. */
    public CompletableFuture<MasterState> startOnTerminal(String alias) {
        return launches.start(hosts.target(alias), new Prompting.OnTerminal());
    }

    public Probe check(Path socket) {
        return control.check(socket);
    }

    /** The masters that ride the one at {@code socket}, by name. */
    public List<String> dependants(Path socket) {
        return control.dependants(socket);
    }

    /** What {@code action} would do to the masters riding {@code socket}; empty when none do. */
    public Optional<String> dependantsWarning(MasterControl.Action action, Path socket) {
        return control.warning(action, socket);
    }

    public void stop(Path socket, boolean cutDependants) throws MasterException {
        control.stop(socket, cutDependants);
    }

    public void exit(Path socket, boolean cutDependants) throws MasterException {
        control.exit(socket, cutDependants);
    }

    public long kill(Path socket, boolean cutDependants) throws MasterException {
        return control.kill(socket, cutDependants);
    }

    /** Adds a hook told of every master this process makes (not of those it finds), before the launch completes. */
    public void onLaunch(LaunchHook hook) {
        launches.addHook(hook);
    }

    /**
     * Opens {@code forwards} (ssh's -L/-R/-D, by alias) on every master made for that alias from
     * now on; a forward the master refuses is noted with the master's reason (the lists show it
     * as failed) and told to {@code problems}.
     */
    public void openOnLaunch(Map<String, List<Forward>> forwards, Consumer<String> problems) {
        if (!forwards.isEmpty()) {
            onLaunch(new AutoForwards(forwards, this.forwards, problems));
        }
    }

    /**
     * The forwards of the live master of {@code alias}: those jhosts opened (from any jhosts
     * process while this master lives), then the config's.
     */
    public List<ListedForward> forwards(String alias) throws MasterException {
        return forwards(controlPath(alias).socket(), List.of(alias));
    }

    /** The forwards of the live master at {@code socket}, which {@code aliases} use (the status pane's row). */
    public List<ListedForward> forwards(Path socket, Collection<String> aliases) throws MasterException {
        Set<MasterTarget> targets = new LinkedHashSet<>(index.targetsAt(socket));
        for (String alias : aliases) {
            MasterTarget target = hosts.target(alias);
            if (index.known(target).map(path -> path.socket().equals(socket)).orElse(true)) {
                targets.add(target);
            }
        }
        return this.forwards.list(socket, targets);
    }

    /**
     * The forwards jhosts opened ({@code jhosts forward}, the status pane) on the last master of
     * {@code alias}, also one that just died: to open again on its next master. Read it before
     * that master is made (a launch forgets the dead one's records).
     */
    public List<Forward> openedByJhosts(String alias) throws MasterException {
        return forwards.openedByJhosts(controlPath(alias).socket());
    }

    /**
     * Opens {@code forward} on the live master at {@code socket} (MUX_C_OPEN_FWD) and notes it,
     * so that later jhosts processes list it; for a remote forward on port 0, the result carries
     * the port the server chose. A refusal throws with the master's reason (its log's words when
     * jhosts made it: "Address already in use").
     */
    public ListedForward openForward(Path socket, Forward forward) throws MasterException {
        return this.forwards.open(socket, forward, ForwardOrigin.JHOSTS, false);
    }

    /**
     * Cancels {@code forward} on the master at {@code socket} (MUX_C_CLOSE_FWD) and forgets it;
     * one of the host's config ({@code origin} CONFIG) is noted as cancelled, so that the lists
     * stop showing it as open.
     */
    public void closeForward(Path socket, Forward forward, ForwardOrigin origin) throws MasterException {
        this.forwards.close(socket, forward, origin == ForwardOrigin.CONFIG);
    }

    /**
     * Learns the ControlPaths of {@code aliases} (the first {@link #DISCOVERY_ALIAS_LIMIT}), one
     * {@code ssh -G} at a time, so that {@link #discover} finds the masters at them: for the
     * background, where leaving the other core to the user matters more than finishing soon.
     */
    public void learnControlPaths(Collection<String> aliases) {
        index.learn(aliases.stream().limit(DISCOVERY_ALIAS_LIMIT).map(hosts::target).toList());
    }

    /**
     * Every master jhosts can find: those it launched, every socket in its control directory, and
     * those at the ControlPaths of {@code aliases} (the first {@link #DISCOVERY_ALIAS_LIMIT}),
     * whose {@code ssh -G} runs in parallel first.
     */
    public List<MasterInfo> discover(Collection<String> aliases) {
        List<CompletableFuture<Void>> learning = aliases.stream().limit(DISCOVERY_ALIAS_LIMIT)
                .map(alias -> CompletableFuture.runAsync(() -> index.learn(List.of(hosts.target(alias))), probeThreads))
                .toList();
        learning.forEach(CompletableFuture::join);
        return discovery.list();
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
        launchThreads.shutdownNow();
        probeThreads.shutdownNow();
        states.close();
    }
}

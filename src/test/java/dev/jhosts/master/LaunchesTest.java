package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.EffectiveOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launch orchestration, discovery and the state store with a fake launcher and probe: no ssh, no sshd. */
class LaunchesTest {
    @TempDir
    Path temp;

    private ControlDirectory directory;
    private final FakeProbe probe = new FakeProbe();
    private final FakeLauncher launcher = new FakeLauncher(probe);
    private final Map<String, String> proxyJumps = new ConcurrentHashMap<>();
    private final List<MasterEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> eventThreads = new CopyOnWriteArrayList<>();
    private final MasterStates states = new MasterStates();
    private ExecutorService pool;
    private ControlPathIndex index;
    private LaunchRecords records;

    @BeforeEach
    void setUp() throws Exception {
        directory = ControlDirectory.prepare(temp.resolve("c"));
        records = new LaunchRecords(directory);
        index = new ControlPathIndex(this::resolve, new ControlPaths(directory));
        states.addListener(event -> {
            events.add(event);
            eventThreads.add(Thread.currentThread().getName());
        });
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
        states.close();
    }

    /** ssh -G as a fake: the destination is the host name; ProxyJump from the test's table unless overridden. */
    private EffectiveOptions resolve(MasterTarget target) {
        String jump = proxyJumps.getOrDefault(target.destination(), "none");
        for (int i = 0; i + 1 < target.options().size(); i += 2) {
            if (target.options().get(i + 1).startsWith("ProxyJump=")) {
                jump = target.options().get(i + 1).substring("ProxyJump=".length());
            }
        }
        return new EffectiveOptions(target.destination(), Map.of(
                "hostname", List.of(target.destination() + ".example"),
                "port", List.of("22"), "user", List.of("me"), "proxyjump", List.of(jump)));
    }

    private Launches launches(Executor executor) {
        return new Launches(this::resolve, index, states, probe, launcher, records, directory,
                (jump, socket) -> List.of("-o", "ProxyCommand=through " + socket), executor, Clock.systemUTC());
    }

    private static MasterTarget alias(String name) {
        return MasterTarget.alias(name, HostOptions.none());
    }

    @Test
    void aLaunchThatFinishesAtOnceLeavesNothingInFlight() throws Exception {
        // A same-thread executor completes the launch before start() returns: the old code then
        // removed the in-flight entry inside computeIfAbsent (a swallowed "Recursive update")
        // and the alias was never launched again.
        launcher.fail("web", "Connection refused");
        Launches launches = launches(Runnable::run);

        assertThat(launches.start(alias("web")).get(5, TimeUnit.SECONDS)).isInstanceOf(MasterState.Failed.class);
        assertThat(launches.inFlight(alias("web"))).isFalse();
        launches.start(alias("web")).get(5, TimeUnit.SECONDS);
        assertThat(launcher.launchedDestinations()).containsExactly("web", "web");
    }

    @Test
    void eachChangeIsHeardOnceOnTheStoresThreadInOrder() throws Exception {
        pool = Executors.newFixedThreadPool(4);
        Launches launches = launches(pool);

        MasterState state = launches.start(alias("web")).get(5, TimeUnit.SECONDS);
        awaitEvents(2);

        assertThat(state).isInstanceOf(MasterState.Live.class);
        assertThat(events).containsExactly(new MasterEvent("web", new MasterState.Starting()), new MasterEvent("web", state));
        assertThat(Set.copyOf(eventThreads)).containsExactly("jhosts-master-events");
    }

    @Test
    void aListingThatBeganBeforeALaunchFinishedDoesNotUndoIt() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        Launches launches = launches(pool);
        Path socket = index.pathOf(alias("web")).socket();
        Discovery discovery = new Discovery(index, states, probe, records, directory, Runnable::run);
        // The listing probes the socket, finds nothing, and only then does the launch finish
        // and publish Live; the listing's "none" arrives last.
        probe.beforeAnswer(socket, () -> launches.start(alias("web")).join());

        List<MasterInfo> listed = discovery.list();

        assertThat(listed).isEmpty();
        assertThat(states.state("web")).isInstanceOf(MasterState.Live.class);
    }

    @Test
    void storeKeepsTheNewestAndALaunchsReasonOverAnEmptyListing() {
        long before = states.beginObservation();
        states.decided("web", new MasterState.Live(7));
        states.observed("web", new MasterState.None(), before);
        assertThat(states.state("web")).isEqualTo(new MasterState.Live(7));

        states.observed("web", new MasterState.None(), states.beginObservation());
        assertThat(states.state("web")).isEqualTo(new MasterState.None());

        states.decided("web", new MasterState.Failed("Permission denied", true));
        states.observed("web", new MasterState.None(), states.beginObservation());
        assertThat(states.state("web")).isEqualTo(new MasterState.Failed("Permission denied", true));
        states.observed("web", new MasterState.Live(8), states.beginObservation());
        assertThat(states.state("web")).isEqualTo(new MasterState.Live(8));
    }

    @Test
    void hostsBehindABastionRideOneBastionMasterMadeFirst() throws Exception {
        proxyJumps.put("a", "bastion");
        proxyJumps.put("b", "bastion");
        proxyJumps.put("c", "bastion");
        // one launch at a time: a host waiting for its jump must not hold the only thread
        pool = Executors.newFixedThreadPool(1);
        Launches launches = launches(pool);

        List<MasterState> results = new ArrayList<>();
        for (String host : List.of("a", "b", "c")) {
            results.add(launches.start(alias(host)).get(10, TimeUnit.SECONDS));
        }

        assertThat(results).allMatch(state -> state instanceof MasterState.Live);
        assertThat(launcher.launchedDestinations()).containsExactly("bastion", "a", "b", "c");
        Path bastionSocket = index.pathOf(alias("bastion")).socket();
        for (LaunchRequest request : launcher.requests().subList(1, 4)) {
            assertThat(request.routeOptions()).containsExactly("-o", "ProxyCommand=through " + bastionSocket);
        }
        LaunchRecord a = records.find(index.pathOf(alias("a")).socket()).orElseThrow();
        assertThat(a.via()).containsExactly(new Via("bastion", bastionSocket));
    }

    @Test
    void aTwoHopChainGoesHopByHop() throws Exception {
        proxyJumps.put("inner", "outer,middle");
        pool = Executors.newFixedThreadPool(2);
        Launches launches = launches(pool);

        assertThat(launches.start(alias("inner")).get(10, TimeUnit.SECONDS)).isInstanceOf(MasterState.Live.class);

        assertThat(launcher.launchedDestinations()).containsExactly("outer", "middle", "inner");
        LaunchRequest middle = launcher.requests().get(1);
        assertThat(middle.target().options()).containsExactly("-o", "ProxyJump=outer");
        assertThat(middle.routeOptions()).containsExactly("-o", "ProxyCommand=through "
                + index.pathOf(alias("outer")).socket());
        LaunchRecord inner = records.find(index.pathOf(alias("inner")).socket()).orElseThrow();
        assertThat(inner.via()).extracting(Via::label).containsExactly("outer", "middle via outer");
    }

    @Test
    void aFailedJumpFailsItsDependantsWithTheJumpsReason() throws Exception {
        proxyJumps.put("a", "bastion");
        launcher.fail("bastion", "Permission denied (publickey).");
        pool = Executors.newFixedThreadPool(2);
        Launches launches = launches(pool);

        MasterState state = launches.start(alias("a")).get(10, TimeUnit.SECONDS);

        assertThat(state).isEqualTo(new MasterState.Failed("via bastion: Permission denied (publickey).", true));
        assertThat(launcher.launchedDestinations()).containsExactly("bastion");
    }

    @Test
    void aJumpGivenAsUserHostPortGetsAMasterOfItsOwn() throws Exception {
        proxyJumps.put("a", "ops@gw.example.org:2222");
        pool = Executors.newFixedThreadPool(2);
        Launches launches = launches(pool);

        assertThat(launches.start(alias("a")).get(10, TimeUnit.SECONDS)).isInstanceOf(MasterState.Live.class);

        LaunchRequest jump = launcher.requests().get(0);
        assertThat(jump.target().destination()).isEqualTo("gw.example.org");
        assertThat(jump.target().options()).containsExactly("-o", "User=ops", "-o", "Port=2222");
        assertThat(jump.target().label()).isEqualTo("ops@gw.example.org:2222");
    }

    @Test
    void hooksHearOfTheMastersMadeBeforeTheLaunchCompletesAndNotOfThoseReused() throws Exception {
        proxyJumps.put("a", "bastion");
        pool = Executors.newFixedThreadPool(2);
        Launches launches = launches(pool);
        List<String> heard = new CopyOnWriteArrayList<>();
        launches.addHook((target, master) -> heard.add(target.label() + " pid " + master.pid()));
        launches.addHook((target, master) -> {
            throw new IllegalStateException("a failing hook does not undo the master");
        });

        assertThat(launches.start(alias("a")).get(10, TimeUnit.SECONDS)).isInstanceOf(MasterState.Live.class);
        assertThat(heard).containsExactly("bastion pid 1001", "a pid 1002");
        assertThat(launches.start(alias("a")).get(10, TimeUnit.SECONDS)).isInstanceOf(MasterState.Live.class);
        launcher.fail("broken", "Connection refused");
        assertThat(launches.start(alias("broken")).get(10, TimeUnit.SECONDS)).isInstanceOf(MasterState.Failed.class);
        assertThat(heard).as("a reused master and a failed launch are not heard of").hasSize(2);
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(50); // and nothing more arrives
    }

    /** A socket probe answering from a table; a hook may run before an answer (to stage a race). */
    static final class FakeProbe implements MasterProbe {
        private final Map<Path, Probe> answers = new ConcurrentHashMap<>();
        private final Map<Path, Runnable> hooks = new ConcurrentHashMap<>();

        void set(Path socket, Probe probe) {
            answers.put(socket, probe);
        }

        void beforeAnswer(Path socket, Runnable hook) {
            hooks.put(socket, hook);
        }

        @Override
        public Probe probe(Path socket) {
            Probe answer = answers.getOrDefault(socket, new Probe.Absent());
            Runnable hook = hooks.remove(socket);
            if (hook != null) {
                hook.run();
            }
            return answer;
        }

        @Override
        public boolean removeIfStale(Path socket) {
            answers.remove(socket);
            return true;
        }
    }

    /** A launcher that makes the probe answer Alive at the socket, or fails for chosen destinations. */
    static final class FakeLauncher implements MasterLauncher {
        private final FakeProbe probe;
        private final Map<String, String> failures = new ConcurrentHashMap<>();
        private final List<LaunchRequest> requests = new CopyOnWriteArrayList<>();
        private final AtomicLong pids = new AtomicLong(1000);

        FakeLauncher(FakeProbe probe) {
            this.probe = probe;
        }

        void fail(String destination, String reason) {
            failures.put(destination, reason);
        }

        List<LaunchRequest> requests() {
            return requests;
        }

        List<String> launchedDestinations() {
            return requests.stream().map(request -> request.target().destination()).toList();
        }

        @Override
        public LaunchOutcome launch(LaunchRequest request) {
            requests.add(request);
            String reason = failures.get(request.target().destination());
            if (reason != null) {
                return new LaunchOutcome.Failed(reason, SshMasterLauncher.needsPrompt(reason));
            }
            probe.set(request.controlPath().socket(), new Probe.Alive(pids.incrementAndGet()));
            return new LaunchOutcome.Launched();
        }
    }

}

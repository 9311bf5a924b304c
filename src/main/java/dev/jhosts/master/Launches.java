package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * Makes masters in the background: reuses a live one, removes a stale socket, else launches.
 * Each step that can wait (ssh -G, a launch) is one task on the launch executor, whose size is
 * the parallel cap; a host behind a jump host waits for the jump's master without holding a
 * task, so a chain counts once per hop and a cap of one cannot deadlock. A second start of a
 * target that is being made joins the first.
 */
public final class Launches {
    private final TargetResolver resolver;
    private final ControlPathIndex index;
    private final MasterStates states;
    private final SocketStates socketStates;
    private final SocketInspector inspector;
    private final MasterLauncher launcher;
    private final LaunchRecords records;
    private final ControlDirectory directory;
    private final BiFunction<MasterTarget, Path, List<String>> routeThrough;
    private final Executor executor;
    private final Clock clock;
    private final Map<MasterTarget, CompletableFuture<Made>> inFlight = new ConcurrentHashMap<>();
    private final Map<Path, ReentrantLock> socketLocks = new ConcurrentHashMap<>();
    private final List<LaunchHook> hooks = new CopyOnWriteArrayList<>();

    /** How a target ended up, with what a dependant needs to ride it. */
    private record Made(MasterState state, Optional<Via> self, List<Via> via) {
        static Made failed(MasterState state) {
            return new Made(state, Optional.empty(), List.of());
        }
    }

    /**
     * @param routeThrough the ssh options that make a launch ride the master of the given jump target at the given socket
     * @param executor runs the launches; its size is the parallel cap
     */
    public Launches(TargetResolver resolver, ControlPathIndex index, MasterStates states, MasterProbe probe,
            MasterLauncher launcher, LaunchRecords records, ControlDirectory directory,
            BiFunction<MasterTarget, Path, List<String>> routeThrough, Executor executor, Clock clock) {
        this.resolver = resolver;
        this.index = index;
        this.states = states;
        this.socketStates = new SocketStates(states, index);
        this.inspector = new SocketInspector(probe, records);
        this.launcher = launcher;
        this.records = records;
        this.directory = directory;
        this.routeThrough = routeThrough;
        this.executor = executor;
        this.clock = clock;
    }

    /** Makes sure {@code target} has a master, never prompting; completes with its state (never exceptionally). */
    public CompletableFuture<MasterState> start(MasterTarget target) {
        return start(target, new Prompting.Never());
    }

    /**
     * As {@link #start(MasterTarget)}; with {@link Prompting.Through}, the launches that need the
     * user (the target's, and its jump hosts') ask through the channel instead of failing.
     */
    public CompletableFuture<MasterState> start(MasterTarget target, Prompting prompts) {
        return made(target, prompts).thenApply(Made::state);
    }

    /** Adds a hook told of every master this makes (not of those it reuses), before the launch completes. */
    public void addHook(LaunchHook hook) {
        hooks.add(hook);
    }

    /** Whether a start of {@code target} is under way. */
    public boolean inFlight(MasterTarget target) {
        return inFlight.containsKey(target);
    }

    private CompletableFuture<Made> made(MasterTarget target, Prompting prompts) {
        CompletableFuture<Made> mine = new CompletableFuture<>();
        CompletableFuture<Made> running;
        while ((running = inFlight.putIfAbsent(target, mine)) != null) {
            if (!running.isDone()) {
                if (prompts instanceof Prompting.Through) {
                    // A launch under way may fail for want of an answer, and its failure can reach
                    // the picker before it leaves the map: ask (again) after it, if so.
                    return running.thenCompose(done -> needsUser(done.state())
                            ? made(target, prompts) : CompletableFuture.completedFuture(done));
                }
                return running;
            }
            inFlight.remove(target, running);
        }
        states.decided(target.label(), new MasterState.Starting());
        // Completion happens outside the map's own methods: a removal run inside
        // computeIfAbsent (a launch that finished at once) is a recursive update.
        mine.whenComplete((made, error) -> inFlight.remove(target, mine));
        try {
            executor.execute(() -> prepare(target, prompts, mine));
        } catch (RuntimeException rejected) {
            finish(target, mine, Made.failed(new MasterState.Failed("launches are shut down", false)));
        }
        return mine;
    }

    /** Learns where the master goes and which master it rides, then launches (now or after the jump's). */
    private void prepare(MasterTarget target, Prompting prompts, CompletableFuture<Made> result) {
        try {
            EffectiveOptions options = resolver.resolve(target);
            ControlPath path = index.pathOf(target, options);
            Optional<MasterTarget> jump = JumpRoute.jumpOf(options);
            boolean confirms = options.confirmsEachUse();
            if (jump.isEmpty()) {
                finish(target, result, launchOrReuse(target, path, List.of(), List.of(), prompts, confirms));
                return;
            }
            MasterState here = inspector.look(path.socket());
            if (here instanceof MasterState.Live) {
                finish(target, result, reused(path, here));
                return;
            }
            made(jump.get(), prompts).whenComplete((jumpMade, error) -> {
                if (error != null || !(jumpMade.state() instanceof MasterState.Live)) {
                    finish(target, result, Made.failed(viaFailure(jump.get(), error == null ? jumpMade.state() : null)));
                    return;
                }
                Via via = jumpMade.self().orElseThrow();
                List<Via> chain = new ArrayList<>(jumpMade.via());
                chain.add(via);
                try {
                    List<String> route = routeThrough.apply(jump.get(), via.socket());
                    executor.execute(() -> finish(target, result, launchOrReuse(target, path, route, chain, prompts, confirms)));
                } catch (RuntimeException rejected) {
                    finish(target, result, Made.failed(new MasterState.Failed("launches are shut down", false)));
                }
            });
        } catch (MasterException e) {
            finish(target, result, Made.failed(new MasterState.Failed(e.getMessage(), false)));
        } catch (RuntimeException e) {
            finish(target, result, Made.failed(new MasterState.Failed(String.valueOf(e.getMessage()), false)));
        }
    }

    private static boolean needsUser(MasterState state) {
        return state instanceof MasterState.Failed failed && failed.needsPrompt();
    }

    private static MasterState viaFailure(MasterTarget jump, MasterState jumpState) {
        if (jumpState instanceof MasterState.Failed failed) {
            return new MasterState.Failed("via " + jump.label() + ": " + failed.reason(), failed.needsPrompt());
        }
        String word = jumpState == null ? "failed" : jumpState.word();
        return new MasterState.Failed("via " + jump.label() + ": its master is " + word, false);
    }

    private void finish(MasterTarget target, CompletableFuture<Made> result, Made made) {
        states.decided(target.label(), made.state());
        result.complete(made);
    }

    private Made reused(ControlPath path, MasterState state) {
        List<Via> via = records.find(path.socket()).map(LaunchRecord::via).orElse(List.of());
        socketStates.decided(path.socket(), state);
        return new Made(state, Optional.of(new Via(label(path), path.socket())), via);
    }

    private String label(ControlPath path) {
        return index.labelsAt(path.socket()).stream().sorted().findFirst().orElse(path.socket().getFileName().toString());
    }

    private Made launchOrReuse(MasterTarget target, ControlPath path, List<String> route, List<Via> chain,
            Prompting prompts, boolean confirms) {
        ReentrantLock lock = socketLocks.computeIfAbsent(path.socket(), socket -> new ReentrantLock());
        lock.lock();
        try {
            MasterState found = inspector.look(path.socket());
            if (!(found instanceof MasterState.None)) {
                return found instanceof MasterState.Live ? reused(path, found)
                        : Made.failed(socketStates.decided(path.socket(), found));
            }
            return launch(target, path, route, chain, prompts, confirms);
        } catch (MasterException e) {
            return Made.failed(new MasterState.Failed(e.getMessage(), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Made.failed(new MasterState.Failed("interrupted", false));
        } finally {
            lock.unlock();
        }
    }

    private Made launch(MasterTarget target, ControlPath path, List<String> route, List<Via> chain, Prompting prompts,
            boolean confirms) throws InterruptedException, MasterException {
        var started = clock.instant();
        LaunchOutcome outcome = launcher.launch(new LaunchRequest(target, route, path,
                directory.recordFor(path.socket(), ".log"), prompts, confirms));
        if (outcome instanceof LaunchOutcome.Failed failed) {
            if (failed.reason().equals(SshMasterLauncher.ANOTHER_MASTER)) {
                MasterState there = inspector.look(path.socket());
                return there instanceof MasterState.Live ? reused(path, there)
                        : Made.failed(socketStates.decided(path.socket(), there));
            }
            return Made.failed(socketStates.decided(path.socket(), new MasterState.Failed(failed.reason(), failed.needsPrompt())));
        }
        MasterPrompts kept = ((LaunchOutcome.Launched) outcome).prompts();
        Probe after = inspector.probe(path.socket());
        if (after instanceof Probe.Alive alive) {
            // the daemonised master's pid: its confirmations are served while it lives
            kept.keepWhile(alive.pid());
            try {
                records.write(new LaunchRecord(path.socket(), List.copyOf(index.labelsAt(path.socket())), started,
                        alive.pid(), chain));
            } catch (IOException e) {
                // the master works; it will only be listed as not started by jhosts
            }
            tellHooks(target, new LiveMaster(path.socket(), alive.pid()));
            MasterState live = socketStates.decided(path.socket(), new MasterState.Live(alive.pid()));
            return new Made(live, Optional.of(new Via(target.label(), path.socket())), chain);
        }
        kept.close();
        return Made.failed(socketStates.decided(path.socket(), new MasterState.Failed("ssh went to the background but "
                + path.socket() + " does not answer (" + SocketInspector.describe(after) + ")", false)));
    }

    /** A hook that fails does not undo the master: it is made, and the hook says its own problems. */
    private void tellHooks(MasterTarget target, LiveMaster master) {
        for (LaunchHook hook : hooks) {
            try {
                hook.launched(target, master);
            } catch (RuntimeException e) {
                // the hook's own business; the launch stands
            }
        }
    }
}

package dev.jhosts.tui;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.ProbeSettings;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.probe.JschHostProber;
import dev.jhosts.probe.ParallelProber;
import dev.jhosts.probe.ProbeTarget;
import dev.jhosts.probe.ProbeTargets;
import dev.jhosts.probe.Reachability;
import dev.jhosts.tui.state.UiEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Probes the hosts the list asks for, in the background: the highlighted one first, then those
 * on screen, at most {@code probe-parallelism} at a time, each again once its result is older
 * than {@code probe-interval}. A host behind a jump host is probed through the jump's live
 * master or not at all. Results come back as events; nothing here ever waits on the UI thread.
 */
final class ProbeWatch implements AutoCloseable {
    /** More than a screen holds; a request beyond it is cut. */
    private static final int MOST_PER_REQUEST = 80;

    private final HostConfigs hosts;
    private final Masters masters;
    private final ProbeSettings settings;
    private final Consumer<UiEvent> events;
    private final Clock clock;
    private final JschHostProber prober;
    private final ParallelProber parallel;
    private final ExecutorService resolving = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-probe-targets");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Instant> probedAt = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    ProbeWatch(HostConfigs hosts, Masters masters, ProbeSettings settings, Consumer<UiEvent> events, Clock clock) {
        this.hosts = hosts;
        this.masters = masters;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.prober = new JschHostProber(settings.timeout());
        this.parallel = new ParallelProber(prober, settings.parallelism());
    }

    /** Probes those of {@code aliases} not probed within the interval, in their order. */
    void request(List<String> aliases) {
        if (!settings.enabled()) {
            return;
        }
        Instant staleBefore = clock.instant().minus(settings.interval());
        for (String alias : aliases.subList(0, Math.min(aliases.size(), MOST_PER_REQUEST))) {
            Instant last = probedAt.get(alias);
            if ((last != null && last.isAfter(staleBefore)) || !inFlight.add(alias)) {
                continue;
            }
            resolving.execute(() -> probe(alias));
        }
    }

    /** On the resolving thread: ssh -G (cached) to a target, then the probe on the prober's threads. */
    private void probe(String alias) {
        ProbeTarget target;
        try {
            target = new ProbeTargets(hop -> masters.liveJumpSocket(alias)).forHost(hosts.resolve(alias));
        } catch (SshOptionsResolver.ResolveException | RuntimeException e) {
            inFlight.remove(alias);
            probedAt.put(alias, clock.instant());
            return;
        }
        parallel.submit(target).whenComplete((result, error) -> {
            // "not probed" (a jump without a live master yet) is asked again at the next request
            if (result == null || !(result.reachability() instanceof Reachability.NotProbed)) {
                probedAt.put(alias, clock.instant());
            }
            inFlight.remove(alias);
            if (result != null) {
                events.accept(new UiEvent.Probed(alias, result));
            }
        });
    }

    @Override
    public void close() {
        resolving.shutdownNow();
        parallel.close();
        prober.close();
    }
}

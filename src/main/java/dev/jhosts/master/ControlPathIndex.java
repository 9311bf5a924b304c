package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which socket each target's master listens on, and which names use each socket. Learned from
 * {@code ssh -G} (cached by the resolver); several aliases that reach the same host, port and
 * user share one %C name, so one socket and one master.
 */
public final class ControlPathIndex {
    private final TargetResolver resolver;
    private final ControlPaths controlPaths;
    private final Map<MasterTarget, ControlPath> paths = new ConcurrentHashMap<>();
    private final Map<Path, Set<String>> labelsBySocket = new ConcurrentHashMap<>();

    public ControlPathIndex(TargetResolver resolver, ControlPaths controlPaths) {
        this.resolver = resolver;
        this.controlPaths = controlPaths;
    }

    /** The target's ControlPath, checked for length; its label is noted as a user of the socket. */
    public ControlPath pathOf(MasterTarget target) throws MasterException {
        ControlPath known = paths.get(target);
        if (known != null) {
            return known;
        }
        return pathOf(target, resolver.resolve(target));
    }

    /** As {@link #pathOf(MasterTarget)} when the caller has the options already. */
    ControlPath pathOf(MasterTarget target, EffectiveOptions options) throws MasterException {
        ControlPath path = controlPaths.forHost(options);
        paths.put(target, path);
        labelsBySocket.computeIfAbsent(path.socket(), socket -> ConcurrentHashMap.newKeySet()).add(target.label());
        return path;
    }

    /** The socket of a target whose path was learned before; never runs ssh. */
    public Optional<ControlPath> known(MasterTarget target) {
        return Optional.ofNullable(paths.get(target));
    }

    /** The names known to use {@code socket}, in no particular order. */
    public Set<String> labelsAt(Path socket) {
        return Set.copyOf(labelsBySocket.getOrDefault(socket, Set.of()));
    }

    /** The targets known to use {@code socket}. */
    public List<MasterTarget> targetsAt(Path socket) {
        return paths.entrySet().stream().filter(entry -> entry.getValue().socket().equals(socket))
                .map(Map.Entry::getKey).toList();
    }

    /** Every socket learned so far. */
    public Set<Path> sockets() {
        return new LinkedHashSet<>(labelsBySocket.keySet());
    }

    /** Learns the paths of {@code targets}, quietly skipping those ssh -G rejects (they have no master to find). */
    public void learn(List<MasterTarget> targets) {
        for (MasterTarget target : targets) {
            try {
                pathOf(target);
            } catch (MasterException unresolvable) {
                // an alias ssh -G rejects has no master to find
            }
        }
    }
}

package dev.jhosts.probe;

import dev.jhosts.catalog.EffectiveOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds {@link ProbeTarget}s from what {@code ssh -G} prints for a host.
 *
 * <p>The transport follows ssh's own choice: a ProxyCommand host is not probed (its command may
 * open a connection and authenticate somewhere, which a probe must not cause); a ProxyJump host
 * is probed through the live master of the last hop (the hop that connects to the host, itself
 * reached through the earlier ones), and not at all when that hop has no live master; any other
 * host directly.
 */
public final class ProbeTargets {
    private final Function<String, Optional<Path>> liveJumpMaster;
    private final Path home;

    /**
     * @param liveJumpMaster the control socket of the live master of a jump host, given the hop
     *     as {@code ssh -G} prints it in ProxyJump ({@code bastion}, {@code admin@[10.0.0.2]:2222}),
     *     or empty when it has none
     */
    public ProbeTargets(Function<String, Optional<Path>> liveJumpMaster) {
        this(liveJumpMaster, Path.of(System.getProperty("user.home")));
    }

    ProbeTargets(Function<String, Optional<Path>> liveJumpMaster, Path home) {
        this.liveJumpMaster = liveJumpMaster;
        this.home = home;
    }

    public ProbeTarget forHost(EffectiveOptions options) {
        List<Path> files = new ArrayList<>(paths(options, "userknownhostsfile"));
        files.addAll(paths(options, "globalknownhostsfile"));
        String alias = options.first("hostkeyalias").filter(value -> !value.equalsIgnoreCase("none")).orElse("");
        List<String> algorithms = options.first("hostkeyalgorithms")
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        return new ProbeTarget(options.alias(), options.hostname(), options.port(), files, alias, algorithms,
                transport(options));
    }

    private Transport transport(EffectiveOptions options) {
        Optional<String> proxyCommand = options.first("proxycommand").filter(value -> !value.equalsIgnoreCase("none"));
        if (proxyCommand.isPresent()) {
            return new Transport.Unavailable("reached through a ProxyCommand, which a probe does not run");
        }
        String jump = options.proxyJump();
        if (jump.isEmpty()) {
            return new Transport.Direct();
        }
        String[] hops = jump.split(",");
        String last = hops[hops.length - 1].strip();
        return liveJumpMaster.apply(last)
                .<Transport>map(socket -> new Transport.ThroughMaster(last, socket))
                .orElseGet(() -> new Transport.Unavailable("jump host " + last + " has no live master"));
    }

    /** An option's space-separated paths, {@code ~} expanded (ssh -G already expands it; a hand-made value may not). */
    private List<Path> paths(EffectiveOptions options, String key) {
        List<Path> paths = new ArrayList<>();
        for (String value : options.options().getOrDefault(key, List.of())) {
            for (String word : value.trim().split("\\s+")) {
                if (word.isEmpty() || word.equalsIgnoreCase("none")) {
                    continue;
                }
                if (word.equals("~")) {
                    paths.add(home);
                } else if (word.startsWith("~/")) {
                    paths.add(home.resolve(word.substring(2)));
                } else {
                    paths.add(Path.of(word));
                }
            }
        }
        return paths;
    }
}

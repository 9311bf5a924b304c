package dev.jhosts.master;

import java.nio.file.Path;
import java.util.List;

/**
 * One master to make.
 *
 * @param target what ssh connects to
 * @param routeOptions options that choose the way there (a ProxyCommand through a jump host's
 *     master), given before the target's own so that they win
 * @param controlPath where the master listens
 * @param log the master's own log ({@code -E})
 * @param prompts where the launch's prompts go; {@link Prompting.Never} for background launches
 * @param confirmsEachUse the host's ControlMaster is ask or autoask: the master asks the user
 *     before each new client (see {@link dev.jhosts.catalog.EffectiveOptions#confirmsEachUse})
 */
public record LaunchRequest(MasterTarget target, List<String> routeOptions, ControlPath controlPath, Path log,
        Prompting prompts, boolean confirmsEachUse) {
    public LaunchRequest {
        routeOptions = List.copyOf(routeOptions);
    }

    /** A master that does not ask to confirm its clients. */
    public LaunchRequest(MasterTarget target, List<String> routeOptions, ControlPath controlPath, Path log,
            Prompting prompts) {
        this(target, routeOptions, controlPath, log, prompts, false);
    }

    /** A launch that never prompts. */
    public LaunchRequest(MasterTarget target, List<String> routeOptions, ControlPath controlPath, Path log) {
        this(target, routeOptions, controlPath, log, new Prompting.Never());
    }
}

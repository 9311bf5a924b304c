package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where ssh's own TCP connection for a target goes: the host itself, or the first hop of its
 * ProxyJump chain, followed hop by hop as {@link JumpRoute} does (each hop resolved as ssh
 * resolves it, with {@code ssh -G}). None behind a ProxyCommand: jhosts cannot tell where that
 * connects.
 */
final class FirstHop {
    /** More hops than any chain people keep; a loop of jumps ends here. */
    private static final int MOST_HOPS = 16;

    private FirstHop() {}

    static Optional<InetSocketAddress> of(TargetResolver resolver, MasterTarget target) throws MasterException {
        MasterTarget current = target;
        for (int hop = 0; hop < MOST_HOPS; hop++) {
            EffectiveOptions options = resolver.resolve(current);
            Optional<String> proxyCommand = options.first("proxycommand");
            if (proxyCommand.isPresent() && !proxyCommand.get().equalsIgnoreCase("none")) {
                return Optional.empty();
            }
            Optional<MasterTarget> jump = JumpRoute.jumpOf(options);
            if (jump.isEmpty()) {
                return Optional.of(InetSocketAddress.createUnresolved(options.hostname(), options.port()));
            }
            current = jump.get();
        }
        return Optional.empty();
    }
}

package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which master a host's master rides. For {@code ProxyJump j1,…,jn} ssh connects through the
 * last hop, reached itself as {@code ssh -J j1,…,jn-1 jn} (ssh.c): so the jump of the host is
 * the target {@code jn} with {@code User}/{@code Port} from the hop and {@code ProxyJump} set to
 * the earlier hops, and that target's own jump follows the same rule, hop by hop. A host without
 * ProxyJump (none, or a ProxyCommand of its own) has no jump: ssh connects as it would.
 */
final class JumpRoute {
    private JumpRoute() {}

    static Optional<MasterTarget> jumpOf(EffectiveOptions options) {
        List<JumpHop> hops = JumpHop.chain(options.proxyJump());
        if (hops.isEmpty()) {
            return Optional.empty();
        }
        JumpHop last = hops.get(hops.size() - 1);
        List<JumpHop> earlier = hops.subList(0, hops.size() - 1);
        List<String> sshOptions = new ArrayList<>();
        if (!last.user().isEmpty()) {
            sshOptions.addAll(List.of("-o", "User=" + last.user()));
        }
        if (last.port() > 0) {
            sshOptions.addAll(List.of("-o", "Port=" + last.port()));
        }
        String label = last.text();
        if (!earlier.isEmpty()) {
            String before = earlier.stream().map(JumpHop::text).collect(Collectors.joining(","));
            sshOptions.addAll(List.of("-o", "ProxyJump=" + before));
            label = last.text() + " via " + before;
        }
        return Optional.of(new MasterTarget(last.host(), sshOptions, label));
    }
}

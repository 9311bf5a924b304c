package dev.jhosts.master;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A master found at a control socket.
 *
 * @param socket its ControlPath
 * @param aliases every catalogue alias known to use this socket (aliases that resolve to the same
 *     host, port and user share one %C path, so one master)
 * @param state live, unresponsive…
 * @param startedByJhosts whether jhosts launched it (else another ssh did)
 * @param startedAt when it started; {@link Instant#EPOCH} when unknown
 * @param via the jump masters it rides, outermost first (known for masters jhosts made)
 */
public record MasterInfo(Path socket, List<String> aliases, MasterState state, boolean startedByJhosts, Instant startedAt,
        List<Via> via) {
    public MasterInfo {
        aliases = List.copyOf(aliases);
        via = List.copyOf(via);
    }
}

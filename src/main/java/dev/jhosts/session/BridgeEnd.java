package dev.jhosts.session;

import dev.jhosts.mux.SessionEnd;
import java.util.Objects;

/**
 * How a bridged session ended.
 *
 * @param session what the master reported (255 and no exit message after {@code ~.})
 * @param closedByEscape whether the user closed it with the escape ({@code ~.})
 */
public record BridgeEnd(SessionEnd session, boolean closedByEscape) {
    public BridgeEnd {
        Objects.requireNonNull(session, "session");
    }
}

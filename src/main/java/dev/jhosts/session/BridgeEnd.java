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

    /** How it ended, in a few words: "exit 3", "closed with ~." ({@code escapeChar} as the user's). */
    public String summary(int escapeChar) {
        String summary;
        if (session.exitMessageReceived()) {
            summary = "exit " + session.status();
        } else if (closedByEscape) {
            summary = "closed with " + SessionSpec.escapeName(escapeChar) + ".";
        } else {
            summary = "connection closed (status 255)";
        }
        return session.ttyAllocationFailed() ? summary + ", no pty" : summary;
    }
}

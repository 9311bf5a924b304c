package dev.jhosts.master;

import dev.jhosts.mux.Forward;
import java.time.Instant;

/**
 * One forward of a master, as {@code jhosts forward --list} and the status pane show it.
 *
 * @param forward the forward, as MUX_C_OPEN_FWD carries it
 * @param origin who asked for it
 * @param status whether it is open
 * @param allocatedPort for a remote forward on listen port 0, the port the server chose
 *     (MUX_S_REMOTE_PORT, or the master's log for a config forward); 0 when none or unknown
 * @param since when jhosts opened, tried or cancelled it; {@link Instant#EPOCH} for the config's
 * @param problem why it is not open (the master's refusal, with its log's reason); empty when it is
 */
public record ListedForward(Forward forward, ForwardOrigin origin, Status status, int allocatedPort, Instant since,
        String problem) {

    /** Whether a forward is open. */
    public enum Status {
        /** Opened (for the config's: ssh opens them when it makes the master). */
        OPEN,
        /** The master refused it ({@link #problem} says why). */
        REFUSED,
        /** A forward of the config that was cancelled through jhosts. */
        CANCELLED
    }

    /** An open forward. */
    public static ListedForward open(Forward forward, ForwardOrigin origin, int allocatedPort, Instant since) {
        return new ListedForward(forward, origin, Status.OPEN, allocatedPort, since, "");
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** {@code -L 8080:db:5432} — the ssh option that makes it. */
    public String spec() {
        return forward.toString();
    }
}

package dev.jhosts.master;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * jhosts' note that it launched the master at {@code socket}: which aliases, when, the master's
 * pid once it answered, and the jump masters it rides (outermost first). Kept in the control
 * directory so that any later jhosts process can tell its own masters from others, find the pid
 * of one that no longer answers, and name the masters that depend on a jump host's.
 */
public record LaunchRecord(Path socket, List<String> aliases, Instant started, long pid, List<Via> via) {
    public LaunchRecord {
        aliases = List.copyOf(aliases);
        via = List.copyOf(via);
    }

    /** Whether this master rides the one at {@code jumpSocket}, directly or further out. */
    public boolean rides(Path jumpSocket) {
        return via.stream().anyMatch(hop -> hop.socket().equals(jumpSocket));
    }
}

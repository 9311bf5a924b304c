package dev.jhosts.master;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * jhosts' note that it launched the master at {@code socket}: which aliases, when, and the
 * master's pid once it answered. Kept in the control directory so that any later jhosts process
 * can tell its own masters from others and find the pid of one that no longer answers.
 */
public record LaunchRecord(Path socket, List<String> aliases, Instant started, long pid) {
    public LaunchRecord {
        aliases = List.copyOf(aliases);
    }
}

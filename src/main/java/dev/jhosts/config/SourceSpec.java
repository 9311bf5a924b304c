package dev.jhosts.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One entry of the {@code sources} setting: an inventory whose hosts join the list.
 *
 * @param name the source's name, one word, unique among the sources (warnings and the list name it)
 * @param type what the command prints: a list of jhosts host objects, or {@code tailscale status --json}
 * @param command the program and its arguments, run without a shell
 * @param refresh how old its hosts may be before the source is run again
 * @param timeout how long one run may take before it is stopped
 * @param file the settings file that holds the entry
 * @param line the entry's line in that file
 */
public record SourceSpec(String name, Type type, List<String> command, Duration refresh, Duration timeout,
        Path file, int line) {

    /** The command a {@code type = tailscale} source runs unless the entry names another. */
    public static final List<String> TAILSCALE_COMMAND = List.of("tailscale", "status", "--json");

    public SourceSpec {
        command = List.copyOf(command);
    }

    /** What a source's command prints. */
    public enum Type {
        /** A JSON array (or JSON lines) of host objects: alias, hostname, user, port, proxyjump, tags, group, description. */
        COMMAND,
        /** The output of {@code tailscale status --json}: the tailnet's peers. */
        TAILSCALE
    }
}

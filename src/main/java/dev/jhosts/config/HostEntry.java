package dev.jhosts.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of the {@code hosts} setting: notes on an ssh config host, or, when {@link
 * #hostname} is set and no ssh config host has the alias, an extra host of jhosts' own.
 *
 * @param alias the host's name (setting key {@code alias}, or {@code name})
 * @param hostname the address for an extra host; empty when not set
 * @param user the login for an extra host; empty when not set
 * @param port the port for an extra host; 0 when not set
 * @param tags free-form tags for filtering ({@code tag:x})
 * @param group the group the host is listed under; empty for none
 * @param description a line of text shown with the host
 * @param favourite whether the host is listed first
 * @param file the settings file that holds the entry
 * @param line the entry's line in that file
 */
public record HostEntry(
        String alias,
        String hostname,
        String user,
        int port,
        List<String> tags,
        String group,
        String description,
        boolean favourite,
        Path file,
        int line) {

    public HostEntry {
        tags = List.copyOf(tags);
    }

    /** Whether this entry describes a host of its own rather than notes on an ssh config host. */
    public boolean definesHost() {
        return !hostname.isEmpty();
    }
}

package dev.jhosts.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * One host of the catalogue, as the list shows it: its values are those OpenSSH would use
 * (first obtained value wins across matching Host blocks), plus jhosts' own notes.
 *
 * @param alias the name typed after {@code ssh}
 * @param hostname the HostName as {@code ssh -G} prints it (lower-cased; the alias when none is set)
 * @param user the User (the local user when none is set)
 * @param port the Port (22 when none is set)
 * @param proxyJump the ProxyJump, empty for none
 * @param tags tags from the ssh config and the settings
 * @param group the group it is listed under, empty for none
 * @param description a line about the host, empty for none
 * @param favourite listed first
 * @param extra defined by jhosts' settings or a source rather than the ssh config
 * @param file the file that defines the host
 * @param line the line of its Host line (or settings entry) in that file
 * @param uncertainty why these values may differ from what ssh uses (a Match block jhosts does
 *     not evaluate, such as {@code Match exec}, may set one of them), empty when they do not;
 *     {@code ssh -G} gives the values ssh uses
 * @param source the inventory that gave the host ({@code sources} setting), {@link HostSource#NONE} for none;
 *     {@link #file} and {@link #line} are then those of the source's settings entry
 */
public record Host(
        String alias,
        String hostname,
        String user,
        int port,
        String proxyJump,
        List<String> tags,
        String group,
        String description,
        boolean favourite,
        boolean extra,
        Path file,
        int line,
        String uncertainty,
        HostSource source) {

    public Host {
        tags = List.copyOf(tags);
    }

    /** A host no source gave. */
    public Host(String alias, String hostname, String user, int port, String proxyJump, List<String> tags,
            String group, String description, boolean favourite, boolean extra, Path file, int line, String uncertainty) {
        this(alias, hostname, user, port, proxyJump, tags, group, description, favourite, extra, file, line, uncertainty,
                HostSource.NONE);
    }

    /** A host whose values are certain. */
    public Host(String alias, String hostname, String user, int port, String proxyJump, List<String> tags,
            String group, String description, boolean favourite, boolean extra, Path file, int line) {
        this(alias, hostname, user, port, proxyJump, tags, group, description, favourite, extra, file, line, "");
    }

    /** Whether the values may differ from ssh's ({@link #uncertainty} says why). */
    public boolean valuesMayDiffer() {
        return !uncertainty.isEmpty();
    }
}

package dev.jhosts.catalog;

/**
 * Where a host of an inventory ({@code sources} setting) came from, and the values its source
 * gave: only those are given to ssh ({@code -o}), so that what the ssh config says for the rest
 * (a {@code Host *.ts.net} block's User) still applies.
 *
 * @param name the source's name; empty for a host that no source gave
 * @param presence whether the source says the host is online
 * @param hostname the HostName the source gave, empty for none (ssh then uses the alias)
 * @param user the User the source gave, empty for none
 * @param port the Port the source gave, 0 for none
 */
public record HostSource(String name, Presence presence, String hostname, String user, int port) {
    /** Not from a source. */
    public static final HostSource NONE = new HostSource("", Presence.UNKNOWN, "", "", 0);

    /** What a source says of a host's being up. */
    public enum Presence { UNKNOWN, ONLINE, OFFLINE }

    /** Whether a source gave the host. */
    public boolean present() {
        return !name.isEmpty();
    }
}

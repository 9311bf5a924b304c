package dev.jhosts.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a probe needs to know about one host, all of it as {@code ssh -G} prints it.
 *
 * @param alias the catalogue alias
 * @param hostname HostName
 * @param port Port
 * @param knownHostsFiles UserKnownHostsFile entries, then GlobalKnownHostsFile entries, in order
 *     ({@code ~} expanded); missing files are skipped as ssh skips them
 * @param hostKeyAlias HostKeyAlias, empty when none
 * @param hostKeyAlgorithms HostKeyAlgorithms in the user's order (the probe keeps those it can
 *     negotiate and puts the types known_hosts holds for the host first, as ssh does)
 * @param transport how the probe reaches the port
 */
public record ProbeTarget(
        String alias,
        String hostname,
        int port,
        List<Path> knownHostsFiles,
        String hostKeyAlias,
        List<String> hostKeyAlgorithms,
        Transport transport) {

    public ProbeTarget {
        knownHostsFiles = List.copyOf(knownHostsFiles);
        hostKeyAlgorithms = List.copyOf(hostKeyAlgorithms);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * The name known_hosts is searched for, as sshconnect.c get_hostfile_hostname_ipaddr makes
     * it: HostKeyAlias when set, else the host name, as {@code [host]:port} for a port other than
     * 22; lower case, as ssh lowercases both before the lookup.
     */
    public String knownHostsName() {
        if (!hostKeyAlias.isEmpty()) {
            return hostKeyAlias.toLowerCase(Locale.ROOT);
        }
        String host = hostname.toLowerCase(Locale.ROOT);
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** The jump host the probe goes through, if any. */
    public Optional<String> via() {
        return transport instanceof Transport.ThroughMaster through ? Optional.of(through.jump()) : Optional.empty();
    }
}

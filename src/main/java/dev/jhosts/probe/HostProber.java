package dev.jhosts.probe;

/**
 * Finds out, before any connection is made for the user, whether a host's SSH port answers and
 * what its host key is against known_hosts. No user name is sent and no authentication is tried.
 */
public interface HostProber {

    /**
     * Probes {@code target}. Never throws for what the network or the server does (that is in the
     * result); returns within the prober's timeout plus a small margin, whatever the peer does.
     */
    ProbeResult probe(ProbeTarget target);
}

package dev.jhosts.probe;

import java.nio.file.Path;

/** How a probe reaches a host's SSH port. */
public sealed interface Transport {

    /** A TCP connection from this machine to HostName:Port. */
    record Direct() implements Transport {}

    /**
     * A MUX_C_NEW_STDIO_FWD through the live master of the host's jump host (the last hop of its
     * ProxyJump): no new connection to the jump host, no new authentication there.
     *
     * @param jump the jump host as {@code ssh -G} prints the last ProxyJump hop
     * @param jumpSocket the control socket of that jump host's live master
     */
    record ThroughMaster(String jump, Path jumpSocket) implements Transport {}

    /** The host cannot be probed without a connection jhosts will not make; {@code reason} says why. */
    record Unavailable(String reason) implements Transport {}
}

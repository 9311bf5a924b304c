package dev.jhosts.probe;

import java.time.Duration;

/** Whether a host's SSH port answered. */
public sealed interface Reachability {

    /**
     * The port accepted the connection.
     *
     * @param rtt directly: the TCP connect's round trip; through a jump host's master: the time
     *     until MUX_S_SESSION_OPENED plus the server's banner (the channel open already waits
     *     for the jump host's own TCP connect)
     * @param banner the server's identification line ({@code SSH-2.0-OpenSSH_9.2p1 …}); empty
     *     when none came in time
     */
    record Reachable(Duration rtt, String banner) implements Reachability {}

    /** The port did not answer; {@code detail} carries the operating system's (or the master's) words. */
    record Unreachable(Kind kind, String detail) implements Reachability {}

    /** No probe was made; {@code reason} says why. */
    record NotProbed(String reason) implements Reachability {}

    /** Why a host is unreachable. */
    enum Kind {
        /** ECONNREFUSED: nothing listens on the port. */
        REFUSED,
        /** No answer within the probe timeout (or the OS's connect timeout). */
        TIMEOUT,
        /** EHOSTUNREACH, ENETUNREACH: no route to the host or its network. */
        NO_ROUTE,
        /** The host name does not resolve. */
        DNS,
        /** The jump host's master could not open the channel (the server could not connect). */
        FORWARD_FAILED,
        /** Anything else. */
        OTHER;

        /** The lower-case word the command line and JSON use. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}

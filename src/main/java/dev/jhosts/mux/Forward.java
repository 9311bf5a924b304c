package dev.jhosts.mux;

import java.util.Objects;

/**
 * One port forwarding as MUX_C_OPEN_FWD / MUX_C_CLOSE_FWD carry it.
 *
 * <p>A side whose port is {@link #SOCKET_PATH} names a Unix socket path in its host field. An
 * empty {@code listenHost} means ssh's default bind address; {@code "*"} means all interfaces.
 * Dynamic forwards (and remote dynamic ones, {@code -R [bind:]port}) have an empty connect host
 * and connect port 0.
 */
public record Forward(Kind kind, String listenHost, int listenPort, String connectHost, int connectPort) {

    /** The kinds of forwarding and their wire values. */
    public enum Kind {
        LOCAL(1, "-L"), REMOTE(2, "-R"), DYNAMIC(3, "-D");

        private final int wireValue;
        private final String option;

        Kind(int wireValue, String option) {
            this.wireValue = wireValue;
            this.option = option;
        }

        int wireValue() {
            return wireValue;
        }

        /** The ssh option that makes this kind: -L, -R or -D. */
        public String option() {
            return option;
        }
    }

    /** The port value (0xFFFFFFFE on the wire) that marks the host field as a Unix socket path. */
    public static final int SOCKET_PATH = -2;

    public Forward {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(connectHost, "connectHost");
        checkPort("listen", listenPort);
        checkPort("connect", connectPort);
        if (listenPort == SOCKET_PATH && listenHost.isEmpty()) {
            throw new IllegalArgumentException("a Unix socket listen side needs a path");
        }
        if (connectPort == SOCKET_PATH && connectHost.isEmpty()) {
            throw new IllegalArgumentException("a Unix socket connect side needs a path");
        }
        if (kind == Kind.DYNAMIC && (listenPort == SOCKET_PATH || !connectHost.isEmpty() || connectPort != 0)) {
            throw new IllegalArgumentException("a dynamic forward has a TCP listen side and no target");
        }
    }

    private static void checkPort(String side, int port) {
        if (port != SOCKET_PATH && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException(side + " port out of range: " + port);
        }
    }

    /**
     * Parses the argument of ssh's {@code -L}, {@code -R} or {@code -D} the way ssh does:
     * {@code [bind_address:]port:host:hostport}, Unix socket paths (any field with a {@code /})
     * on either side, {@code [IPv6]} brackets, backslash escapes; {@code [bind_address:]port}
     * for dynamic and remote dynamic forwards. Ports are numbers (no service names).
     *
     * @throws IllegalArgumentException naming what is wrong with {@code spec}
     */
    public static Forward parse(Kind kind, String spec) {
        return ForwardSpecParser.parse(kind, spec);
    }

    /**
     * Parses a forward as written on ssh's command line: {@code -L SPEC}, {@code -R SPEC} or
     * {@code -D SPEC} (the space is optional, as for ssh), for the picker's form and the
     * {@code forwards} setting.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static Forward parseOption(String text) {
        String trimmed = text.strip();
        Kind kind = null;
        for (Kind candidate : Kind.values()) {
            if (trimmed.startsWith(candidate.option())) {
                kind = candidate;
            }
        }
        String spec = kind == null ? "" : trimmed.substring(2).strip();
        if (kind == null || spec.isEmpty()) {
            throw new IllegalArgumentException("expected -L, -R or -D and a forwarding specification, as for ssh "
                    + "(-L 8080:db:5432, -R 0:localhost:22, -D 1080), not '" + trimmed + "'");
        }
        return parse(kind, spec);
    }

    /** True for a SOCKS forward: {@code -D}, or {@code -R [bind:]port} without a target. */
    public boolean isDynamic() {
        return kind == Kind.DYNAMIC || (kind == Kind.REMOTE && connectHost.isEmpty() && connectPort == 0);
    }

    /** The ssh-style spec, which {@link #parse} reads back to an equal forward. */
    public String describe() {
        String listen = side(listenHost, listenPort, false);
        if (isDynamic()) {
            return listen;
        }
        return listen + ":" + side(connectHost, connectPort, true);
    }

    private static String side(String host, int port, boolean hostRequired) {
        if (port == SOCKET_PATH) {
            return ForwardSpecParser.quote(host, true);
        }
        if (host.isEmpty() && !hostRequired) {
            return Integer.toString(port);
        }
        return ForwardSpecParser.quote(host, false) + ":" + port;
    }

    @Override
    public String toString() {
        return kind.option() + " " + describe();
    }
}

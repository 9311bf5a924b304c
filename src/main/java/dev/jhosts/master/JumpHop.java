package dev.jhosts.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One hop of a ProxyJump chain as OpenSSH reads it (readconf.c parse_jump and
 * parse_user_host_port / parse_uri): {@code [user@]host[:port]}, {@code [user@][v6addr]:port}, or
 * {@code ssh://[user@]host[:port]}. The last {@code @} ends the user.
 *
 * @param text the hop as written
 * @param port 0 when the hop names none
 */
record JumpHop(String text, String user, String host, int port) {

    /** The hops of a ProxyJump value, outermost first; empty for none or a value ssh would reject. */
    static List<JumpHop> chain(String proxyJump) {
        String value = proxyJump.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<JumpHop> hops = new ArrayList<>();
        for (String text : value.split(",", -1)) {
            Optional<JumpHop> hop = parse(text.strip());
            if (hop.isEmpty()) {
                return List.of();
            }
            hops.add(hop.get());
        }
        return List.copyOf(hops);
    }

    static Optional<JumpHop> parse(String text) {
        String rest = text.startsWith("ssh://") ? text.substring("ssh://".length()) : text;
        if (text.startsWith("ssh://") && rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String user = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String host = rest;
        int port = 0;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = port(after.substring(1));
            } else if (!after.isEmpty()) {
                return Optional.empty();
            }
        } else {
            int colon = rest.indexOf(':');
            if (colon >= 0 && colon == rest.lastIndexOf(':')) {
                host = rest.substring(0, colon);
                port = port(rest.substring(colon + 1));
            }
        }
        if (host.isEmpty() || port < 0) {
            return Optional.empty();
        }
        return Optional.of(new JumpHop(text, user, host, port));
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

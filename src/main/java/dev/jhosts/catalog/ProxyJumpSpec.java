package dev.jhosts.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A ProxyJump value read as OpenSSH's {@code parse_jump} reads it, printed as {@code ssh -G}
 * prints it: everything after a {@code #} dropped; the hops before the last kept as written;
 * the last hop rebuilt as {@code user@host:port}, with brackets around a host that is numeric
 * or holds a colon ({@code ssh://u@h:2222} prints as {@code u@h:2222}, {@code 10.0.0.2} as
 * {@code [10.0.0.2]}). {@code none} prints as nothing.
 */
final class ProxyJumpSpec {
    private final PortNumbers ports;

    ProxyJumpSpec(PortNumbers ports) {
        this.ports = ports;
    }

    /** What ssh -G prints for {@code value}, empty string for none; empty when ssh rejects it. */
    Optional<String> printed(String value) {
        if (value.equalsIgnoreCase("none")) {
            return Optional.of("");
        }
        String spec = value;
        int hash = spec.indexOf('#');
        if (hash >= 0) {
            spec = spec.substring(0, hash);
        }
        spec = spec.stripTrailing();
        int lastComma = spec.lastIndexOf(',');
        String[] hops = spec.split(",", -1);
        Optional<Hop> last = Optional.empty();
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<Hop> hop = hop(hops[i]);
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            if (i == hops.length - 1) {
                last = hop;
            }
        }
        Hop hop = last.orElseThrow();
        String extra = lastComma > 0 ? spec.substring(0, lastComma) + "," : "";
        boolean bracket = hop.host.indexOf(':') >= 0 || hop.host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        return Optional.of(extra
                + (hop.user.isEmpty() ? "" : hop.user + "@")
                + (bracket ? "[" + hop.host + "]" : hop.host)
                + (hop.port > 0 ? ":" + hop.port : ""));
    }

    private record Hop(String user, String host, int port) {}

    private Optional<Hop> hop(String text) {
        return text.startsWith("ssh://") ? uriHop(text.substring(6)) : userHostPort(text);
    }

    /** parse_user_host_port: [user@]host[:port] or [user@][v6]:port; the last '@' ends the user. */
    private Optional<Hop> userHostPort(String text) {
        String user = "";
        String rest = text;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            if (at == 0) {
                return Optional.empty();
            }
            user = text.substring(0, at);
            rest = text.substring(at + 1);
        }
        String finalUser = user;
        return hostAndPort(rest, false).map(hp -> new Hop(finalUser, hp.host, hp.port));
    }

    /** parse_uri for ssh://: [user[;params]@]host[:port][/], user URL-decoded, no path. */
    private Optional<Hop> uriHop(String text) {
        String user = "";
        String rest = text;
        int at = text.indexOf('@');
        if (at >= 0) {
            String info = text.substring(0, at);
            int params = info.indexOf(';');
            if (params >= 0) {
                info = info.substring(0, params);
            }
            if (info.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> decoded = urlDecoded(info);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            user = decoded.get();
            rest = text.substring(at + 1);
        }
        String finalUser = user;
        return hostAndPort(rest, true).map(hp -> new Hop(finalUser, hp.host, hp.port));
    }

    private record HostPort(String host, int port) {}

    private Optional<HostPort> hostAndPort(String text, boolean uri) {
        int end;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            end = close + 1;
        } else {
            end = 0;
            while (end < text.length() && text.charAt(end) != ':' && text.charAt(end) != '/') {
                end++;
            }
        }
        String host = text.substring(0, end);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (end == text.length()) {
            return Optional.of(new HostPort(host, -1));
        }
        char delimiter = text.charAt(end);
        if (delimiter != ':' && delimiter != '/') {
            return Optional.empty();
        }
        String after = text.substring(end + 1);
        if (delimiter == '/') {
            return uri && after.isEmpty() ? Optional.of(new HostPort(host, -1)) : Optional.empty();
        }
        if (uri) {
            int slash = after.indexOf('/');
            if (slash >= 0) {
                if (slash + 1 < after.length()) {
                    return Optional.empty();
                }
                after = after.substring(0, slash);
            }
        }
        if (after.isEmpty()) {
            return Optional.of(new HostPort(host, -1));
        }
        OptionalInt port = ports.parse(after);
        return port.isPresent() ? Optional.of(new HostPort(host, port.getAsInt())) : Optional.empty();
    }

    private static Optional<String> urlDecoded(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length) {
                    return Optional.empty();
                }
                int high = Character.digit(bytes[i + 1], 16);
                int low = Character.digit(bytes[i + 2], 16);
                if (high < 0 || low < 0 || (high == 0 && low == 0)) {
                    return Optional.empty();
                }
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}

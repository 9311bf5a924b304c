package dev.jhosts.mux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ssh's forwarding-spec grammar (readconf.c parse_forward and parse_fwd_field). */
final class ForwardSpecParser {
    /** sun_path limit for Unix socket paths (PATH_MAX_SUN - 1). */
    private static final int MAX_PATH = 107;
    /** NI_MAXHOST - 1. */
    private static final int MAX_HOST = 1024;

    private record Field(String text, boolean path) {}

    private final Forward.Kind kind;
    private final String spec;

    private ForwardSpecParser(Forward.Kind kind, String spec) {
        this.kind = kind;
        this.spec = spec;
    }

    static Forward parse(Forward.Kind kind, String spec) {
        return new ForwardSpecParser(kind, spec).parse();
    }

    private Forward parse() {
        List<Field> fields = fields();
        // like ssh: -R is first read as a forward with a target, then as a remote dynamic one
        Optional<Forward> forward = switch (kind) {
            case LOCAL -> withTarget(fields);
            case DYNAMIC -> dynamic(fields);
            case REMOTE -> withTarget(fields).or(() -> dynamic(fields));
        };
        Forward parsed = forward.orElseThrow(() -> invalid(kind == Forward.Kind.DYNAMIC
                ? "expected [bind_address:]port"
                : "expected [bind_address:]port:host:hostport, or a Unix socket path on either side"));
        checkLength(parsed.listenHost(), parsed.listenPort());
        checkLength(parsed.connectHost(), parsed.connectPort());
        return parsed;
    }

    /** A forward with a target (host:port or a socket path), if the fields make one. */
    private Optional<Forward> withTarget(List<Field> f) {
        Forward forward;
        switch (f.size()) {
            case 2 -> {
                if (f.get(0).path() && f.get(1).path()) {
                    forward = new Forward(kind, f.get(0).text(), Forward.SOCKET_PATH, f.get(1).text(), Forward.SOCKET_PATH);
                } else if (f.get(1).path()) {
                    forward = new Forward(kind, "", port(f.get(0)), f.get(1).text(), Forward.SOCKET_PATH);
                } else {
                    return Optional.empty();
                }
            }
            case 3 -> {
                if (f.get(0).path()) {
                    forward = new Forward(kind, f.get(0).text(), Forward.SOCKET_PATH, f.get(1).text(), port(f.get(2)));
                } else if (f.get(2).path()) {
                    forward = new Forward(kind, bind(f.get(0)), port(f.get(1)), f.get(2).text(), Forward.SOCKET_PATH);
                } else {
                    forward = new Forward(kind, "", port(f.get(0)), f.get(1).text(), port(f.get(2)));
                }
            }
            case 4 -> forward = new Forward(kind, bind(f.get(0)), port(f.get(1)), f.get(2).text(), port(f.get(3)));
            default -> {
                return Optional.empty();
            }
        }
        boolean noTarget = forward.connectPort() == 0
                || (forward.connectPort() != Forward.SOCKET_PATH && forward.connectHost().isEmpty());
        boolean portZeroOutsideRemote = kind != Forward.Kind.REMOTE && forward.listenPort() == 0;
        return noTarget || portZeroOutsideRemote ? Optional.empty() : Optional.of(forward);
    }

    /** A SOCKS forward, {@code [bind_address:]port}, if the fields make one. */
    private Optional<Forward> dynamic(List<Field> f) {
        if (f.isEmpty() || f.size() > 2) {
            return Optional.empty();
        }
        if (f.stream().anyMatch(Field::path)) {
            throw invalid("a dynamic (SOCKS) forward cannot listen on a Unix socket");
        }
        Forward forward = f.size() == 1
                ? new Forward(kind, "", port(f.get(0)), "", 0)
                : new Forward(kind, bind(f.get(0)), port(f.get(1)), "", 0);
        if (kind == Forward.Kind.DYNAMIC && forward.listenPort() == 0) {
            throw invalid("port 0 is only allowed for remote forwards");
        }
        return Optional.of(forward);
    }

    /** ssh sends an explicitly empty bind address ({@code :8080}) as "*", all interfaces. */
    private static String bind(Field field) {
        return field.text().isEmpty() ? "*" : field.text();
    }

    private int port(Field field) {
        String text = field.text();
        boolean digits = !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Integer.parseInt(text) > 65535) {
            throw invalid("bad port '" + text + "': expected a number from 0 to 65535");
        }
        return Integer.parseInt(text);
    }

    private void checkLength(String host, int port) {
        if (port == Forward.SOCKET_PATH && host.length() > MAX_PATH) {
            throw invalid("Unix socket path longer than " + MAX_PATH + " bytes");
        }
        if (host.length() > MAX_HOST) {
            throw invalid("host name longer than " + MAX_HOST + " characters");
        }
    }

    /**
     * Splits at unescaped colons; {@code [..]} is taken literally; an unescaped {@code /} makes
     * the field a path; a backslash takes the next character literally.
     */
    private List<Field> fields() {
        String rest = spec.stripLeading();
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            if (fields.size() == 4) {
                throw invalid("too many fields");
            }
            StringBuilder text = new StringBuilder();
            boolean path = false;
            if (rest.charAt(i) == '[') {
                int close = rest.indexOf(']', i + 1);
                if (close < 0 || (close + 1 < rest.length() && rest.charAt(close + 1) != ':')) {
                    throw invalid("unbalanced [ ]");
                }
                text.append(rest, i + 1, close);
                path = text.indexOf("/") >= 0;
                i = close + 2;
            } else {
                for (; i < rest.length(); i++) {
                    char c = rest.charAt(i);
                    if (c == ':') {
                        i++;
                        break;
                    }
                    if (c == '\\') {
                        if (++i == rest.length()) {
                            throw invalid("trailing backslash");
                        }
                        c = rest.charAt(i);
                    } else if (c == '/') {
                        path = true;
                    }
                    text.append(c);
                }
            }
            fields.add(new Field(text.toString(), path));
        }
        return fields;
    }

    /** A host or path written back so that {@link #fields} reads it as one field of the same kind. */
    static String quote(String text, boolean path) {
        if (text.indexOf(':') >= 0 && text.indexOf(']') < 0 && (path || text.indexOf('/') < 0)) {
            return "[" + text + "]";
        }
        String escaped = text.replace("\\", "\\\\").replace(":", "\\:");
        return path ? escaped : escaped.replace("/", "\\/");
    }

    private IllegalArgumentException invalid(String why) {
        String name = switch (kind) {
            case LOCAL -> "local";
            case REMOTE -> "remote";
            case DYNAMIC -> "dynamic";
        };
        return new IllegalArgumentException("bad " + name + " forwarding specification '" + spec + "': " + why);
    }
}

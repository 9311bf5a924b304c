package dev.jhosts.mux;

import java.util.ArrayList;
import java.util.List;

/** ssh's forwarding-spec grammar (readconf.c parse_forward and parse_fwd_field). */
final class ForwardSpecParser {
    private ForwardSpecParser() {}

    /** sun_path limit for Unix socket paths (PATH_MAX_SUN). */
    private static final int MAX_PATH = 107;
    /** NI_MAXHOST - 1. */
    private static final int MAX_HOST = 1024;

    private record Field(String text, boolean path) {}

    static Forward parse(Forward.Kind kind, String spec) {
        List<Field> fields = fields(kind, spec);
        Forward forward = switch (kind) {
            case LOCAL -> target(kind, fields, false);
            case DYNAMIC -> dynamic(kind, fields, spec);
            case REMOTE -> fields.size() <= 2 && fields.stream().noneMatch(Field::path)
                    ? dynamic(kind, fields, spec)
                    : target(kind, fields, true);
        };
        if (forward == null) {
            throw invalid(kind, spec, kind == Forward.Kind.DYNAMIC
                    ? "expected [bind_address:]port"
                    : "expected [bind_address:]port:host:hostport, or a Unix socket path on either side");
        }
        checkLengths(kind, spec, forward);
        return forward;
    }

    /** A forward with a target (host:port or a socket path), or null when the fields do not fit. */
    private static Forward target(Forward.Kind kind, List<Field> f, boolean remote) {
        Forward forward;
        switch (f.size()) {
            case 2 -> {
                if (f.get(0).path() && f.get(1).path()) {
                    forward = new Forward(kind, f.get(0).text(), Forward.SOCKET_PATH, f.get(1).text(), Forward.SOCKET_PATH);
                } else if (f.get(1).path()) {
                    forward = new Forward(kind, "", port(kind, f.get(0)), f.get(1).text(), Forward.SOCKET_PATH);
                } else {
                    return null;
                }
            }
            case 3 -> {
                if (f.get(0).path()) {
                    forward = new Forward(kind, f.get(0).text(), Forward.SOCKET_PATH, f.get(1).text(), port(kind, f.get(2)));
                } else if (f.get(2).path()) {
                    forward = new Forward(kind, bind(f.get(0)), port(kind, f.get(1)), f.get(2).text(), Forward.SOCKET_PATH);
                } else {
                    forward = new Forward(kind, "", port(kind, f.get(0)), f.get(1).text(), port(kind, f.get(2)));
                }
            }
            case 4 -> forward = new Forward(kind, bind(f.get(0)), port(kind, f.get(1)), f.get(2).text(), port(kind, f.get(3)));
            default -> {
                return null;
            }
        }
        if (forward.connectPort() == 0 || (forward.connectPort() != Forward.SOCKET_PATH && forward.connectHost().isEmpty())) {
            return null;
        }
        if (!remote && forward.listenPort() == 0) {
            return null;
        }
        return forward;
    }

    private static Forward dynamic(Forward.Kind kind, List<Field> f, String spec) {
        if (f.stream().anyMatch(Field::path)) {
            throw invalid(kind, spec, "a dynamic (SOCKS) forward cannot listen on a Unix socket");
        }
        Forward forward = switch (f.size()) {
            case 1 -> new Forward(kind, "", port(kind, f.get(0)), "", 0);
            case 2 -> new Forward(kind, bind(f.get(0)), port(kind, f.get(1)), "", 0);
            default -> null;
        };
        if (forward != null && kind == Forward.Kind.DYNAMIC && forward.listenPort() == 0) {
            throw invalid(kind, spec, "port 0 is only allowed for remote forwards");
        }
        return forward;
    }

    /** ssh sends an explicitly empty bind address ({@code :8080}) as "*", all interfaces. */
    private static String bind(Field field) {
        return field.text().isEmpty() ? "*" : field.text();
    }

    private static int port(Forward.Kind kind, Field field) {
        String text = field.text();
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad " + kind.option() + " port '" + text + "': expected a number from 0 to 65535");
        }
        int port = Integer.parseInt(text);
        if (port > 65535) {
            throw new IllegalArgumentException("bad " + kind.option() + " port '" + text + "': expected a number from 0 to 65535");
        }
        return port;
    }

    private static void checkLengths(Forward.Kind kind, String spec, Forward forward) {
        checkLength(kind, spec, forward.listenHost(), forward.listenPort());
        checkLength(kind, spec, forward.connectHost(), forward.connectPort());
    }

    private static void checkLength(Forward.Kind kind, String spec, String host, int port) {
        if (port == Forward.SOCKET_PATH && host.length() > MAX_PATH) {
            throw invalid(kind, spec, "Unix socket path longer than " + MAX_PATH + " bytes");
        }
        if (host.length() > MAX_HOST) {
            throw invalid(kind, spec, "host name longer than " + MAX_HOST + " characters");
        }
    }

    /** Splits at unescaped colons; {@code [..]} is taken literally; a {@code /} makes a path. */
    private static List<Field> fields(Forward.Kind kind, String spec) {
        String rest = spec.stripLeading();
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            if (fields.size() == 4) {
                throw invalid(kind, spec, "too many fields");
            }
            StringBuilder text = new StringBuilder();
            boolean path = false;
            if (rest.charAt(i) == '[') {
                int close = rest.indexOf(']', i + 1);
                if (close < 0 || (close + 1 < rest.length() && rest.charAt(close + 1) != ':')) {
                    throw invalid(kind, spec, "unbalanced [ ]");
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
                            throw invalid(kind, spec, "trailing backslash");
                        }
                        c = rest.charAt(i);
                    }
                    if (c == '/') {
                        path = true;
                    }
                    text.append(c);
                }
            }
            fields.add(new Field(text.toString(), path));
        }
        return fields;
    }

    /** A host or path written back so that {@link #fields} reads it as one field. */
    static String quote(String text) {
        if (text.indexOf(':') >= 0 && text.indexOf(']') < 0) {
            return "[" + text + "]";
        }
        return text.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static IllegalArgumentException invalid(Forward.Kind kind, String spec, String why) {
        String name = switch (kind) {
            case LOCAL -> "local";
            case REMOTE -> "remote";
            case DYNAMIC -> "dynamic";
        };
        return new IllegalArgumentException("bad " + name + " forwarding specification '" + spec + "': " + why);
    }
}

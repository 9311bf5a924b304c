package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.mux.Forward;
import java.util.ArrayList;
import java.util.List;

/**
 * The forwards a host's ssh config asks for, as {@code ssh -G} prints them: {@code localforward
 * LISTEN CONNECT}, {@code remoteforward LISTEN CONNECT} and {@code dynamicforward LISTEN}, each
 * side written {@code port}, {@code [host]:port} or a socket path (readconf.c
 * dump_cfg_forwards). ssh opens them itself when it makes the master.
 */
final class ConfigForwards {
    /** How readconf.c writes the target of a remote forward without one (a remote SOCKS forward). */
    private static final String REMOTE_SOCKS_TARGET = "[socks]:0";

    private ConfigForwards() {}

    static List<Forward> of(EffectiveOptions options) {
        List<Forward> forwards = new ArrayList<>();
        for (String value : options.options().getOrDefault("localforward", List.of())) {
            withTarget(Forward.Kind.LOCAL, value, forwards);
        }
        for (String value : options.options().getOrDefault("remoteforward", List.of())) {
            withTarget(Forward.Kind.REMOTE, value, forwards);
        }
        for (String value : options.options().getOrDefault("dynamicforward", List.of())) {
            // OpenSSH 9.2 also prints a LocalForward between socket paths as "dynamicforward PATH";
            // a SOCKS forward cannot listen on a path, so such a line is that forward again.
            if (!value.contains("/")) {
                parsed(Forward.Kind.DYNAMIC, value.strip(), forwards);
            }
        }
        return List.copyOf(forwards);
    }

    private static void withTarget(Forward.Kind kind, String value, List<Forward> forwards) {
        int space = value.indexOf(' ');
        if (space <= 0) {
            return;
        }
        String listen = value.substring(0, space);
        String connect = value.substring(space + 1).strip();
        parsed(kind, connect.equals(REMOTE_SOCKS_TARGET) ? listen : listen + ":" + connect, forwards);
    }

    private static void parsed(Forward.Kind kind, String spec, List<Forward> forwards) {
        try {
            forwards.add(Forward.parse(kind, spec));
        } catch (IllegalArgumentException unreadable) {
            // ssh accepted it, so it is a form this parser does not know; leave it out of the list
        }
    }
}

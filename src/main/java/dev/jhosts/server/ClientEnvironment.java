package dev.jhosts.server;

import java.util.Map;
import java.util.TreeMap;

/**
 * The variables of a client's environment that cross to the server: what the picker and the
 * sessions on that terminal need (the terminal's type and colours, the locale, the user's
 * agent and displays for forwarding, the tmux the terminal is in for F5), nothing else.
 */
public final class ClientEnvironment {
    private static final java.util.Set<String> NAMES = java.util.Set.of("TERM", "COLORTERM", "NO_COLOR", "LANG",
            "LANGUAGE", "TZ", "SSH_AUTH_SOCK", "DISPLAY", "WAYLAND_DISPLAY", "TMUX", "TMUX_PANE", "XAUTHORITY");

    private ClientEnvironment() {}

    /** The allowed variables of {@code environment}: those named above and the locale's {@code LC_*}. */
    public static Map<String, String> allowed(Map<String, String> environment) {
        Map<String, String> allowed = new TreeMap<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (isAllowed(variable.getKey())) {
                allowed.put(variable.getKey(), variable.getValue());
            }
        }
        return allowed;
    }

    public static boolean isAllowed(String name) {
        return NAMES.contains(name) || name.startsWith("LC_") && name.length() > 3;
    }
}

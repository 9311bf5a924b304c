package dev.jhosts.master;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ssh processes jhosts starts take from the terminal the user came from last: its agent
 * and its display, as tmux's {@code update-environment} gives a new window the attaching
 * client's. A server started from one terminal lives on after it, and that terminal's agent
 * socket may be gone (the ssh login it came with has ended); a master made for a later terminal
 * uses that terminal's agent. A variable the latest terminal has not is taken away too. Before
 * any terminal came, the process's own environment stands.
 */
public final class LatestTerminal {
    /** The variables taken: those that name the user's agent and display, per login. */
    public static final List<String> NAMES = List.of("SSH_AUTH_SOCK", "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY");

    private volatile Map<String, String> variables; // null until a terminal came

    /** A terminal came (a client attached): its environment's values of {@link #NAMES} from now on. */
    public void cameFrom(Map<String, String> environment) {
        Map<String, String> taken = new HashMap<>();
        for (String name : NAMES) {
            String value = environment.get(name);
            if (value != null) {
                taken.put(name, value);
            }
        }
        variables = Map.copyOf(taken);
    }

    /** Sets or removes {@link #NAMES} in {@code environment} (a process's about to start) as the latest terminal has them. */
    public void applyTo(Map<String, String> environment) {
        Map<String, String> latest = variables;
        if (latest == null) {
            return;
        }
        for (String name : NAMES) {
            String value = latest.get(name);
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        }
    }
}

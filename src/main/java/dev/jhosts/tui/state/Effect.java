package dev.jhosts.tui.state;

import java.util.List;

/** Work the update asks for; carried out by the app, whose results come back as events. */
public sealed interface Effect {

    /** Leave jhosts with this exit status. */
    record Quit(int exitCode) implements Effect {}

    /** Resolve a host's effective options in the background. */
    record ResolveDetails(String alias) implements Effect {}

    /** Launch (or reuse) a host's master in the background. */
    record StartMaster(String alias) implements Effect {}

    /** Open a session on a host: give up the screen until it ends. */
    record OpenSession(String alias) implements Effect {}

    /** Check, stop, exit or kill the master behind a socket. */
    record ControlMaster(MasterAction action, MasterRow row, boolean cutDependants) implements Effect {
        /** An action the user did not have to confirm: refused if masters ride this one. */
        public ControlMaster(MasterAction action, MasterRow row) {
            this(action, row, false);
        }
    }

    /** Redraw the whole screen (Ctrl-L). */
    record RedrawAll() implements Effect {}

    /**
     * Probe these hosts (reachability, host key) in the background, most wanted first: the
     * highlighted host, then the others on screen. Hosts with a live master are left out (their
     * master tells more); those probed recently are skipped by the prober.
     */
    record RequestProbes(List<String> aliases) implements Effect {
        public RequestProbes {
            aliases = List.copyOf(aliases);
        }
    }

    /** Give the terminal back and stop, as Ctrl-Z does to any program; carry on as before when continued. */
    record Suspend() implements Effect {}

    /** Forwards of a master, or a run on marked hosts, in the background (see {@link WorkRequest}). */
    record Work(WorkRequest request) implements Effect {}
}

package dev.jhosts.tui.state;

/** Work the update asks for; carried out by the app, whose results come back as events. */
public sealed interface Effect {

    /** Leave jhosts with this exit status. */
    record Quit(int exitCode) implements Effect {}

    /** Resolve a host's effective options in the background. */
    record ResolveDetails(String alias) implements Effect {}

    /** Launch (or reuse) a host's master in the background. */
    record StartMaster(String alias) implements Effect {}

    /**
     * Open a session on a host in the background (the master is checked first, off the UI
     * thread); {@link UiEvent.SessionReady} or {@link UiEvent.SessionEnded} tells how it went.
     * What is typed meanwhile is kept for the session.
     */
    record OpenSession(String alias) implements Effect {}

    /** Give the opened session the terminal until it ends ({@link UiEvent.SessionEnded}). */
    record AttachSession(String alias) implements Effect {}

    /** Check, stop, exit or kill the master behind a socket. */
    record ControlMaster(MasterAction action, MasterRow row, boolean cutDependants) implements Effect {
        /** An action the user did not have to confirm: refused if masters ride this one. */
        public ControlMaster(MasterAction action, MasterRow row) {
            this(action, row, false);
        }
    }

    /** Redraw the whole screen (Ctrl-L). */
    record RedrawAll() implements Effect {}

    /** Give the terminal back and stop, as Ctrl-Z does to any program; carry on as before when continued. */
    record Suspend() implements Effect {}
}

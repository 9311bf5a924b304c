package dev.jhosts.tui.state;

import java.util.List;

/** Work the update asks for; carried out by the app, whose results come back as events. */
public sealed interface Effect {

    /** Leave the picker with this exit status (its sessions are hung up unless they outlive it). */
    record Quit(int exitCode) implements Effect {}

    /** Hang these sessions up (their masters close the channels; the remote sides get their hang-up). */
    record HangUp(List<Long> ids) implements Effect {
        public HangUp {
            ids = List.copyOf(ids);
        }
    }

    /** Resolve a host's effective options in the background. */
    record ResolveDetails(String alias) implements Effect {}

    /** Launch (or reuse) a host's master in the background. */
    record StartMaster(String alias) implements Effect {}

    /**
     * Open a session on a host in the background (the master is checked first, off the UI
     * thread); {@link UiEvent.SessionReady} or {@link UiEvent.SessionNotOpened} tells how it went.
     * What is typed meanwhile is kept for the session.
     */
    record OpenSession(String alias) implements Effect {}

    /** Give the session just opened for {@code alias} the terminal ({@link UiEvent.SessionOpened}). */
    record AttachSession(String alias) implements Effect {}

    /** Give held session {@code id} the terminal again; it comes back with its last screen. */
    record Reattach(long id) implements Effect {}

    /** Inside tmux, open {@code alias} in a new window or split running {@code jhosts connect}. */
    record OpenInTmux(String alias) implements Effect {}

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
     * Make the alias's master again, this time letting ssh ask the user (its prompts come back as
     * {@link UiEvent.PromptAsked}); where jhosts cannot ask, ssh runs on the terminal instead.
     */
    record StartMasterAsking(String alias) implements Effect {}

    /**
     * What the user types into a prompt goes to the askpass side as it is typed, never into the
     * view state (a secret is kept in one buffer, wiped once sent).
     */
    record PromptKey(long id, int codePoint) implements Effect {}

    /** The last character typed into a prompt taken back. */
    record PromptErase(long id) implements Effect {}

    /** Send the prompt's answer to ssh. */
    record PromptAnswer(long id) implements Effect {}

    /** Refuse the prompt: ssh gives up that way of authenticating (or the launch). */
    record PromptCancel(long id) implements Effect {}

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

    /** Read the block that defines {@code alias} for the host form ({@link UiEvent.HostBlockRead}). */
    record ReadHostBlock(String alias) implements Effect {}

    /**
     * Add the host {@code alias} ({@code adding}) or change its block, as {@code jhosts host add|edit}
     * does, in the background; {@code split} moves it off a several-name Host line first.
     */
    record SaveHost(boolean adding, String alias, List<HostForm.Change> changes, boolean split) implements Effect {
        public SaveHost {
            changes = List.copyOf(changes);
        }
    }
}

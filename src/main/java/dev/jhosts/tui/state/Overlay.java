package dev.jhosts.tui.state;

import dev.jhosts.askpass.PromptRequest;
import java.util.List;

/** What is drawn over the list, taking the keys while it is shown. */
public sealed interface Overlay {

    /** Nothing: the list (or the status pane) has the keys. */
    record None() implements Overlay {}

    /**
     * The help with every key ({@link HelpText}), from its line {@code top}: the dialogs' up,
     * down, page and end keys scroll it, any other key closes it.
     */
    record Help(int top) implements Overlay {
        public Help() {
            this(0);
        }
    }

    /**
     * "Kill this master?", or "these ride this master: exit it?" — {@code y} goes ahead (cutting
     * the dependants), any other key cancels.
     */
    record Confirm(MasterAction action, MasterRow row) implements Overlay {}

    /**
     * Enter on a host whose probe found its host key CHANGED: nothing is connected; the dialog
     * shows both fingerprints and the command that would remove the old key, and any key closes
     * it. jhosts never edits known_hosts.
     */
    record HostKeyChanged(String alias) implements Overlay {}

    /**
     * Waiting for a master before a session opens; Esc cancels. {@code asking} when this is the
     * launch that may ask the user (so a second "needs you" is an answer, not a reason to ask again).
     */
    record Connecting(String alias, boolean asking) implements Overlay {
        public Connecting(String alias) {
            this(alias, false);
        }
    }

    /**
     * A prompt of ssh's, answered in the picker.
     *
     * @param visible what was typed, for a prompt answered in plain words (empty for a secret)
     * @param typed how many characters were typed (a secret shows that many dots)
     * @param connecting the host whose session waits for this master, empty for none
     */
    record Prompt(PromptRequest request, String visible, int typed, String connecting) implements Overlay {}

    /**
     * Enter on a host with several live sessions: which one, or a new one (the last choice).
     *
     * @param ids the host's live sessions, oldest first
     * @param selected the highlighted choice; {@code ids.size()} is "new session"
     */
    record ChooseSession(String alias, List<Long> ids, int selected) implements Overlay {
        public ChooseSession {
            ids = List.copyOf(ids);
        }
    }

    /**
     * Quitting while sessions live: they are named, {@code y} or Enter hangs them up and quits;
     * where they can outlive the picker ({@code keepable}, a jhosts server's), the keep key quits
     * and leaves them running.
     */
    record ConfirmQuit(List<String> sessions, List<Long> ids, int exitCode, boolean keepable) implements Overlay {
        public ConfirmQuit {
            sessions = List.copyOf(sessions);
            ids = List.copyOf(ids);
        }
    }

    /**
     * Enter on a session another terminal shows: {@code y} or Enter moves it here (that terminal
     * goes back to its list), anything else stays.
     */
    record MoveSession(long id, String alias, String where) implements Overlay {}

    /** The form that adds a host, or edits the block that defines it ({@link HostForm}). */
    record EditHost(HostForm form) implements Overlay {}

    /**
     * The host is on a Host line that names others ({@code names}), whose block is theirs too:
     * yes moves it into a block of its own and opens the form on that; any other key cancels.
     */
    record SplitHost(String alias, List<String> names, HostForm form) implements Overlay {
        public SplitHost {
            names = List.copyOf(names);
        }
    }
}

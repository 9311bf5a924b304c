package dev.jhosts.tui.state;

import dev.jhosts.master.ListedForward;
import java.util.List;
import java.util.Optional;

/**
 * The status pane showing one master's forwards instead of the masters: those jhosts opened and
 * those of the host's config, the selected one, and the one-line form that adds one in ssh's
 * syntax ({@code -L 8080:db:5432}).
 *
 * @param open whether the pane shows forwards
 * @param socket the master's control socket
 * @param aliases the names that use that master
 * @param loading whether the list is being fetched
 * @param forwards the master's forwards
 * @param selected the selected forward's index
 * @param composing whether the form is open
 * @param input the form's text
 * @param problem what is wrong with the form's text, or the master's reason for refusing it; empty for none
 */
public record ForwardsView(boolean open, String socket, List<String> aliases, boolean loading,
        List<ListedForward> forwards, int selected, boolean composing, LineInput input, String problem) {

    public static final ForwardsView CLOSED =
            new ForwardsView(false, "", List.of(), false, List.of(), 0, false, LineInput.EMPTY, "");

    public ForwardsView {
        aliases = List.copyOf(aliases);
        forwards = List.copyOf(forwards);
        selected = forwards.isEmpty() ? 0 : Math.max(0, Math.min(selected, forwards.size() - 1));
    }

    /** The forwards of the master of {@code row}, to be fetched. */
    public static ForwardsView of(MasterRow row) {
        return new ForwardsView(true, row.socket(), row.aliases(), true, List.of(), 0, false, LineInput.EMPTY, "");
    }

    public Optional<ListedForward> selectedForward() {
        return forwards.isEmpty() ? Optional.empty() : Optional.of(forwards.get(selected));
    }

    public ForwardsView listed(List<ListedForward> newForwards) {
        return new ForwardsView(open, socket, aliases, false, newForwards, selected, composing, input, problem);
    }

    public ForwardsView withSelected(int index) {
        return new ForwardsView(open, socket, aliases, loading, forwards, index, composing, input, problem);
    }

    public ForwardsView composing(LineInput newInput) {
        return new ForwardsView(open, socket, aliases, loading, forwards, selected, true, newInput, "");
    }

    public ForwardsView withProblem(String newProblem) {
        return new ForwardsView(open, socket, aliases, loading, forwards, selected, composing, input, newProblem);
    }

    /** The form closed (after a forward was opened, or Esc). */
    public ForwardsView formClosed() {
        return new ForwardsView(open, socket, aliases, loading, forwards, selected, false, LineInput.EMPTY, "");
    }

    /** How many rows the pane needs: a line per forward (one when none), then the form or its hint, then a problem. */
    public int rows() {
        return Math.max(1, forwards.size()) + 1 + (problem.isEmpty() ? 0 : 1);
    }
}

package dev.jhosts.tui.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The picker's run of one command on the marked hosts: the input line while the command is
 * typed, then the results pane — each host's state and last line, and the selected host's
 * whole output (as much as is kept).
 *
 * @param id which run this is (news of an earlier run is dropped)
 * @param targets the hosts the next command runs on (while composing) or ran on
 * @param composing whether the command is being typed
 * @param input the command being typed
 * @param command the command that runs or ran; empty before the first
 * @param hosts the hosts of that run, in order
 * @param shown whether the results pane is on screen
 * @param selected the selected host's index
 * @param scroll lines scrolled up from the end of the selected host's output (0 follows the end)
 */
public record RunPane(int id, List<String> targets, boolean composing, LineInput input, String command,
        List<RunHost> hosts, boolean shown, int selected, int scroll) {

    public static final RunPane NONE = new RunPane(0, List.of(), false, LineInput.EMPTY, "", List.of(), false, 0, 0);

    public RunPane {
        targets = List.copyOf(targets);
        hosts = List.copyOf(hosts);
        selected = hosts.isEmpty() ? 0 : Math.max(0, Math.min(selected, hosts.size() - 1));
        scroll = Math.max(0, scroll);
    }

    /** Whether a command has been run (so there are results to show). */
    public boolean hasRun() {
        return !command.isEmpty();
    }

    /** Whether any host still waits or runs. */
    public boolean running() {
        return hosts.stream().anyMatch(host -> host.phase() != RunHost.Phase.DONE);
    }

    public RunPane composing(List<String> newTargets) {
        return new RunPane(id, newTargets, true, LineInput.EMPTY, command, hosts, shown, selected, scroll);
    }

    public RunPane withInput(LineInput newInput) {
        return new RunPane(id, targets, composing, newInput, command, hosts, shown, selected, scroll);
    }

    public RunPane cancelled() {
        return new RunPane(id, targets, false, LineInput.EMPTY, command, hosts, shown, selected, scroll);
    }

    /** A new run of the typed command on the targets: every host waiting, the pane shown. */
    public RunPane started() {
        List<RunHost> waiting = new ArrayList<>();
        targets.forEach(alias -> waiting.add(RunHost.waiting(alias)));
        return new RunPane(id + 1, targets, false, LineInput.EMPTY, input.text().strip(), waiting, true, 0, 0);
    }

    public RunPane withShown(boolean newShown) {
        return new RunPane(id, targets, composing, input, command, hosts, newShown, selected, scroll);
    }

    public RunPane withSelected(int index) {
        return new RunPane(id, targets, composing, input, command, hosts, shown, index, 0);
    }

    public RunPane withScroll(int lines) {
        return new RunPane(id, targets, composing, input, command, hosts, shown, selected, lines);
    }

    /** This pane with {@code alias}'s host changed by {@code change} (no change when it is not of this run). */
    public RunPane withHost(String alias, UnaryOperator<RunHost> change) {
        List<RunHost> changed = new ArrayList<>(hosts);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).alias().equals(alias)) {
                changed.set(i, change.apply(changed.get(i)));
            }
        }
        return new RunPane(id, targets, composing, input, command, changed, shown, selected, scroll);
    }

    public Optional<RunHost> selectedHost() {
        return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts.get(selected));
    }
}

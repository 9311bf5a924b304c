package dev.jhosts.tui.state;

import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterState;
import dev.jhosts.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the screen shows, as one immutable value. Only {@link Update} makes new ones.
 *
 * @param catalogue every host, in catalogue (frecency) order
 * @param warnings problems found while reading the configuration, shown in the status line
 * @param list the order, the folded groups, the filter, the hosts it lets through and the rows shown
 * @param pane the status pane
 * @param focus which part takes the movement keys
 * @param overlay a dialog or help drawn over the rest
 * @param masters each alias' master state (absent: none)
 * @param details each alias' resolved options (absent: not asked yet)
 * @param probes each alias' latest probe (reachability, host key; absent: not probed yet)
 * @param message the status line's message, empty for none
 * @param size the terminal's size
 * @param spinner the spinner frame counter
 * @param now the time of the latest tick
 * @param selectedSince when the selected host was selected (for prelaunch)
 * @param prelaunchDelay how long a host must stay selected before its master is launched;
 *     negative turns prelaunch on selection off
 * @param prelaunchPending whether the selected host may still get a prelaunch (once per selection)
 * @param work the marked hosts, a command run on them, the status pane's forwards (see {@link Work})
 * @param sessions the live sessions, which one has the terminal, what happens when it ends
 */
public record ViewState(
        List<Host> catalogue,
        List<String> warnings,
        HostList list,
        MasterPane pane,
        Focus focus,
        Overlay overlay,
        Map<String, MasterState> masters,
        Map<String, Details> details,
        Map<String, ProbeResult> probes,
        String message,
        ScreenSize size,
        int spinner,
        Instant now,
        Instant selectedSince,
        Duration prelaunchDelay,
        boolean prelaunchPending,
        Work work,
        Sessions sessions) {

    public ViewState {
        catalogue = List.copyOf(catalogue);
        warnings = List.copyOf(warnings);
        masters = Map.copyOf(masters);
        details = Map.copyOf(details);
        probes = Map.copyOf(probes);
    }

    /** The state at start-up: the whole catalogue, nothing filtered, no masters known. */
    public static ViewState initial(List<Host> catalogue, List<String> warnings, ScreenSize size, Instant now,
            Duration prelaunchDelay) {
        String message = warningMessage(warnings);
        return new ViewState(catalogue, warnings, HostList.filtered(catalogue, ""), MasterPane.initial(),
                Focus.HOSTS, new Overlay.None(), Map.of(), Map.of(), Map.of(), message, size, 0, now, now, prelaunchDelay, true,
                Work.NONE, Sessions.NONE);
    }

    /** The status line for {@code warnings}: the first, and how many there are (empty for none). */
    static String warningMessage(List<String> warnings) {
        return warnings.isEmpty() ? ""
                : warnings.size() == 1 ? "warning: " + warnings.get(0)
                : warnings.size() + " warnings (F1 lists them): " + warnings.get(0);
    }

    /**
     * {@code more} added to the warnings (those already there not again); the status line shows
     * the first of them, since the newest are what the user has not seen.
     */
    public ViewState withMoreWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        List<String> added = more.stream().filter(warning -> !warnings.contains(warning)).toList();
        if (added.isEmpty()) {
            return this;
        }
        all.addAll(added);
        String newMessage = all.size() == 1 ? "warning: " + added.get(0)
                : all.size() + " warnings (F1 lists them): " + added.get(0);
        return new ViewState(catalogue, all, list, pane, focus, overlay, masters, details, probes, newMessage, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public MasterState masterState(String alias) {
        return masters.getOrDefault(alias, new MasterState.None());
    }

    public ViewState withList(HostList newList) {
        return new ViewState(catalogue, warnings, newList, pane, focus, overlay, masters, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withPane(MasterPane newPane) {
        return new ViewState(catalogue, warnings, list, newPane, focus, overlay, masters, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withFocus(Focus newFocus) {
        return new ViewState(catalogue, warnings, list, pane, newFocus, overlay, masters, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withOverlay(Overlay newOverlay) {
        return new ViewState(catalogue, warnings, list, pane, focus, newOverlay, masters, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withMaster(String alias, MasterState state) {
        Map<String, MasterState> copy = new HashMap<>(masters);
        copy.put(alias, state);
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, copy, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    /** {@code known} on top of the masters' states (the first frame's masters known live). */
    public ViewState withMasters(Map<String, MasterState> known) {
        if (known.isEmpty()) {
            return this;
        }
        Map<String, MasterState> copy = new HashMap<>(masters);
        copy.putAll(known);
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, copy, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withDetails(String alias, Details value) {
        Map<String, Details> copy = new HashMap<>(details);
        copy.put(alias, value);
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, copy, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withProbe(String alias, ProbeResult result) {
        Map<String, ProbeResult> copy = new HashMap<>(probes);
        copy.put(alias, result);
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, copy, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    /** The alias' latest probe, if it was probed. */
    public Optional<ProbeResult> probe(String alias) {
        return Optional.ofNullable(probes.get(alias));
    }

    public ViewState withMessage(String newMessage) {
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, probes, newMessage, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withSize(ScreenSize newSize) {
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, probes, message, newSize,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    public ViewState withTime(Instant newNow, int newSpinner) {
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, probes, message, size,
                newSpinner, newNow, selectedSince, prelaunchDelay, prelaunchPending, work, sessions);
    }

    /** The selection changed at {@code since}: its prelaunch clock starts. */
    public ViewState withSelectedSince(Instant since) {
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, probes, message, size,
                spinner, now, since, prelaunchDelay, true, work, sessions);
    }

    /** The selected host had its prelaunch (or needs none). */
    public ViewState withPrelaunchDone() {
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, false, work, sessions);
    }

    public ViewState withWork(Work newWork) {
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, newWork, sessions);
    }

    public ViewState withSessions(Sessions newSessions) {
        return new ViewState(catalogue, warnings, list, pane, focus, overlay, masters, details, probes, message, size,
                spinner, now, selectedSince, prelaunchDelay, prelaunchPending, work, newSessions);
    }

    /** Whether anything on screen is waiting (a spinner turns). */
    public boolean spinning() {
        return overlay instanceof Overlay.Connecting
                || overlay instanceof Overlay.EditHost form && form.form().saving()
                || masters.values().stream().anyMatch(state -> state instanceof MasterState.Starting)
                || details.values().stream().anyMatch(value -> value instanceof Details.Resolving)
                || work.run().shown() && work.run().running();
    }
}

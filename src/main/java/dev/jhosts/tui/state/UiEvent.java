package dev.jhosts.tui.state;

import dev.jhosts.askpass.PromptRequest;
import dev.jhosts.probe.ProbeResult;
import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.master.MasterState;
import java.time.Instant;
import java.util.List;

/** Everything that can change the view: keys, time, the terminal, and background work. */
public sealed interface UiEvent {

    /** The user pressed a key. */
    record KeyPressed(Key key) implements UiEvent {}

    /** The clock advanced (spinner frames, ages in the status pane, delays). */
    record Tick(Instant now) implements UiEvent {}

    /** The terminal has a new size. */
    record Resized(int columns, int rows) implements UiEvent {}

    /** The terminal's input ended (the terminal went away). */
    record InputClosed() implements UiEvent {}

    /** A host's master changed state. */
    record MasterChanged(String alias, MasterState state) implements UiEvent {}

    /** The current list of masters for the status pane. */
    record MastersListed(List<MasterRow> rows) implements UiEvent {
        public MastersListed {
            rows = List.copyOf(rows);
        }
    }

    /** {@code ssh -G} answered for a host. */
    record DetailsResolved(String alias, EffectiveOptions options) implements UiEvent {}

    /** {@code ssh -G} failed for a host. */
    record DetailsFailed(String alias, String reason) implements UiEvent {}

    /** A message for the status line (the outcome of an action, a failure). */
    record Notice(String text) implements UiEvent {}

    /** Warnings about the configuration found after the start (ssh's own refusal of the ssh config). */
    record LateWarnings(List<String> warnings) implements UiEvent {
        public LateWarnings {
            warnings = List.copyOf(warnings);
        }
    }

    /** ssh asks (through jhosts' askpass helper) for the launch of a master made for the user. */
    record PromptAsked(PromptRequest request) implements UiEvent {}

    /** A prompt is no longer wanted (answered, or ssh gave up). */
    record PromptWithdrawn(long id) implements UiEvent {}

    /** A host was probed (reachability, host key) in the background. */
    record Probed(String alias, ProbeResult result) implements UiEvent {}

    /**
     * The picker starts: the masters to launch at once (setting {@code prelaunch}), and those that
     * may ask the user at start ({@code ask-at-start}, where jhosts can ask inside the picker), and
     * whether jhosts exits when the attached session ends ({@code on-session-end = exit}).
     */
    record Started(List<String> prelaunch, List<String> askAtStart, boolean canAsk, boolean exitOnEnd,
            boolean sessionsOutlive) implements UiEvent {
        public Started {
            prelaunch = List.copyOf(prelaunch);
            askAtStart = List.copyOf(askAtStart);
        }

        /** A picker whose sessions end with it. */
        public Started(List<String> prelaunch, List<String> askAtStart, boolean canAsk, boolean exitOnEnd) {
            this(prelaunch, askAtStart, canAsk, exitOnEnd, false);
        }
    }

    /**
     * A session asked for ({@link Effect.OpenSession}) is open and waits for the terminal; it is
     * given it by {@link Effect.AttachSession}, or closed if no longer wanted.
     */
    record SessionReady(String alias) implements UiEvent {}

    /** A session asked for could not open; {@code why} says it in a few words. */
    record SessionNotOpened(String alias, String why) implements UiEvent {}

    /** The session opened for {@code alias} is held as {@code id} and has the terminal now. */
    record SessionOpened(long id, String alias, Instant at) implements UiEvent {}

    /**
     * Session {@code id} of {@code alias} is held by this jhosts (opened from another terminal,
     * or before this picker started); it is listed, not shown.
     */
    record SessionListed(long id, String alias, Instant started, Instant lastOutput) implements UiEvent {}

    /** Connect to {@code alias} now ({@code jhosts connect HOST}): as Enter on its row. */
    record ConnectTo(String alias) implements UiEvent {}

    /** Show session {@code id} now ({@code jhosts attach}): as Enter on its row. */
    record ShowSession(long id) implements UiEvent {}

    /** Session {@code id} is shown in the terminal {@code where} now (empty: in none). */
    record SessionShown(long id, String where) implements UiEvent {}

    /** Session {@code id}, detached, has new output. */
    record SessionOutput(long id, Instant at) implements UiEvent {}

    /** The connection under session {@code id} is lost, needs the user, is back, or up again ({@code link}). */
    record SessionLink(long id, SessionRow.Link link) implements UiEvent {}

    /** Session {@code id} is over; {@code status} is -1 when the master sent none. */
    record SessionOver(long id, String summary, int status) implements UiEvent {}

    /** The terminal is the list's again, after what {@code end} says. */
    record TerminalBack(LoanEnd end) implements UiEvent {}

    /**
     * The catalogue changed while the picker runs (a source answered): every host, in catalogue
     * order, and the warnings about reading them (the status line's).
     */
    record CatalogueChanged(List<dev.jhosts.catalog.Host> hosts, List<String> warnings) implements UiEvent {
        public CatalogueChanged {
            hosts = List.copyOf(hosts);
            warnings = List.copyOf(warnings);
        }
    }

    /** News of forwards or of a run (see {@link WorkNews}). */
    record Work(WorkNews news) implements UiEvent {}

    /**
     * The block of {@code alias} for the host form: where it is, the names of its Host line, its
     * values by keyword, its other option lines; or, when {@code readOnly} is not empty, why jhosts does not edit it.
     */
    record HostBlockRead(String alias, String where, List<String> names, java.util.Map<String, String> values,
            List<String> others, String readOnly) implements UiEvent {
        public HostBlockRead {
            names = List.copyOf(names);
            others = List.copyOf(others);
            values = java.util.Map.copyOf(values);
        }
    }

    /** The host form's change was written ({@code line} says what, where); the catalogue was read again first. */
    record HostSaved(String line) implements UiEvent {}

    /** The host form's change was refused, nothing written: {@code reason} in one line. */
    record HostNotSaved(String reason) implements UiEvent {}
}

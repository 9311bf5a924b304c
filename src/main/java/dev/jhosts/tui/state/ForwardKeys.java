package dev.jhosts.tui.state;

import dev.jhosts.master.ListedForward;
import dev.jhosts.master.MasterState;
import dev.jhosts.mux.Forward;
import java.util.Optional;

/**
 * The status pane's forwards: the pane's forwards action shows the selected master's; there
 * {@link ForwardsAction}s add one (a form in ssh's syntax: {@code -L 8080:db:5432}, checked
 * before it is sent), cancel the selected one, list again, go back. Pure, as {@link Update} is.
 */
final class ForwardKeys {
    private ForwardKeys() {}

    /** A key while the forwards are shown; empty for the list's keys that work there too (help, the pane, the order). */
    static Optional<Transition> onViewKey(Keymap keys, ViewState state, Key key) {
        ForwardsView view = state.work().forwards();
        if (view.composing()) {
            return Optional.of(onFormKey(keys, state, view, key));
        }
        Optional<ForwardsAction> bound = keys.forwards().action(key);
        if (bound.isEmpty()) {
            boolean passes = keys.list().action(key).filter(Keymap.listActionsIn(KeyMode.FORWARDS)::contains).isPresent();
            return passes ? Optional.empty() : Optional.of(Transition.of(state));
        }
        return Optional.of(switch (bound.get()) {
            case BACK -> Transition.of(withView(state, ForwardsView.CLOSED));
            case HOSTS -> Transition.of(withView(state, ForwardsView.CLOSED).withFocus(Focus.HOSTS));
            case UP -> Transition.of(withView(state, view.withSelected(view.selected() - 1)));
            case DOWN -> Transition.of(withView(state, view.withSelected(view.selected() + 1)));
            case ADD -> Transition.of(withView(state, view.composing(LineInput.EMPTY)));
            case LIST -> Transition.of(state, list(view));
            case CANCEL -> cancel(state, view);
        });
    }

    /** The status pane's forwards action: the selected master's forwards, when it is live. */
    static Transition open(ViewState state) {
        Optional<MasterRow> row = state.pane().selectedRow();
        if (row.isEmpty()) {
            return Transition.of(state.withMessage("no master selected"));
        }
        if (!(row.get().state() instanceof MasterState.Live)) {
            return Transition.of(state.withMessage(String.join(",", row.get().aliases())
                    + ": its master is " + row.get().state().word() + ": no forwards to show"));
        }
        ForwardsView opened = ForwardsView.of(row.get());
        return Transition.of(withView(state, opened).withMessage(""), list(opened));
    }

    private static Transition cancel(ViewState state, ForwardsView view) {
        Optional<ListedForward> selected = view.selectedForward();
        if (selected.isEmpty()) {
            return Transition.of(state.withMessage("no forward to cancel"));
        }
        ListedForward forward = selected.get();
        if (forward.status() == ListedForward.Status.CANCELLED) {
            return Transition.of(state.withMessage(forward.spec() + " is cancelled already"));
        }
        return Transition.of(state.withMessage("cancelling " + forward.spec() + "…"), new Effect.Work(
                new WorkRequest.CloseForward(view.socket(), view.aliases(), forward.forward(), forward.origin())));
    }

    private static Transition onFormKey(Keymap keys, ViewState state, ForwardsView view, Key key) {
        Optional<FormAction> action = keys.forms().action(key);
        if (action.isPresent() && action.get() == FormAction.CANCEL) {
            return Transition.of(withView(state, view.formClosed()));
        }
        if (action.isPresent() && action.get() == FormAction.SUBMIT) {
            Forward forward;
            try {
                forward = Forward.parseOption(view.input().text());
            } catch (IllegalArgumentException e) {
                return Transition.of(withView(state, view.withProblem(e.getMessage())));
            }
            return Transition.of(withView(state, view.withProblem("")).withMessage("opening " + forward + "…"),
                    new Effect.Work(new WorkRequest.OpenForward(view.socket(), view.aliases(), forward)));
        }
        return view.input().edited(keys.forms(), key)
                .map(input -> Transition.of(withView(state, view.composing(input))))
                .orElseGet(() -> Transition.of(state));
    }

    static Effect list(ForwardsView view) {
        return new Effect.Work(new WorkRequest.ListForwards(view.socket(), view.aliases()));
    }

    static ViewState withView(ViewState state, ForwardsView view) {
        return state.withWork(state.work().withForwards(view));
    }
}

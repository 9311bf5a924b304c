package dev.jhosts.tui.state;

import dev.jhosts.master.ListedForward;
import dev.jhosts.master.MasterState;
import dev.jhosts.mux.Forward;
import java.util.Optional;

/**
 * The keys of the status pane's forwards: {@code f} shows the selected master's forwards; there
 * {@code a} opens the form (ssh's syntax: {@code -L 8080:db:5432}, checked before it is sent),
 * {@code d} or Delete cancels the selected forward, {@code r} lists again, Esc goes back to the
 * masters. Pure, as {@link Update} is.
 */
final class ForwardKeys {
    private ForwardKeys() {}

    /** A key of the focused status pane this handles; empty for the pane's own keys. */
    static Optional<Transition> onPaneKey(ViewState state, Key key) {
        ForwardsView view = state.work().forwards();
        if (view.open()) {
            if (key.equals(Key.named(Key.Name.F1)) || key.equals(Key.named(Key.Name.F2)) || key.equals(Key.named(Key.Name.F3))) {
                return Optional.empty();
            }
            return Optional.of(view.composing() ? onFormKey(state, view, key) : onViewKey(state, view, key));
        }
        if (!key.equals(Key.typed('f'))) {
            return Optional.empty();
        }
        Optional<MasterRow> row = state.pane().selectedRow();
        if (row.isEmpty()) {
            return Optional.of(Transition.of(state.withMessage("no master selected")));
        }
        if (!(row.get().state() instanceof MasterState.Live)) {
            return Optional.of(Transition.of(state.withMessage(String.join(",", row.get().aliases())
                    + ": its master is " + row.get().state().word() + ": no forwards to show")));
        }
        ForwardsView opened = ForwardsView.of(row.get());
        return Optional.of(Transition.of(withView(state, opened).withMessage(""), list(opened)));
    }

    private static Transition onViewKey(ViewState state, ForwardsView view, Key key) {
        if (key.equals(Key.named(Key.Name.ESCAPE)) || key.equals(Key.named(Key.Name.LEFT)) || key.equals(Key.typed('f'))) {
            return Transition.of(withView(state, ForwardsView.CLOSED));
        }
        if (key.equals(Key.named(Key.Name.TAB)) || key.equals(Key.named(Key.Name.BACK_TAB)) || key.equals(Key.ctrl('i'))) {
            return Transition.of(withView(state, ForwardsView.CLOSED).withFocus(Focus.HOSTS));
        }
        if (key.equals(Key.named(Key.Name.UP)) || key.equals(Key.ctrl('p'))) {
            return Transition.of(withView(state, view.withSelected(view.selected() - 1)));
        }
        if (key.equals(Key.named(Key.Name.DOWN)) || key.equals(Key.ctrl('n'))) {
            return Transition.of(withView(state, view.withSelected(view.selected() + 1)));
        }
        if (key.equals(Key.typed('a'))) {
            return Transition.of(withView(state, view.composing(LineInput.EMPTY)));
        }
        if (key.equals(Key.typed('r'))) {
            return Transition.of(state, list(view));
        }
        if (key.equals(Key.typed('d')) || key.equals(Key.named(Key.Name.DELETE))) {
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
        return Transition.of(state);
    }

    private static Transition onFormKey(ViewState state, ForwardsView view, Key key) {
        if (key.equals(Key.named(Key.Name.ESCAPE))) {
            return Transition.of(withView(state, view.formClosed()));
        }
        if (key.equals(Key.named(Key.Name.ENTER)) || key.equals(Key.ctrl('m')) || key.equals(Key.ctrl('j'))) {
            Forward forward;
            try {
                forward = Forward.parseOption(view.input().text());
            } catch (IllegalArgumentException e) {
                return Transition.of(withView(state, view.withProblem(e.getMessage())));
            }
            return Transition.of(withView(state, view.withProblem("")).withMessage("opening " + forward + "…"),
                    new Effect.Work(new WorkRequest.OpenForward(view.socket(), view.aliases(), forward)));
        }
        return view.input().edited(key)
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

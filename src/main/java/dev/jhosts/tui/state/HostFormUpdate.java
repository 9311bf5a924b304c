package dev.jhosts.tui.state;

import dev.jhosts.catalog.filter.HostMatch;
import java.util.Optional;

/**
 * The host form's part of {@link Update}: opening it (the block is read in the background), its
 * keys, the dialog that asks whether to split a several-name Host line, and the outcome of a
 * save (written in the background by the same editor as {@code jhosts host add|edit}).
 */
final class HostFormUpdate {
    private HostFormUpdate() {}

    /** The list's edit key: the selected host's block is read, then the form opens on it. */
    static Transition edit(ViewState state) {
        Optional<HostMatch> selected = state.list().selectedMatch();
        if (selected.isEmpty()) {
            return Transition.of(state.withMessage("no host matches the filter"));
        }
        String alias = selected.get().host().alias();
        return Transition.of(state.withMessage(alias + ": reading its block…"), new Effect.ReadHostBlock(alias));
    }

    /** The list's add key: an empty form. */
    static Transition add(ViewState state) {
        return Transition.of(state.withOverlay(new Overlay.EditHost(HostForm.forNewHost())));
    }

    /** The block was read: the form, a question first for a several-name Host line, or why it is read-only. */
    static Transition onBlockRead(ViewState state, UiEvent.HostBlockRead read) {
        if (!(state.overlay() instanceof Overlay.None)) {
            return Transition.of(state); // something else took the screen meanwhile
        }
        ViewState cleared = state.withMessage("");
        if (!read.readOnly().isEmpty()) {
            return Transition.of(cleared.withOverlay(new Overlay.EditHost(HostForm.readOnly(read.alias(), read.readOnly()))));
        }
        if (read.names().size() > 1) {
            return Transition.of(cleared.withOverlay(new Overlay.SplitHost(read.alias(), read.names(),
                    HostForm.editing(read.alias(), read.values(), read.others(), read.where(), true))));
        }
        return Transition.of(cleared.withOverlay(new Overlay.EditHost(
                HostForm.editing(read.alias(), read.values(), read.others(), read.where(), false))));
    }

    /** Yes splits (the form opens on the host's own block to be); any other key cancels. */
    static Transition onSplitKey(Keymap keys, ViewState state, Overlay.SplitHost question, Key key) {
        if (keys.dialogs().is(DialogAction.YES, key)) {
            return Transition.of(state.withOverlay(new Overlay.EditHost(question.form())));
        }
        return Transition.of(state.withOverlay(new Overlay.None()).withMessage(question.alias() + ": not edited"));
    }

    static Transition onFormKey(Keymap keys, ViewState state, Overlay.EditHost shown, Key key) {
        HostForm form = shown.form();
        Optional<FormAction> action = keys.forms().action(key);
        if (action.isPresent() && action.get() == FormAction.CANCEL) {
            return Transition.of(state.withOverlay(new Overlay.None())
                    .withMessage(form.adding() ? "no host added" : form.alias() + ": not changed"));
        }
        if (form.saving() || !form.readOnly().isEmpty()) {
            return Transition.of(state); // only Esc: a save runs, or there is nothing to edit
        }
        if (action.isPresent()) {
            switch (action.get()) {
                case NEXT_FIELD:
                    return shown(state, form.moved(1));
                case PREVIOUS_FIELD:
                    return shown(state, form.moved(-1));
                case SAVE:
                    return save(state, form);
                case SUBMIT:
                    return form.onLastField() ? save(state, form) : shown(state, form.moved(1));
                default:
                    break;
            }
        }
        return form.inputs().get(form.focus()).edited(keys.forms(), key)
                .map(input -> shown(state, form.typed(input)))
                .orElseGet(() -> Transition.of(state));
    }

    private static Transition shown(ViewState state, HostForm form) {
        return Transition.of(state.withOverlay(new Overlay.EditHost(form)));
    }

    private static Transition save(ViewState state, HostForm form) {
        String alias = form.typedAlias();
        if (alias.isEmpty()) {
            return shown(state, form.refused("type the new host's alias first"));
        }
        if (!form.adding() && form.changes().isEmpty() && !form.split()) {
            return Transition.of(state.withOverlay(new Overlay.None()).withMessage(alias + ": nothing to change"));
        }
        return Transition.of(state.withOverlay(new Overlay.EditHost(form.savingNow())),
                new Effect.SaveHost(form.adding(), alias, form.changes(), form.split()));
    }

    /** Written: the form closes, the status line says what and where (the list has the new catalogue). */
    static Transition onSaved(ViewState state, UiEvent.HostSaved saved) {
        ViewState shown = state.overlay() instanceof Overlay.EditHost ? state.withOverlay(new Overlay.None()) : state;
        return Transition.of(shown.withMessage(saved.line()));
    }

    /** Refused: the form stays, with the values typed and the reason; nothing was written. */
    static Transition onNotSaved(ViewState state, UiEvent.HostNotSaved refused) {
        if (state.overlay() instanceof Overlay.EditHost shown) {
            return shown(state, shown.form().refused(refused.reason()));
        }
        return Transition.of(state.withMessage("not saved: " + refused.reason()));
    }
}

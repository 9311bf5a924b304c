package dev.jhosts.tui.state;

/**
 * The keys of an input line: a command to run, a forward to add, the answer to one of ssh's
 * prompts, the fields of the host form.
 */
public enum FormAction implements KeyAction {
    SUBMIT, CANCEL, DELETE_CHAR, DELETE_WORD, CLEAR, NEXT_FIELD, PREVIOUS_FIELD, SAVE;

    @Override
    public KeyMode mode() {
        return KeyMode.FORMS;
    }
}

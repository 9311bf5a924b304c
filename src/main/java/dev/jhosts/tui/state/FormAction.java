package dev.jhosts.tui.state;

/**
 * The keys of an input line: a command to run, a forward to add, the answer to one of ssh's
 * prompts.
 */
public enum FormAction implements KeyAction {
    SUBMIT, CANCEL, DELETE_CHAR, DELETE_WORD, CLEAR;

    @Override
    public KeyMode mode() {
        return KeyMode.FORMS;
    }
}

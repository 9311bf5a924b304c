package dev.jhosts.tui.state;

import java.util.List;

/**
 * The keys of an input line: a command to run, a forward to add, the answer to one of ssh's
 * prompts.
 */
public enum FormAction implements KeyAction {
    SUBMIT("run, add or send what was typed", "Enter"),
    CANCEL("close the line (refuse ssh's prompt)", "Esc"),
    DELETE_CHAR("delete a character", "Backspace"),
    DELETE_WORD("delete a word (not in a prompt)", "C-w"),
    CLEAR("delete everything typed (not in a prompt)", "C-u");

    private final Spec spec;

    FormAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.FORMS;
    }
}

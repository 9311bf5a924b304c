package dev.jhosts.tui.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key tables' data: each action's help text and default keys, mode by mode, in the order
 * the help and the manual page list them. {@link Keymap} builds the tables from these, with the
 * settings on top.
 */
final class DefaultKeys {
    private static final Map<KeyAction, KeyAction.Spec> SPECS = new HashMap<>();

    static {
        put(PickerAction.QUIT, "quit at once (asks first when sessions live)", "C-c");
        put(PickerAction.REDRAW, "redraw the screen", "C-l");
        put(PickerAction.SUSPEND, "suspend jhosts (the shell's fg brings it back)", "C-z");
        put(ListAction.UP, "move up", "Up", "C-p");
        put(ListAction.DOWN, "move down", "Down", "C-n");
        put(ListAction.PAGE_UP, "move a page up", "PgUp");
        put(ListAction.PAGE_DOWN, "move a page down", "PgDn");
        put(ListAction.FIRST, "to the first row", "Home");
        put(ListAction.LAST, "to the last row", "End");
        put(ListAction.CONNECT, "connect (Esc cancels the wait), or back to its session", "Enter");
        put(ListAction.NEW_SESSION, "a new session on the host, even when it has live ones", "C-t");
        put(ListAction.TMUX, "inside tmux: the host in a new tmux window or split", "F5");
        put(ListAction.FOLD, "fold the group (Enter on its header folds or unfolds)", "Left");
        put(ListAction.UNFOLD, "unfold the group", "Right");
        put(ListAction.ORDER, "order: recent and frequent first, or A to Z", "F3", "C-o");
        put(ListAction.MARK, "mark the host (on a group header: its hosts shown)", "Space");
        put(ListAction.MARK_ALL, "mark every host shown", "C-a");
        put(ListAction.CLEAR_MARKS, "clear the marks", "C-x");
        put(ListAction.RUN, "run a command on the marked hosts (or the selected one)", "C-r");
        put(ListAction.RESULTS, "show or hide the results of the last command", "F4");
        put(ListAction.EDIT_HOST, "edit the host's block in its file (a form)", "C-e");
        put(ListAction.ADD_HOST, "add a host to the ssh config (a form)", "F7");
        put(ListAction.DELETE_CHAR, "delete a character of the filter", "Backspace");
        put(ListAction.DELETE_WORD, "delete a word of the filter", "C-w");
        put(ListAction.CLEAR_FILTER, "clear the filter", "C-u");
        put(ListAction.CLEAR_OR_QUIT, "clear the filter; quit when it is empty", "Esc");
        put(ListAction.HELP, "this help (a character only while the filter is empty)", "?", "F1");
        put(ListAction.MASTERS, "go to the status pane of masters", "Tab", "S-Tab");
        put(ListAction.TOGGLE_MASTERS, "show or hide the status pane", "F2");
        put(ListAction.FILES, "the files pane: the host's files beside local ones", "F6");
        put(StatusPaneAction.UP, "select the master above", "Up", "C-p");
        put(StatusPaneAction.DOWN, "select the master below", "Down", "C-n");
        put(StatusPaneAction.FIRST, "select the first master", "Home");
        put(StatusPaneAction.LAST, "select the last master", "End");
        put(StatusPaneAction.CHECK, "check: is it alive, which pid", "c");
        put(StatusPaneAction.STOP, "stop: no new sessions, running ones go on", "s");
        put(StatusPaneAction.EXIT, "exit: end the master and its sessions", "x");
        put(StatusPaneAction.KILL, "kill its pid (asks first; for a stuck master)", "k");
        put(StatusPaneAction.FORWARDS, "its forwards: list, add, cancel", "f");
        put(StatusPaneAction.BACK, "back to the host list", "Tab", "S-Tab", "Esc");
        put(ForwardsAction.UP, "select the forward above", "Up", "C-p");
        put(ForwardsAction.DOWN, "select the forward below", "Down", "C-n");
        put(ForwardsAction.ADD, "add one in ssh's syntax (-L 8080:db:5432, -D 1080)", "a");
        put(ForwardsAction.CANCEL, "cancel the selected forward", "d", "Delete");
        put(ForwardsAction.LIST, "list them again", "r");
        put(ForwardsAction.BACK, "back to the masters", "Esc", "f", "Left");
        put(ForwardsAction.HOSTS, "back to the host list", "Tab", "S-Tab");
        put(ResultsAction.UP, "select the host above; its whole output is shown below", "Up", "C-p");
        put(ResultsAction.DOWN, "select the host below", "Down", "C-n");
        put(ResultsAction.SCROLL_BACK, "scroll its output back a page", "PgUp");
        put(ResultsAction.SCROLL_ON, "scroll its output on a page", "PgDn");
        put(ResultsAction.START, "to the start of its output", "Home");
        put(ResultsAction.END, "to the end of its output", "End");
        put(ResultsAction.STOP, "stop the command on every host still running", "x");
        put(ResultsAction.RUN_AGAIN, "run another command on the same hosts", "C-r");
        put(ResultsAction.BACK, "back to the list (the command goes on)", "Esc", "F4");
        put(DialogAction.YES, "yes: go ahead (any other key cancels a confirmation)", "y", "Y");
        put(DialogAction.NO, "no: refuse ssh's question", "n", "N");
        put(DialogAction.KEEP, "quit, the sessions going on in the jhosts server", "d", "D");
        put(DialogAction.ACCEPT, "take the highlighted choice; quit when asked to", "Enter");
        put(DialogAction.CANCEL, "cancel a chooser or a question (only Esc ends a wait)", "Esc");
        put(DialogAction.UP, "the choice above; scroll the help up", "Up", "C-p");
        put(DialogAction.DOWN, "the choice below; scroll the help down", "Down", "C-n");
        put(DialogAction.PAGE_UP, "scroll the help a page up", "PgUp");
        put(DialogAction.PAGE_DOWN, "scroll the help a page down", "PgDn");
        put(DialogAction.FIRST, "to the start of the help", "Home");
        put(DialogAction.LAST, "to the end of the help", "End");
        put(FormAction.SUBMIT, "run, add or send it; host form: next field, or save", "Enter");
        put(FormAction.CANCEL, "close the line or form (refuse ssh's prompt)", "Esc");
        put(FormAction.DELETE_CHAR, "delete a character", "Backspace");
        put(FormAction.DELETE_WORD, "delete a word (not in a prompt)", "C-w");
        put(FormAction.CLEAR, "delete everything typed (not in a prompt)", "C-u");
        put(FormAction.NEXT_FIELD, "host form: the next field", "Tab", "Down");
        put(FormAction.PREVIOUS_FIELD, "host form: the previous field", "S-Tab", "Up");
        put(FormAction.SAVE, "host form: save (ssh -G checks it first)", "C-s");
        put(FilesAction.UP, "select the entry above", "Up", "C-p");
        put(FilesAction.DOWN, "select the entry below", "Down", "C-n");
        put(FilesAction.PAGE_UP, "a page up", "PgUp");
        put(FilesAction.PAGE_DOWN, "a page down", "PgDn");
        put(FilesAction.FIRST, "to the first entry", "Home");
        put(FilesAction.LAST, "to the last entry", "End");
        put(FilesAction.SWITCH, "the other side: remote or local", "Tab", "S-Tab");
        put(FilesAction.ENTER, "enter the folder", "Enter", "Right");
        put(FilesAction.UP_FOLDER, "up to the folder above", "Backspace", "Left");
        put(FilesAction.MARK, "mark the entry (copy and delete take the marked ones)", "Space");
        put(FilesAction.COPY, "copy the marked entries (or the selected one) across", "F5", "c");
        put(FilesAction.RENAME, "rename the selected entry", "F6", "r");
        put(FilesAction.MAKE_FOLDER, "make a folder", "F7", "m");
        put(FilesAction.DELETE, "delete the marked entries (or the selected one); asks", "F8", "Delete", "d");
        put(FilesAction.STOP_COPY, "stop the copy under way (its part is removed)", "x");
        put(FilesAction.RELOAD, "list both sides again", "C-r");
        put(FilesAction.CLOSE, "close the pane (copies go on)", "Esc", "F10");
        put(SessionAction.DETACH, "detach: back to the list, the session goes on", "C-\\");
        put(SessionAction.NEXT_SESSION, "straight to the next live session", "F12");
        put(SessionAction.PREVIOUS_SESSION, "straight to the previous live session", "S-F12");
    }

    private DefaultKeys() {}

    private static void put(KeyAction action, String help, String... keys) {
        SPECS.put(action, new KeyAction.Spec(help, List.of(keys)));
    }

    /** The help and the default keys of {@code action}. */
    static KeyAction.Spec of(KeyAction action) {
        KeyAction.Spec spec = SPECS.get(action);
        if (spec == null) {
            throw new IllegalStateException("no help or default keys for " + action.mode() + "." + action.word());
        }
        return spec;
    }
}

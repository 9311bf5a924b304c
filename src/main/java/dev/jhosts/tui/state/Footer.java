package dev.jhosts.tui.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The footer's hints for what has the keys now (the host form, the run's input or results, the
 * forwards, the status pane, the list), with the keys the {@link Keymap} gives their actions: {@code Up/Down
 * move  Enter connect ...}. An action without a key is left out.
 */
public final class Footer {
    private Footer() {}

    /**
     * One hint: the first key of each of {@code actions} joined by a slash ({@code Up/Down}), or
     * with {@code allKeys} every key of the one action ({@code Esc/F4}), then {@code word}.
     */
    private record Hint(List<KeyAction> actions, boolean allKeys, String word) {
        static Hint of(KeyAction action, String word) {
            return new Hint(List.of(action), false, word);
        }

        static Hint pair(KeyAction first, KeyAction second, String word) {
            return new Hint(List.of(first, second), false, word);
        }

        static Hint every(KeyAction action, String word) {
            return new Hint(List.of(action), true, word);
        }
    }

    public static String text(Keymap keys, ViewState state) {
        return join(keys, hints(state));
    }

    private static List<Hint> hints(ViewState state) {
        if (state.overlay() instanceof Overlay.EditHost) {
            return List.of(Hint.pair(FormAction.NEXT_FIELD, FormAction.PREVIOUS_FIELD, "field"),
                    Hint.of(FormAction.SAVE, "save"), Hint.of(FormAction.CANCEL, "cancel"),
                    Hint.of(FormAction.CLEAR, "clear the field"));
        }
        RunPane run = state.work().run();
        if (run.composing()) {
            return List.of(Hint.of(FormAction.SUBMIT, "run"), Hint.of(FormAction.CANCEL, "cancel"),
                    Hint.of(FormAction.CLEAR, "clear"));
        }
        FilesPane files = state.work().files();
        if (files.open() && !run.shown()) {
            if (!files.deleting().isEmpty()) {
                return List.of(Hint.of(DialogAction.YES, "delete"), Hint.of(DialogAction.CANCEL, "keep"));
            }
            if (files.editing() != FilesPane.Editing.NONE) {
                return List.of(Hint.of(FormAction.SUBMIT, files.editing() == FilesPane.Editing.RENAME ? "rename"
                        : "make it"), Hint.of(FormAction.CANCEL, "cancel"));
            }
            return List.of(Hint.pair(FilesAction.UP, FilesAction.DOWN, "move"), Hint.of(FilesAction.SWITCH, "side"),
                    Hint.of(FilesAction.ENTER, "enter"), Hint.of(FilesAction.UP_FOLDER, "up"),
                    Hint.of(FilesAction.MARK, "mark"), Hint.of(FilesAction.COPY, "copy"),
                    Hint.of(FilesAction.RENAME, "rename"), Hint.of(FilesAction.MAKE_FOLDER, "folder"),
                    Hint.of(FilesAction.DELETE, "delete"), Hint.of(FilesAction.CLOSE, "close"));
        }
        if (run.shown()) {
            return List.of(Hint.pair(ResultsAction.UP, ResultsAction.DOWN, "host"),
                    Hint.pair(ResultsAction.SCROLL_BACK, ResultsAction.SCROLL_ON, "scroll"),
                    Hint.of(ResultsAction.STOP, "stop"), Hint.of(ResultsAction.RUN_AGAIN, "run again"),
                    Hint.every(ResultsAction.BACK, "back to the list"));
        }
        if (state.focus() == Focus.MASTERS) {
            if (state.work().forwards().open()) {
                if (state.work().forwards().composing()) {
                    return List.of(Hint.of(FormAction.SUBMIT, "add"), Hint.of(FormAction.CANCEL, "cancel"));
                }
                return List.of(Hint.pair(ForwardsAction.UP, ForwardsAction.DOWN, "select"),
                        Hint.of(ForwardsAction.ADD, "add"), Hint.of(ForwardsAction.CANCEL, "cancel"),
                        Hint.of(ForwardsAction.LIST, "list again"), Hint.of(ForwardsAction.BACK, "masters"));
            }
            return List.of(Hint.pair(StatusPaneAction.UP, StatusPaneAction.DOWN, "select"),
                    Hint.of(StatusPaneAction.CHECK, "check"), Hint.of(StatusPaneAction.STOP, "stop"),
                    Hint.of(StatusPaneAction.EXIT, "exit"), Hint.of(StatusPaneAction.KILL, "kill"),
                    Hint.of(StatusPaneAction.FORWARDS, "forwards"), Hint.of(StatusPaneAction.BACK, "hosts"),
                    Hint.of(ListAction.TOGGLE_MASTERS, "hide"), Hint.of(PickerAction.QUIT, "quit"));
        }
        if (!state.work().marks().isEmpty()) {
            return List.of(Hint.of(ListAction.MARK, "mark"), Hint.of(ListAction.MARK_ALL, "mark shown"),
                    Hint.of(ListAction.CLEAR_MARKS, "clear"),
                    Hint.of(ListAction.RUN, "run on " + state.work().marks().aliases().size() + " marked"),
                    Hint.of(ListAction.RESULTS, "results"), Hint.of(ListAction.HELP, "help"));
        }
        return List.of(Hint.pair(ListAction.UP, ListAction.DOWN, "move"), Hint.of(ListAction.CONNECT, "connect"),
                Hint.of(ListAction.MARK, "mark"), Hint.of(ListAction.RUN, "run"),
                Hint.of(ListAction.CLEAR_OR_QUIT, "quit"), Hint.of(ListAction.HELP, "help"),
                Hint.of(ListAction.MASTERS, "masters"));
    }

    private static String join(Keymap keys, List<Hint> hints) {
        List<String> parts = new ArrayList<>();
        for (Hint hint : hints) {
            List<String> shown = new ArrayList<>();
            for (KeyAction action : hint.actions()) {
                List<String> names = keys.shownKeys(action);
                if (hint.allKeys()) {
                    shown.addAll(names);
                } else if (!names.isEmpty()) {
                    shown.add(names.get(0));
                }
            }
            if (!shown.isEmpty()) {
                parts.add(String.join("/", shown) + " " + hint.word());
            }
        }
        return String.join("  ", parts);
    }
}

package dev.jhosts.tui.state;

import dev.jhosts.session.SessionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The help overlay's lines, made from the {@link Keymap}: a section per mode (what is on screen
 * first), each bound action with its keys, a few notes on keys that are not bindings (typing,
 * the session escapes), then the configuration warnings. The overlay scrolls over them
 * ({@link Overlay.Help#top}), so they fit any screen.
 */
public final class HelpText {
    private HelpText() {}

    /** One line: the keys and what they do; a section's title has no {@code text}; a blank line neither. */
    public record Line(String keys, String text) {}

    /** The rows the help box has for lines on a screen of {@code size}: the frame and the hint line take the rest. */
    public static int visibleRows(ScreenSize size) {
        return Math.max(1, size.rows() - 4);
    }

    /** The highest first line the help can be scrolled to. */
    public static int maxTop(Keymap keys, ViewState state) {
        return Math.max(0, lines(keys, state).size() - visibleRows(state.size()));
    }

    public static List<Line> lines(Keymap keys, ViewState state) {
        boolean results = state.work().run().shown();
        boolean forwards = state.work().forwards().open() && state.focus() == Focus.MASTERS;
        List<KeyMode> order = new ArrayList<>();
        if (results) {
            order.add(KeyMode.RESULTS);
        }
        if (forwards) {
            order.add(KeyMode.FORWARDS);
        }
        for (KeyMode mode : List.of(KeyMode.LIST, KeyMode.STATUS_PANE, KeyMode.FORWARDS, KeyMode.RESULTS,
                KeyMode.PICKER, KeyMode.DIALOGS, KeyMode.FORMS, KeyMode.FILES, KeyMode.SESSION)) {
            if (!order.contains(mode)) {
                order.add(mode);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (KeyMode mode : order) {
            section(lines, keys, mode);
        }
        if (!state.warnings().isEmpty()) {
            lines.add(new Line("", ""));
            lines.add(new Line("Warnings", ""));
            state.warnings().forEach(warning -> lines.add(new Line(warning, "")));
        }
        return lines;
    }

    private static void section(List<Line> lines, Keymap keys, KeyMode mode) {
        List<Line> rows = new ArrayList<>(notesBefore(mode));
        for (KeyAction action : Keymap.actions(mode)) {
            String shown = keys.shown(action);
            if (!shown.isEmpty()) {
                rows.add(new Line(shown, action.help()));
            }
        }
        rows.addAll(notesAfter(keys, mode));
        if (rows.isEmpty()) {
            return;
        }
        if (!lines.isEmpty()) {
            lines.add(new Line("", ""));
        }
        lines.add(new Line(mode.title(), ""));
        lines.addAll(rows);
    }

    private static List<Line> notesBefore(KeyMode mode) {
        if (mode == KeyMode.LIST) {
            return List.of(new Line("type", "filter: fuzzy over alias, hostname, description"),
                    new Line("tag:x group:y", "only hosts with a tag / group starting so"));
        }
        return List.of();
    }

    private static List<Line> notesAfter(Keymap keys, KeyMode mode) {
        if (mode == KeyMode.DIALOGS) {
            return List.of(new Line("1 to 9", "in the session chooser: that choice"),
                    new Line("other keys", "close the help or a warning; cancel a confirmation"));
        }
        if (mode == KeyMode.SESSION && keys.escapeChar() >= 0) {
            String e = SessionSpec.escapeName(keys.escapeChar());
            return List.of(new Line(e + "^Z", "detach, after a newline"),
                    new Line(e + ".", "close the session (whatever the master does)"),
                    new Line(e + "? " + e + e, "list the escapes / send one " + e));
        }
        return List.of();
    }
}

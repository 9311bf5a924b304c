package dev.jhosts.tui.view;

import dev.jhosts.askpass.PromptKind;
import dev.jhosts.askpass.PromptRequest;
import dev.jhosts.probe.HostKeyState;
import dev.jhosts.probe.KnownKey;
import dev.jhosts.probe.ProbeResult;
import dev.jhosts.probe.ProbeText;
import dev.jhosts.tui.state.DialogAction;
import dev.jhosts.tui.state.FormAction;
import dev.jhosts.tui.state.HelpText;
import dev.jhosts.tui.state.HostForm;
import dev.jhosts.tui.state.KeyAction;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.MasterAction;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.Overlay;
import dev.jhosts.tui.state.ViewState;
import java.util.ArrayList;
import java.util.List;

/** Draws the overlay of a state (help, kill confirmation, connecting) in a centred box. */
final class OverlayPainter {
    private static final int HELP_KEYS_WIDTH = 20;

    private final Canvas canvas;
    private final Appearance look;
    private final ViewState state;
    private final Keymap keys;

    OverlayPainter(Canvas canvas, Appearance look, ViewState state, Keymap keys) {
        this.canvas = canvas;
        this.look = look;
        this.state = state;
        this.keys = keys;
    }

    /** The first key of each of {@code actions} as a dialog's hint names them: {@code y Enter}; "(unbound)" for none. */
    private String keysOf(KeyAction... actions) {
        List<String> names = new ArrayList<>();
        for (KeyAction action : actions) {
            keys.shownKeys(action).stream().findFirst().ifPresent(names::add);
        }
        return names.isEmpty() ? "(unbound)" : String.join(" ", names);
    }

    void paint() {
        Overlay overlay = state.overlay();
        if (overlay instanceof Overlay.Help shown) {
            help(shown.top());
        } else if (overlay instanceof Overlay.Confirm confirm) {
            confirm(confirm.action(), confirm.row());
        } else if (overlay instanceof Overlay.Prompt prompt) {
            prompt(prompt);
        } else if (overlay instanceof Overlay.HostKeyChanged changed) {
            state.probe(changed.alias()).ifPresent(this::hostKeyChanged);
        } else if (overlay instanceof Overlay.ChooseSession chooser) {
            chooser(chooser);
        } else if (overlay instanceof Overlay.MoveSession move) {
            box("session", List.of(move.alias() + " #" + move.id() + " is shown in " + move.where() + ".",
                    "Show it here? That terminal goes back to its list.", "",
                    keysOf(DialogAction.YES, DialogAction.ACCEPT) + ": show it here    any other key: no"));
        } else if (overlay instanceof Overlay.ConfirmQuit quit) {
            List<String> lines = new ArrayList<>();
            lines.add(quit.keepable() ? "Quit? These sessions live:" : "Quit? These sessions are hung up:");
            quit.sessions().forEach(name -> lines.add("  " + name));
            lines.add("");
            if (quit.keepable()) {
                lines.add(keysOf(DialogAction.YES, DialogAction.ACCEPT) + ": hang them up and quit");
                lines.add(keysOf(DialogAction.KEEP) + ": quit, they go on in the server (jhosts attach)");
                lines.add("any other key: stay");
            } else {
                lines.add(keysOf(DialogAction.YES, DialogAction.ACCEPT) + ": quit    any other key: stay");
            }
            box("quit", lines);
        } else if (overlay instanceof Overlay.EditHost form) {
            hostForm(form.form());
        } else if (overlay instanceof Overlay.SplitHost question) {
            List<String> lines = new ArrayList<>();
            lines.add(question.alias() + " is on the line 'Host " + String.join(" ", question.names()) + "':");
            lines.add("its block is the others' too. Move " + question.alias() + " into a block of its own");
            lines.add("(after that one, with the same options) and edit that?");
            lines.add("");
            lines.add(keysOf(DialogAction.YES) + ": split and edit    any other key: leave it");
            box("edit " + question.alias(), lines);
        } else if (overlay instanceof Overlay.Connecting) {
            String alias = ((Overlay.Connecting) overlay).alias();
            box("connect", List.of(look.glyphs().spinnerFrame(state.spinner()) + " connecting to " + alias + "...",
                    "", "Esc: cancel"));
        }
    }

    /** The host form: where the block is, a field per value (the focused one pointed at), why not saved or not editable. */
    private void hostForm(HostForm form) {
        List<String> lines = new ArrayList<>();
        int wrap = Math.max(20, canvas.columns() - 8);
        if (!form.readOnly().isEmpty()) {
            lines.add(form.alias() + " is read-only here:");
            lines.addAll(wrapped(form.readOnly(), wrap));
            lines.add("");
            lines.add(keysOf(FormAction.CANCEL) + ": close");
            box("edit " + form.alias(), lines);
            return;
        }
        lines.add(form.adding() ? "a new host, in " + (form.where().isEmpty() ? "the new-hosts file" : form.where())
                : (form.split() ? "its own block, split off " : "its block at ") + form.where());
        lines.add("");
        List<String> labels = new ArrayList<>();
        labels.add("Host");
        labels.addAll(HostForm.FIELDS);
        labels.add("Option");
        for (int i = 0; i < labels.size(); i++) {
            if (i == labels.size() - 1) {
                form.others().forEach(other -> lines.add("  " + " ".repeat(13) + other));
            }
            String pointer = i == form.focus() ? look.glyphs().pointer() + " " : "  ";
            String label = String.format("%-13s", labels.get(i));
            String value = form.inputs().get(i).text();
            lines.add(pointer + label + (i == form.focus() ? value + "_" : value));
        }
        lines.add("");
        if (form.saving()) {
            lines.add(look.glyphs().spinnerFrame(state.spinner()) + " checking with ssh -G and writing…");
        } else if (!form.refusal().isEmpty()) {
            lines.addAll(wrapped("not saved: " + form.refusal(), wrap));
        } else {
            lines.add("an empty value removes the option; Tags: comma-separated; Option: any other, Keyword value "
                    + "(Keyword alone removes it)");
        }
        lines.add(keysOf(FormAction.NEXT_FIELD) + "/" + keysOf(FormAction.PREVIOUS_FIELD) + ": field    "
                + keysOf(FormAction.SAVE) + ", " + keysOf(FormAction.SUBMIT) + " on the last: save    "
                + keysOf(FormAction.CANCEL) + ": cancel");
        box(form.adding() ? "add a host" : "edit " + form.alias(), lines);
    }

    /** {@code text} cut into lines of at most {@code width} characters, at blanks where it can. */
    private static List<String> wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** Which of a host's sessions: each with its age, idle time and unseen mark, then "new session". */
    private void chooser(Overlay.ChooseSession chooser) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= chooser.ids().size(); i++) {
            String pointer = i == chooser.selected() ? look.glyphs().pointer() + " " : "  ";
            String choice;
            if (i < chooser.ids().size()) {
                long id = chooser.ids().get(i);
                choice = state.sessions().find(id).map(row -> SessionMarks.line(row, state.now(), look.unicode()))
                        .orElse("#" + id + " (ended)");
            } else {
                choice = "new session";
            }
            lines.add(pointer + (i < 9 ? (i + 1) + "  " : "   ") + choice);
        }
        lines.add("");
        lines.add(keysOf(DialogAction.ACCEPT) + " or 1-9: attach    " + keysOf(DialogAction.CANCEL) + ": back to the list");
        box(chooser.alias() + ": sessions", lines);
    }

    private void confirm(MasterAction action, MasterRow row) {
        String pid = row.pid() > 0 ? " (pid " + row.pid() + ")" : "";
        String name = String.join(",", row.aliases());
        List<String> lines = new ArrayList<>();
        switch (action) {
            case KILL -> {
                lines.add("Kill the master of " + name + pid + "?");
                lines.add("Its sessions end at once.");
            }
            case EXIT -> {
                lines.add("Exit the master of " + name + pid + "?");
                lines.add("Its sessions end at once.");
            }
            default -> {
                lines.add("Stop the master of " + name + pid + "?");
                lines.add("Running sessions go on; no new ones.");
            }
        }
        if (!row.dependants().isEmpty()) {
            lines.add("Riding it: " + String.join(", ", row.dependants()));
            lines.add(action == MasterAction.STOP ? "(they go on, but cannot be made again through it)"
                    : "(they are cut)");
        }
        lines.add("");
        lines.add(keysOf(DialogAction.YES) + ": " + action.word() + "    any other key: keep it");
        box(action.word(), lines);
    }

    /** ssh's prompt, for the host it is for, with the input (dots for a secret) and, for a host key, the probe's view. */
    private void prompt(Overlay.Prompt prompt) {
        PromptRequest request = prompt.request();
        List<String> lines = new ArrayList<>();
        lines.add("ssh asks, for " + request.host() + ":");
        request.text().lines().map(String::stripTrailing).filter(line -> !line.isEmpty()).forEach(lines::add);
        switch (request.kind()) {
            case SECRET -> lines.add("> " + look.glyphs().secret().repeat(prompt.typed()));
            case TEXT -> lines.add("> " + prompt.visible());
            default -> { }
        }
        if (request.kind() == PromptKind.TEXT) {
            state.probe(request.host()).ifPresent(result -> lines.add("probe: " + ProbeText.hostKey(result)));
        }
        lines.add("");
        lines.add(request.kind() == PromptKind.CONFIRM
                ? keysOf(DialogAction.YES) + ": allow    " + keysOf(DialogAction.NO) + ", " + keysOf(DialogAction.CANCEL)
                        + ": refuse"
                : keysOf(FormAction.SUBMIT) + ": send    " + keysOf(FormAction.CANCEL) + ": cancel");
        box("ssh", lines);
    }

    /** A changed host key: both fingerprints, where the old one is, and the commands that would remove it. */
    private void hostKeyChanged(ProbeResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("The host key of " + result.target().alias() + " CHANGED.");
        lines.add("Someone may be intercepting the connection, or the key was replaced.");
        if (result.hostKey() instanceof HostKeyState.Changed changed) {
            lines.add("offered: " + changed.offered().type() + " " + changed.offered().fingerprint());
            for (KnownKey known : changed.known()) {
                lines.add("known:   " + known.key().type() + " " + known.key().fingerprint() + " (" + known.where() + ")");
            }
            lines.add("If the new key is right, remove the old one (jhosts never edits known_hosts):");
            lines.addAll(ProbeText.removeOldKeyCommands(result.target(), changed));
        }
        lines.add("");
        lines.add("any key: close (nothing is connected)");
        box("host key changed", lines);
    }

    /**
     * The help from its line {@code top}, as many lines as the screen has room for, and a last
     * line saying which lines these are and how to scroll.
     */
    private void help(int top) {
        List<HelpText.Line> all = HelpText.lines(keys, state);
        int visible = HelpText.visibleRows(state.size());
        int first = Math.max(0, Math.min(top, all.size() - visible));
        int end = Math.min(all.size(), first + visible);
        List<String> lines = new ArrayList<>();
        for (HelpText.Line line : all.subList(first, end)) {
            lines.add(line.text().isEmpty() ? line.keys() : pad(line.keys()) + line.text());
        }
        lines.add("");
        if (first == 0 && end == all.size()) {
            lines.add("any key closes this help");
        } else {
            lines.add("lines " + (first + 1) + "-" + end + " of " + all.size() + ", "
                    + first(DialogAction.UP) + "/" + first(DialogAction.DOWN) + " " + first(DialogAction.PAGE_UP) + "/"
                    + first(DialogAction.PAGE_DOWN) + " scroll, other keys close");
        }
        box("keys", lines);
    }

    private String first(DialogAction action) {
        List<String> names = keys.shownKeys(action);
        return names.isEmpty() ? "-" : names.get(0);
    }

    private static String pad(String keys) {
        StringBuilder padded = new StringBuilder(keys);
        while (padded.length() < HELP_KEYS_WIDTH) {
            padded.append(' ');
        }
        return padded.append(' ').toString();
    }

    /** A framed box in the middle of the screen; on very small screens, just the lines. */
    private void box(String title, List<String> lines) {
        Theme theme = look.theme();
        Style style = theme.dialog();
        int widest = DisplayText.width(title, look.unicode()) + 4;
        for (String line : lines) {
            widest = Math.max(widest, DisplayText.width(line, look.unicode()));
        }
        if (canvas.columns() < 8 || canvas.rows() < 4) {
            for (int i = 0; i < canvas.rows() && i < lines.size(); i++) {
                canvas.fill(i, 0, canvas.columns(), style);
                canvas.text(i, 0, canvas.columns(), lines.get(i), style);
            }
            return;
        }
        int width = Math.min(canvas.columns(), widest + 4);
        int height = Math.min(canvas.rows(), lines.size() + 2);
        int left = (canvas.columns() - width) / 2;
        int top = (canvas.rows() - height) / 2;
        Glyphs glyphs = look.glyphs();
        for (int row = top; row < top + height; row++) {
            canvas.fill(row, left, left + width, style);
            canvas.text(row, left, left + 1, glyphs.vertical(), style);
            canvas.text(row, left + width - 1, left + width, glyphs.vertical(), style);
        }
        for (int column = left; column < left + width; column++) {
            canvas.text(top, column, column + 1, glyphs.horizontal(), style);
            canvas.text(top + height - 1, column, column + 1, glyphs.horizontal(), style);
        }
        canvas.text(top, left, left + 1, glyphs.corners().get(0), style);
        canvas.text(top, left + width - 1, left + width, glyphs.corners().get(1), style);
        canvas.text(top + height - 1, left, left + 1, glyphs.corners().get(2), style);
        canvas.text(top + height - 1, left + width - 1, left + width, glyphs.corners().get(3), style);
        canvas.text(top, left + 2, left + width - 2, " " + title + " ", theme.highlight());
        for (int i = 0; i < height - 2 && i < lines.size(); i++) {
            canvas.text(top + 1 + i, left + 2, left + width - 2, lines.get(i), style);
        }
    }
}

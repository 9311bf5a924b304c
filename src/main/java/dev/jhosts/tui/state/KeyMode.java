package dev.jhosts.tui.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * The picker's key modes: each has one table of bindings ({@link Keymap}), a name in the
 * settings ({@code keys { list { connect = [Enter] } }}), a title in the help overlay, and a
 * section of the manual page ({@code .SS Keys in ...}).
 */
public enum KeyMode {
    PICKER("picker", "Anywhere (dialogs and input lines too)", "Keys anywhere in the picker"),
    LIST("list", "Host list", "Keys in the list"),
    STATUS_PANE("status-pane", "Status pane", "Keys in the status pane"),
    FORWARDS("forwards", "Forwards of a master (f in the pane)", "Keys in the forwards of a master"),
    RESULTS("results", "Run results (F4)", "Keys in the results pane"),
    DIALOGS("dialogs", "Dialogs", "Keys in dialogs"),
    FORMS("forms", "Input lines (a command, a forward, ssh's prompts, the host form)", "Keys in input lines"),
    FILES("files", "Files pane", "Keys in the files pane"),
    SESSION("session", "In a session", "Keys in a session");

    private final String word;
    private final String title;
    private final String manSection;

    KeyMode(String word, String title, String manSection) {
        this.word = word;
        this.title = title;
        this.manSection = manSection;
    }

    /** As the settings write it: {@code keys { status-pane { ... } }}. */
    public String word() {
        return word;
    }

    /** The heading of the mode's keys in the help overlay. */
    public String title() {
        return title;
    }

    /** The title of the manual page's subsection that lists the mode's keys. */
    public String manSection() {
        return manSection;
    }

    public static Optional<KeyMode> named(String word) {
        return Arrays.stream(values()).filter(mode -> mode.word.equals(word)).findFirst();
    }
}

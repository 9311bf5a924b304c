package dev.jhosts.tui.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form that adds a host or edits the block that defines it: the alias (typed only for a new
 * host), the values {@link #KEYWORDS} names, as the block writes them, jhosts' {@link #NOTES}
 * (its {@code # jhosts:} comment), and a last line for any
 * other option, {@code Keyword value} (a keyword alone removes it; the block's other option lines
 * are shown above it). Only the values that differ from what the block had are written
 * ({@link #changes}): an empty field removes its option from the block.
 *
 * @param adding a new host (the alias is a field) rather than an existing one's block
 * @param alias the host edited (for a new one: what the alias field held when it was made)
 * @param inputs the fields as typed: the alias first, then one per field of {@link #FIELDS}, then the other option's line
 * @param initial what the block had, one per field of {@link #FIELDS} (empty for a new host)
 * @param others the block's other option lines, as written
 * @param focus the field the keys type into
 * @param where the block's file and line as the form names them (empty for a new host)
 * @param split the alias is moved off a Host line naming other hosts into its own block first
 * @param readOnly why the host cannot be edited here (the command line's reason), empty when it can
 * @param refusal why the last save was refused (nothing was written), empty for none
 * @param saving a save runs in the background
 */
public record HostForm(boolean adding, String alias, List<LineInput> inputs, List<String> initial, List<String> others,
        int focus,
        String where, boolean split, String readOnly, String refusal, boolean saving) {
    /** The ssh_config keywords the form has a field for, in its order. */
    public static final List<String> KEYWORDS = List.of("HostName", "User", "Port", "ProxyJump", "IdentityFile");
    /** jhosts' notes the form has a field for, after the keywords: they go in the block's {@code # jhosts:} comment. */
    public static final List<String> NOTES = List.of("Tags", "Group", "Description");
    /** Every field after the alias and before the other option's line. */
    public static final List<String> FIELDS = java.util.stream.Stream.concat(KEYWORDS.stream(), NOTES.stream()).toList();

    public HostForm {
        inputs = List.copyOf(inputs);
        initial = List.copyOf(initial);
        others = List.copyOf(others);
    }

    /**
     * A change of one option: its keyword and the value typed (empty: remove it); {@code asWritten}
     * for the other option's line, whose value goes in the file as typed (ssh's syntax, as
     * {@code --option} takes it), where a field's value is one word.
     */
    public record Change(String keyword, String value, boolean asWritten) {
        public Change(String keyword, String value) {
            this(keyword, value, false);
        }

        /** A change of jhosts' notes ({@link #NOTES}: Tags comma-separated) rather than of an option. */
        public boolean isNote() {
            return !asWritten && NOTES.contains(keyword);
        }
    }

    /** An empty form for a new host; the alias field has the keys. */
    public static HostForm forNewHost() {
        List<LineInput> inputs = new ArrayList<>();
        List<String> initial = new ArrayList<>();
        inputs.add(LineInput.EMPTY);
        for (int i = 0; i < FIELDS.size(); i++) {
            inputs.add(LineInput.EMPTY);
            initial.add("");
        }
        inputs.add(LineInput.EMPTY);
        return new HostForm(true, "", inputs, initial, List.of(), 0, "", false, "", "", false);
    }

    /** The form of an existing host's block with {@code values} (by keyword); the first value has the keys. */
    public static HostForm editing(String alias, Map<String, String> values, List<String> others, String where,
            boolean split) {
        List<LineInput> inputs = new ArrayList<>();
        List<String> initial = new ArrayList<>();
        inputs.add(new LineInput(alias));
        for (String keyword : FIELDS) {
            String value = values.getOrDefault(keyword, "");
            inputs.add(new LineInput(value));
            initial.add(value);
        }
        inputs.add(LineInput.EMPTY);
        return new HostForm(false, alias, inputs, initial, others, 1, where, split, "", "", false);
    }

    /** A host jhosts does not edit: the form only says why. */
    public static HostForm readOnly(String alias, String reason) {
        HostForm empty = forNewHost();
        return new HostForm(false, alias, empty.inputs(), empty.initial(), List.of(), 1, "", false, reason, "", false);
    }

    /** The first field the keys may type into: the alias only for a new host. */
    public int firstField() {
        return adding ? 0 : 1;
    }

    public boolean onLastField() {
        return focus == inputs.size() - 1;
    }

    /** The alias typed (a new host) or edited. */
    public String typedAlias() {
        return adding ? inputs.get(0).text().strip() : alias;
    }

    /** The focus moved by {@code step} fields, round the form. */
    public HostForm moved(int step) {
        int first = firstField();
        int count = inputs.size() - first;
        int next = first + Math.floorMod(focus - first + step, count);
        return new HostForm(adding, alias, inputs, initial, others, next, where, split, readOnly, refusal, saving);
    }

    /** The focused field now holds {@code input}. */
    public HostForm typed(LineInput input) {
        List<LineInput> changed = new ArrayList<>(inputs);
        changed.set(focus, input);
        return new HostForm(adding, alias, changed, initial, others, focus, where, split, readOnly, refusal, saving);
    }

    public HostForm savingNow() {
        return new HostForm(adding, alias, inputs, initial, others, focus, where, split, readOnly, "", true);
    }

    /** The save was refused: the form stays, with what was typed and why. */
    public HostForm refused(String reason) {
        return new HostForm(adding, alias, inputs, initial, others, focus, where, split, readOnly, reason, false);
    }

    /** The values that differ from the block's, in the form's order (all those typed, for a new host). */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            String typed = inputs.get(i + 1).text().strip();
            if (!typed.equals(initial.get(i))) {
                changes.add(new Change(FIELDS.get(i), typed));
            }
        }
        String other = inputs.get(inputs.size() - 1).text().strip();
        if (!other.isEmpty()) {
            int end = 0;
            while (end < other.length() && !Character.isWhitespace(other.charAt(end)) && other.charAt(end) != '=') {
                end++;
            }
            String value = other.substring(end).strip();
            if (value.startsWith("=")) {
                value = value.substring(1).strip();
            }
            changes.add(new Change(other.substring(0, end), value, true));
        }
        return List.copyOf(changes);
    }
}

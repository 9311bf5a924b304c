package dev.jhosts.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * A run of ssh_config lines under one condition, with the options jhosts lists. Within a
 * section, as across sections, the first value obtained wins. A file Included from within a
 * block is read under that block's conditions ({@link #guard}), as OpenSSH does.
 */
final class Section {
    private final int order;
    private final List<Condition> guard;
    private final Condition own;
    private final boolean opensBlock;
    private final Path file;
    private final int line;
    /** By {@link Field} ordinal; null until the section sets a field. */
    private Object[] values;
    private int hostNameLine;
    private HostNotes notes = HostNotes.NONE;

    /**
     * {@code opensBlock}: the section starts at its Host or Match line, rather than continuing
     * a block after an Include or at the top of an Included file.
     */
    Section(int order, List<Condition> guard, Condition own, boolean opensBlock, Path file, int line) {
        this.order = order;
        this.guard = guard;
        this.own = own;
        this.opensBlock = opensBlock;
        this.file = file;
        this.line = line;
    }

    int order() {
        return order;
    }

    /** The conditions of the blocks the section's file was Included from, outermost first. */
    List<Condition> guard() {
        return guard;
    }

    Condition own() {
        return own;
    }

    boolean opensBlock() {
        return opensBlock;
    }

    Path file() {
        return file;
    }

    int line() {
        return line;
    }

    boolean hasValues() {
        return values != null || !notes.isEmpty();
    }

    /** Whether the section sets any field. */
    boolean setsFields() {
        return values != null;
    }

    /** Sets the field unless an earlier line of the section did. */
    void offer(Field field, Object value) {
        if (values == null) {
            values = new Object[Field.ALL.length];
        }
        if (values[field.ordinal()] == null) {
            values[field.ordinal()] = value;
        }
    }

    void offerHostName(String value, int atLine) {
        if (value(Field.HOSTNAME) == null) {
            offer(Field.HOSTNAME, value);
            hostNameLine = atLine;
        }
    }

    /** The field's value (String, Integer for the port, {@link ProxySetting}), or null. */
    Object value(Field field) {
        return values == null ? null : values[field.ordinal()];
    }

    void addNotes(HostNotes more) {
        notes = notes.then(more);
    }

    int hostNameLine() {
        return hostNameLine;
    }

    HostNotes notes() {
        return notes;
    }
}

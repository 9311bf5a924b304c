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
    private final Path file;
    private final int line;
    private String hostName = "";
    private int hostNameLine;
    private String user = "";
    private int port;
    private ProxySetting proxy;
    private String tag = "";
    private String canonicalizeHostname = "";
    private HostNotes notes = HostNotes.NONE;

    Section(int order, List<Condition> guard, Condition own, Path file, int line) {
        this.order = order;
        this.guard = List.copyOf(guard);
        this.own = own;
        this.file = file;
        this.line = line;
    }

    int order() {
        return order;
    }

    List<Condition> guard() {
        return guard;
    }

    Condition own() {
        return own;
    }

    Path file() {
        return file;
    }

    int line() {
        return line;
    }

    /** Whether the section's options apply to the host: its guard admits it and its own condition applies. */
    boolean appliesTo(byte[] alias) {
        for (Condition condition : guard) {
            if (!condition.admitsIncluded(alias)) {
                return false;
            }
        }
        return own.applies(alias);
    }

    boolean hasValues() {
        return !hostName.isEmpty() || !user.isEmpty() || port > 0 || proxy != null || !tag.isEmpty()
                || !canonicalizeHostname.isEmpty() || !notes.isEmpty();
    }

    void offerHostName(String value, int atLine) {
        if (hostName.isEmpty()) {
            hostName = value;
            hostNameLine = atLine;
        }
    }

    void offerUser(String value) {
        if (user.isEmpty()) {
            user = value;
        }
    }

    void offerPort(int value) {
        if (port == 0) {
            port = value;
        }
    }

    void offerProxy(ProxySetting value) {
        if (proxy == null) {
            proxy = value;
        }
    }

    void offerTag(String value) {
        if (tag.isEmpty()) {
            tag = value;
        }
    }

    void offerCanonicalizeHostname(String value) {
        if (canonicalizeHostname.isEmpty()) {
            canonicalizeHostname = value;
        }
    }

    void addNotes(HostNotes more) {
        notes = notes.then(more);
    }

    String hostName() {
        return hostName;
    }

    int hostNameLine() {
        return hostNameLine;
    }

    String user() {
        return user;
    }

    int port() {
        return port;
    }

    /** The proxy setting, or null when the section has none. */
    ProxySetting proxy() {
        return proxy;
    }

    String tag() {
        return tag;
    }

    /** CanonicalizeHostname as written (lower case), empty when not set here. */
    String canonicalizeHostname() {
        return canonicalizeHostname;
    }

    HostNotes notes() {
        return notes;
    }
}

package dev.jhosts.catalog;

import dev.jhosts.config.HostEntry;
import dev.jhosts.config.SettingsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code jhosts host edit|rm} for one of jhosts' own hosts: its entry of the {@code hosts}
 * setting is changed in the settings file as {@link SettingsHostText} describes, after jhosts'
 * own settings loader has read the new text (its {@code FILE:LINE} error otherwise) and given the
 * entry the new values and every other entry as it was, through {@link ConfigFileWriter} (links,
 * mode, owner, atomic rename, the same backups as the ssh config's, refused when the file changed
 * since it was read).
 *
 * <p>An entry holds hostname, user, port, tags, group and description (and favourite and
 * remote-session, which are kept): any other ssh option has no place in it and is refused.
 */
final class SettingsHostEditor {
    /** The ssh keywords an entry has a field for, by their field. */
    private static final Map<String, String> FIELDS = Map.of("hostname", "hostname", "user", "user", "port", "port");

    private final Path settingsFile;
    private final HostEditor.SettingsReading reading;
    private final ConfigFileWriter writer;

    SettingsHostEditor(Path settingsFile, HostEditor.SettingsReading reading, ConfigFileWriter writer) {
        this.settingsFile = settingsFile;
        this.reading = reading;
        this.writer = writer;
    }

    /** The entry of {@code host} as the form shows it. */
    HostEditor.Block block(Host host, List<String> keywords) throws HostEditor.Refused, IOException {
        Read read = read(host);
        HostEntry entry = read.entry();
        Map<String, String> values = new HashMap<>();
        for (String keyword : keywords) {
            values.put(keyword, switch (keyword.toLowerCase(Locale.ROOT)) {
                case "hostname" -> entry.hostname();
                case "user" -> entry.user();
                case "port" -> entry.port() == 0 ? "" : String.valueOf(entry.port());
                default -> "";
            });
        }
        return new HostEditor.Block(settingsFile, entry.line(), List.of(entry.alias()), values, List.of(),
                entry.tags(), entry.group(), entry.description());
    }

    /** Whether {@code file} is the settings file (a link to it too). */
    boolean isSettingsFile(Path file) throws IOException {
        return ConfigFileWriter.target(file).equals(ConfigFileWriter.target(settingsFile));
    }

    /** Sets {@code options} (HostName, User, Port) and {@code notes} in the entry of {@code host}. */
    HostEditor.Outcome edit(Host host, List<HostEditor.Option> options, NotesChange notes, String described)
            throws HostEditor.Refused, IOException {
        Read read = read(host);
        HostEntry was = read.entry();
        List<SettingsHostText.Change> changes = new ArrayList<>();
        String hostname = was.hostname();
        String user = was.user();
        int port = was.port();
        for (HostEditor.Option option : options) {
            String field = FIELDS.get(option.keyword().toLowerCase(Locale.ROOT));
            if (field == null) {
                throw new HostEditor.Refused(settingsFile + ":" + was.line() + ": " + host.alias() + " is one of jhosts' "
                        + "own hosts, whose entry holds hostname, user, port, tags, group and description only: "
                        + option.keyword() + " has no place there (move the host to the ssh config for it: jhosts host "
                        + "rm, then jhosts host add)");
            }
            String value = unquoted(option.value());
            switch (field) {
                case "hostname" -> {
                    if (value.isEmpty()) {
                        throw new HostEditor.Refused(settingsFile + ":" + was.line() + ": the hostname is what makes "
                                + host.alias() + " a host of its own; jhosts host rm " + host.alias() + " removes it");
                    }
                    hostname = value;
                    changes.add(new SettingsHostText.Change(field, new SettingsHostText.Value.Text(value)));
                }
                case "user" -> {
                    user = value;
                    changes.add(new SettingsHostText.Change(field, value.isEmpty() ? new SettingsHostText.Value.Absent()
                            : new SettingsHostText.Value.Text(value)));
                }
                default -> {
                    port = value.isEmpty() ? 0 : portOf(value);
                    changes.add(new SettingsHostText.Change(field, value.isEmpty() ? new SettingsHostText.Value.Absent()
                            : new SettingsHostText.Value.Number(value)));
                }
            }
        }
        HostNotes wanted = notes.applied(new HostNotes(was.tags(), was.group(), was.description(), was.favourite()));
        if (notes.setsTags()) {
            changes.add(new SettingsHostText.Change("tags", wanted.tags().isEmpty() ? new SettingsHostText.Value.Absent()
                    : new SettingsHostText.Value.Words(wanted.tags())));
        }
        if (notes.setsGroup()) {
            changes.add(new SettingsHostText.Change("group", text(wanted.group())));
        }
        if (notes.setsDescription()) {
            changes.add(new SettingsHostText.Change("description", text(wanted.description())));
        }
        String changed;
        try {
            changed = SettingsHostText.set(settingsFile, read.text(), host.alias(), changes);
        } catch (SettingsHostText.Unsafe e) {
            throw new HostEditor.Refused(e.getMessage());
        }
        if (changed.equals(read.text())) {
            return new HostEditor.Outcome(settingsFile, "nothing to change", Path.of(""));
        }
        HostEntry expected = new HostEntry(was.alias(), hostname, user, port, wanted.tags(), wanted.group(),
                wanted.description(), was.favourite(), was.file(), was.line());
        List<HostEntry> expectedAll = new ArrayList<>(read.entries());
        expectedAll.set(read.index(), expected);
        verify(changed, expectedAll, host.alias());
        Path backup = write(read, changed);
        return new HostEditor.Outcome(settingsFile, "set" + described + " in the entry of " + host.alias(), backup);
    }

    /** Removes the entry of {@code host} (and the comment lines right above it). */
    HostEditor.Outcome remove(Host host) throws HostEditor.Refused, IOException {
        Read read = read(host);
        String changed;
        try {
            changed = SettingsHostText.remove(settingsFile, read.text(), host.alias());
        } catch (SettingsHostText.Unsafe e) {
            throw new HostEditor.Refused(e.getMessage());
        }
        List<HostEntry> expectedAll = new ArrayList<>(read.entries());
        expectedAll.remove(read.index());
        verify(changed, expectedAll, host.alias());
        Path backup = write(read, changed);
        return new HostEditor.Outcome(settingsFile, "removed the entry of " + host.alias() + " from the hosts setting",
                backup);
    }

    /** The settings file as read now, its entries, and the one of the host. */
    private record Read(ConfigFileWriter.Snapshot snapshot, String text, List<HostEntry> entries, int index) {
        HostEntry entry() {
            return entries.get(index);
        }
    }

    private Read read(Host host) throws HostEditor.Refused, IOException {
        if (!ConfigFileWriter.target(host.file()).equals(ConfigFileWriter.target(settingsFile))) {
            throw new HostEditor.Refused(host.file() + ":" + host.line() + ": the entry of " + host.alias() + " is in a "
                    + "file the settings include; jhosts edits entries of " + settingsFile + " only: edit it by hand");
        }
        ConfigFileWriter.Snapshot snapshot = ConfigFileWriter.read(settingsFile);
        if (!snapshot.exists()) {
            throw new HostEditor.Refused(settingsFile + " was removed since jhosts read it; nothing written");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(snapshot.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw new HostEditor.Refused(settingsFile + " is not UTF-8 (changed since jhosts read it?); nothing written");
        }
        List<HostEntry> entries;
        try {
            entries = reading.hosts(settingsFile, text);
        } catch (SettingsException e) {
            throw new HostEditor.Refused("the settings do not load as they are, nothing written: " + e.getMessage());
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).alias().equals(host.alias())) {
                if (!entries.get(i).definesHost()) {
                    break;
                }
                if (entries.get(i).line() != host.line()) {
                    throw new HostEditor.Refused(settingsFile + " changed since jhosts read it (the entry of " + host.alias()
                            + " is at line " + entries.get(i).line() + " now, not " + host.line() + "); nothing written: "
                            + "run the command again");
                }
                return new Read(snapshot, text, entries, i);
            }
        }
        throw new HostEditor.Refused(settingsFile + " changed since jhosts read it (no entry gives the host "
                + host.alias() + " now); nothing written: run the command again");
    }

    /**
     * jhosts' settings loader must read {@code changed} and give exactly {@code expected}: the
     * edited entry with its new values, every other entry as it was (lines aside).
     */
    private void verify(String changed, List<HostEntry> expected, String alias) throws HostEditor.Refused {
        List<HostEntry> got;
        try {
            got = reading.hosts(settingsFile, changed);
        } catch (SettingsException e) {
            throw new HostEditor.Refused("the changed settings would not load, nothing written: " + e.getMessage());
        }
        List<HostEntry> want = expected.stream().map(SettingsHostEditor::lineless).toList();
        List<HostEntry> have = got.stream().map(SettingsHostEditor::lineless).toList();
        if (want.equals(have)) {
            return;
        }
        String now = have.stream().filter(entry -> entry.alias().equals(alias)).findFirst()
                .map(SettingsHostEditor::shown).orElse("no entry");
        String wanted = want.stream().filter(entry -> entry.alias().equals(alias)).findFirst()
                .map(SettingsHostEditor::shown).orElse("no entry");
        throw new HostEditor.Refused("jhosts would read " + settingsFile + " after the change as " + now + " for " + alias
                + (now.equals(wanted) ? " but other entries changed too" : ", not " + wanted)
                + " (another hosts setting or an include takes precedence?); nothing written");
    }

    private static HostEntry lineless(HostEntry entry) {
        return new HostEntry(entry.alias(), entry.hostname(), entry.user(), entry.port(), entry.tags(), entry.group(),
                entry.description(), entry.favourite(), Path.of(""), 0);
    }

    private static String shown(HostEntry entry) {
        return "hostname " + entry.hostname() + (entry.user().isEmpty() ? "" : ", user " + entry.user())
                + (entry.port() == 0 ? "" : ", port " + entry.port())
                + (entry.tags().isEmpty() ? "" : ", tags " + String.join(",", entry.tags()))
                + (entry.group().isEmpty() ? "" : ", group " + entry.group())
                + (entry.description().isEmpty() ? "" : ", description \"" + entry.description() + "\"");
    }

    private Path write(Read read, String changed) throws HostEditor.Refused, IOException {
        try {
            return writer.replace(read.snapshot(), changed.getBytes(StandardCharsets.UTF_8));
        } catch (ConfigFileWriter.Refused e) {
            throw new HostEditor.Refused(e.getMessage());
        }
    }

    private static SettingsHostText.Value text(String value) {
        return value.isEmpty() ? new SettingsHostText.Value.Absent() : new SettingsHostText.Value.Text(value);
    }

    /** The port as the loader would read it; -1 when it is not a number (the loader then says why). */
    private static int portOf(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A value as {@link HostEditor#word} wrote it for ssh: its quotes taken off. */
    private static String unquoted(String value) {
        if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}

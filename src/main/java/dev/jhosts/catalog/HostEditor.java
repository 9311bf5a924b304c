package dev.jhosts.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code jhosts host add|edit|rm}: changes a host of the ssh config in the file that holds its
 * block (an Included file too), as {@link BlockEdits} describes, after {@code ssh -G} has
 * accepted the config as it would be ({@link StagedConfig}) and given the new values, through
 * {@link ConfigFileWriter} (links, mode, owner, atomic rename, a backup, refused when the file
 * changed since it was read).
 *
 * <p>One of jhosts' own hosts (an entry of the settings' {@code hosts}) is changed in that entry of
 * the settings file instead ({@link SettingsHostEditor}), when the editor is given the settings.
 *
 * <p>Only the host's own block is changed. A value that a block read before it sets (a
 * {@code Host *} or {@code Match} above it, an earlier Host line naming it) wins in ssh, so such
 * an edit is refused with the option named rather than written to no effect.
 */
public final class HostEditor {
    /** Option keywords that would change the structure of the file rather than a value. */
    private static final Set<String> STRUCTURAL = Set.of("host", "match", "include");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Duration SSH_LIMIT = Duration.ofSeconds(10);

    /** One option to set: {@code value} as it goes in the file (ssh's syntax); empty removes the option. */
    public record Option(String keyword, String value) {}

    /** What was written: the file (as the config names it), what changed, where the previous version is. */
    public record Outcome(Path file, String summary, Path backup) {}

    /** The edit is refused; nothing was written. One line. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    private final String sshBinary;
    private final Path sshConfig;
    private final IncludePaths includes;
    private final ConfigFileWriter writer;
    private final Warnings names;
    /** The editor of jhosts' own hosts in the settings file; null where they are not edited. */
    private final SettingsHostEditor settings;

    /**
     * {@code sshConfig}: the user's ssh config (given to ssh with {@code -F}); {@code home}: where
     * {@code ~} and relative Includes point; {@code backupDirectory}: where previous versions go.
     * jhosts' own hosts (the settings' {@code hosts}) are refused.
     */
    public HostEditor(String sshBinary, Path sshConfig, Path home, Path backupDirectory) {
        this(sshBinary, sshConfig, home, new ConfigFileWriter(backupDirectory), null, null);
    }

    /**
     * As {@link #HostEditor(String, Path, Path, Path)}, with jhosts' own hosts edited in their
     * entries of {@code settingsFile}, each change read back with {@code settingsReading} (jhosts'
     * settings loader) before it is written.
     */
    public HostEditor(String sshBinary, Path sshConfig, Path home, Path backupDirectory, Path settingsFile,
            SettingsReading settingsReading) {
        this(sshBinary, sshConfig, home, new ConfigFileWriter(backupDirectory), settingsFile, settingsReading);
    }

    private HostEditor(String sshBinary, Path sshConfig, Path home, ConfigFileWriter writer, Path settingsFile,
            SettingsReading settingsReading) {
        this.sshBinary = sshBinary;
        this.sshConfig = sshConfig.toAbsolutePath();
        this.includes = new IncludePaths(home, Path.of("/etc/ssh"));
        this.writer = writer;
        this.names = new Warnings(home);
        this.settings = settingsFile == null ? null
                : new SettingsHostEditor(settingsFile.toAbsolutePath(), settingsReading, writer);
    }

    /** A settings text read as jhosts reads it: its host entries, or the loader's {@code FILE:LINE} error. */
    public interface SettingsReading {
        List<dev.jhosts.config.HostEntry> hosts(Path file, String text) throws dev.jhosts.config.SettingsException;
    }

    /** The options given, checked and written as ssh reads them. */
    public static Option option(String keyword, String value) throws Refused {
        if (!KEYWORD.matcher(keyword).matches()) {
            throw new Refused("'" + keyword + "' is not an ssh_config keyword");
        }
        if (STRUCTURAL.contains(keyword.toLowerCase(Locale.ROOT))) {
            throw new Refused(keyword + " cannot be set with --option: it is not a value of the host");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new Refused("the value of " + keyword + " contains a line break or control character");
        }
        return new Option(keyword, value.strip());
    }

    /** A value that must be one word in the file: quoted when it holds blanks or quotes. */
    public static String word(String value) {
        if (value.isEmpty() || value.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\'')) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A value of one of the named fields (HostName, User, Port, ProxyJump, IdentityFile) as it
     * goes in the file: checked as {@link #option} does, one word ({@link #word}).
     */
    public static Option field(String keyword, String value) throws Refused {
        Option checked = option(keyword, value);
        return new Option(keyword, word(checked.value()));
    }

    /**
     * A host's block as an editor shows it before a change: the file and line of its Host line,
     * the names on that line, and the value each of {@code keywords} has in the block (empty
     * when the block does not set it; the first line of an option, unquoted), and its other option
     * lines as written (stripped, with {@code Include} lines), and the jhosts notes of its
     * {@code # jhosts:} comments (tags, group, description; the catalogue's reading of the block's
     * own comments, without what pattern blocks or the settings add).
     */
    public record Block(Path file, int line, List<String> names, Map<String, String> values, List<String> others,
            List<String> tags, String group, String description) {
        public Block {
            names = List.copyOf(names);
            values = Map.copyOf(values);
            others = List.copyOf(others);
            tags = List.copyOf(tags);
        }
    }

    /**
     * The block of {@code alias} as it is now, for a form that edits it; refused for the reasons
     * {@link #edit} would refuse before any value is looked at (a host of the settings or of a
     * source, a file no Include of the ssh config reaches, a file changed since it was read).
     */
    public Block block(Catalog catalog, String alias, List<String> keywords) throws Refused, IOException {
        Optional<Host> own = settingsHost(catalog, alias);
        if (own.isPresent()) {
            return settings.block(own.get(), keywords);
        }
        Located found = locate(catalog, alias, "edit");
        BlockEdits.Block block = BlockEdits.block(found.document(), found.header());
        Map<String, String> values = new java.util.HashMap<>();
        for (String keyword : keywords) {
            values.put(keyword, "");
            for (int i = found.header() + 1; i < block.end() && !found.document().line(i).is("include"); i++) {
                if (found.document().line(i).is(keyword)) {
                    values.put(keyword, BlockEdits.value(found.document().line(i).text()));
                    break;
                }
            }
        }
        List<String> others = new ArrayList<>();
        for (int i = found.header() + 1; i < block.end(); i++) {
            ConfigDocument.Line line = found.document().line(i);
            if (!line.keyword().isEmpty() && keywords.stream().noneMatch(line::is)) {
                others.add(line.text().strip());
            }
        }
        HostNotes notes = HostNotes.NONE;
        for (int line : BlockEdits.notesLines(found.document(), found.header())) {
            if (NotesComment.read(BlockEdits.notesText(found.document().line(line), line == found.header()))
                    instanceof NotesComment.Outcome.Notes read) {
                notes = notes.then(read.notes());
            }
        }
        return new Block(found.host().file(), found.host().line(), found.names(), values, others,
                notes.tags(), notes.group(), notes.description());
    }

    /** Adds a block for {@code alias} to {@code file} (created 0600 when missing). */
    public Outcome add(Catalog catalog, String alias, List<Option> options, Path file) throws Refused, IOException {
        return add(catalog, alias, options, NotesChange.NONE, file);
    }

    /** Adds a block for {@code alias} to {@code file} with {@code notes} in its {@code # jhosts:} comment. */
    public Outcome add(Catalog catalog, String alias, List<Option> options, NotesChange notes, Path file)
            throws Refused, IOException {
        checkNewAlias(catalog, alias);
        if (settings != null && settings.isSettingsFile(file)) {
            throw new Refused(file + " is jhosts' settings file: host add writes an ssh config Host block, which has "
                    + "no place there; add the entry to its hosts setting by hand, or give --file an ssh config file");
        }
        List<Path> chain = chainTo(file);
        ConfigFileWriter.Snapshot snapshot = ConfigFileWriter.read(file);
        ConfigDocument document = ConfigDocument.parse(snapshot.bytes());
        ConfigDocument changed = BlockEdits.addBlock(document, alias, changes(options));
        if (!notes.isEmpty()) {
            changed = withNotes(file, changed, newHeader(changed, alias), notes);
        }
        verify(chain, changed.bytes(), alias, options);
        Path backup = write(snapshot, changed.bytes());
        return new Outcome(file, "added Host " + alias + describe(options, notes), backup);
    }

    /** The Host line {@link BlockEdits#addBlock} wrote for {@code alias}: the last naming it alone. */
    private static int newHeader(ConfigDocument document, String alias) {
        int header = -1;
        for (int i = 0; i < document.size(); i++) {
            if (document.line(i).is("host") && ConfigDocument.arguments(document.line(i)).equals(List.of(alias))) {
                header = i;
            }
        }
        return header;
    }

    /**
     * {@code document} with the notes of the block at {@code header} changed in its one
     * {@code # jhosts:} comment; refused when the block has several (which to change?) or one
     * whose items jhosts cannot read back (rewriting it would lose them). The result is read back
     * as the catalogue reads it and must give the notes wanted.
     */
    private static ConfigDocument withNotes(Path file, ConfigDocument document, int header, NotesChange change)
            throws Refused {
        List<Integer> found = BlockEdits.notesLines(document, header);
        if (found.size() > 1) {
            throw new Refused(file + ": the block of line " + (header + 1) + " has its jhosts notes in "
                    + found.size() + " comments (lines " + String.join(", ", found.stream()
                            .map(i -> String.valueOf(i + 1)).toList()) + "): merge them into one first");
        }
        int at = found.isEmpty() ? -1 : found.get(0);
        HostNotes was = HostNotes.NONE;
        if (at >= 0) {
            NotesComment.Outcome read = NotesComment.read(BlockEdits.notesText(document.line(at), at == header));
            if (read instanceof NotesComment.Outcome.Notes notes) {
                if (!notes.problems().isEmpty()) {
                    throw new Refused(file + ":" + (at + 1) + ": the jhosts notes there have " + String.join("; ",
                            notes.problems()) + ": rewriting them would lose that; fix the line first");
                }
                was = notes.notes();
            }
        }
        HostNotes wanted = change.applied(was);
        ConfigDocument changed = BlockEdits.setNotes(document, header, at,
                wanted.isEmpty() ? "" : NotesComment.write(wanted));
        List<Integer> now = BlockEdits.notesLines(changed, header);
        HostNotes got = HostNotes.NONE;
        for (int line : now) {
            if (NotesComment.read(BlockEdits.notesText(changed.line(line), line == header))
                    instanceof NotesComment.Outcome.Notes notes && notes.problems().isEmpty()) {
                got = got.then(notes.notes());
            }
        }
        if (!got.equals(wanted)) {
            throw new Refused("the notes " + wanted + " would read back as " + got + "; nothing written");
        }
        return changed;
    }

    /** Changes {@code options} in the block of {@code alias}; {@code split} moves it out of a several-name Host line first. */
    public Outcome edit(Catalog catalog, String alias, List<Option> options, boolean split) throws Refused, IOException {
        return edit(catalog, alias, options, NotesChange.NONE, split);
    }

    /** Changes {@code options} and {@code notes} in the block of {@code alias}, as {@link #edit(Catalog, String, List, boolean)}. */
    public Outcome edit(Catalog catalog, String alias, List<Option> options, NotesChange notes, boolean split)
            throws Refused, IOException {
        Optional<Host> own = settingsHost(catalog, alias);
        if (own.isPresent()) {
            return settings.edit(own.get(), options, notes, describe(options, notes));
        }
        Located found = locate(catalog, alias, "edit");
        Host host = found.host();
        ConfigFileWriter.Snapshot snapshot = found.snapshot();
        ConfigDocument document = found.document();
        int header = found.header();
        String summary = "";
        if (found.names().size() > 1) {
            if (!split) {
                throw severalNames(host, found.names(), "change them all");
            }
            BlockEdits.Split made = BlockEdits.split(document, header, alias);
            document = made.document();
            header = made.header();
            summary = "moved " + alias + " into a block of its own; ";
        }
        ConfigDocument changed = BlockEdits.set(document, header, changes(options));
        if (!notes.isEmpty()) {
            changed = withNotes(host.file(), changed, header, notes);
        }
        if (java.util.Arrays.equals(changed.bytes(), snapshot.bytes())) {
            return new Outcome(host.file(), "nothing to change", Path.of(""));
        }
        verify(found.chain(), changed.bytes(), alias, options);
        Path backup = write(snapshot, changed.bytes());
        return new Outcome(host.file(), summary + "set" + describe(options, notes), backup);
    }

    /** Removes the block of {@code alias}; {@code split} removes only its name from a several-name Host line. */
    public Outcome remove(Catalog catalog, String alias, boolean split) throws Refused, IOException {
        Optional<Host> own = settingsHost(catalog, alias);
        if (own.isPresent()) {
            return settings.remove(own.get());
        }
        Located found = locate(catalog, alias, "remove");
        ConfigDocument changed;
        String summary;
        if (found.names().size() > 1) {
            if (!split) {
                throw severalNames(found.host(), found.names(), "remove them all");
            }
            changed = BlockEdits.removeName(found.document(), found.header(), alias);
            summary = "removed " + alias + " from the Host line";
        } else {
            changed = BlockEdits.removeBlock(found.document(), found.header());
            summary = "removed the block of " + alias;
        }
        verify(found.chain(), changed.bytes(), alias, List.of());
        Path backup = write(found.snapshot(), changed.bytes());
        return new Outcome(found.host().file(), summary, backup);
    }

    /**
     * A host's block as read for a change: the files from the ssh config to its file, that file
     * as read, its Host line and the names on it.
     */
    private record Located(Host host, List<Path> chain, ConfigFileWriter.Snapshot snapshot, ConfigDocument document,
            int header, List<String> names) {}

    private Located locate(Catalog catalog, String alias, String verb) throws Refused, IOException {
        Host host = sshConfigHost(catalog, alias, verb);
        List<Path> chain = chainTo(host.file());
        ConfigFileWriter.Snapshot snapshot = ConfigFileWriter.read(host.file());
        ConfigDocument document = ConfigDocument.parse(snapshot.bytes());
        int header = headerOf(document, host, alias);
        return new Located(host, chain, snapshot, document, header, ConfigDocument.arguments(document.line(header)));
    }

    private static void checkNewAlias(Catalog catalog, String alias) throws Refused {
        Optional<Host> existing = catalog.find(alias);
        if (existing.isPresent()) {
            Host host = existing.get();
            throw new Refused(alias + " is already defined (" + host.file() + ":" + host.line() + "): change it with "
                    + "jhosts host edit " + alias);
        }
        if (!HostResolver.usableWithSsh(alias) || alias.chars().anyMatch(c -> c == '*' || c == '?' || c == '!')) {
            throw new Refused("'" + alias + "' cannot be a host alias: no spaces, quotes, shell characters or "
                    + "patterns (* ? !), not starting with -");
        }
    }

    /** The host when it is one of jhosts' own (an entry of the settings) and those are edited here. */
    private Optional<Host> settingsHost(Catalog catalog, String alias) {
        return catalog.find(alias).filter(host -> settings != null && host.extra() && !host.source().present());
    }

    private static Host sshConfigHost(Catalog catalog, String alias, String verb) throws Refused {
        Host host = catalog.find(alias).orElseThrow(() -> new Refused("no host " + alias
                + " in the ssh config (jhosts list shows them); jhosts host add " + alias + " makes one"));
        if (host.source().present()) {
            throw new Refused(alias + " comes from the source " + host.source().name() + " (" + host.file() + ":"
                    + host.line() + ") and is read-only: change it in that inventory");
        }
        if (host.extra()) {
            throw new Refused(alias + " is one of jhosts' own hosts, from the settings (" + host.file() + ":"
                    + host.line() + "): " + verb + " its entry in the hosts setting there; jhosts host changes ssh "
                    + "config hosts only");
        }
        return host;
    }

    private Refused severalNames(Host host, List<String> names, String what) {
        return new Refused(host.file() + ":" + host.line() + ": the Host line names " + String.join(" ", names)
                + ", and its block is theirs too: changing it would " + what + "; --split moves " + host.alias()
                + " into a block of its own (rm --split: off the line)");
    }

    /** The Host line of the host's block; refused when it is no longer where the catalogue read it. */
    private static int headerOf(ConfigDocument document, Host host, String alias) throws Refused {
        int header = host.line() - 1;
        if (header < 0 || header >= document.size() || !document.line(header).is("host")
                || !ConfigDocument.arguments(document.line(header)).contains(alias)) {
            throw new Refused(host.file() + " changed since jhosts read it (line " + host.line()
                    + " is no longer Host " + alias + "); nothing written: run the command again");
        }
        return header;
    }

    private List<Path> chainTo(Path file) throws Refused {
        return StagedConfig.chain(sshConfig, file, includes).orElseThrow(() -> new Refused(file
                + " is not read by the ssh config " + sshConfig + " (no Include reaches it; the system config is not "
                + "edited): add 'Include " + file + "' to it, or choose a file it reads"));
    }

    private static List<BlockEdits.Change> changes(List<Option> options) {
        return options.stream().map(option -> new BlockEdits.Change(option.keyword(), option.value())).toList();
    }

    static String describe(List<Option> options, NotesChange notes) {
        StringBuilder text = new StringBuilder();
        for (Option option : options) {
            text.append(text.length() == 0 ? " " : ", ").append(option.keyword())
                    .append(option.value().isEmpty() ? " (removed)" : " " + option.value());
        }
        String described = notes.described();
        if (!described.isEmpty()) {
            text.append(text.length() == 0 ? " " + described.substring(2) : described);
        }
        return text.toString();
    }

    /**
     * ssh must accept the config as it would be and, for each value set, give what it gives
     * with that value forced on its command line ({@code -o}, which comes before any file): a
     * difference means a block read earlier sets the option first.
     */
    private void verify(List<Path> chain, byte[] newBytes, String alias, List<Option> options) throws Refused, IOException {
        try (StagedConfig staged = StagedConfig.stage(chain, newBytes, includes)) {
            SshOptionsResolver.Printed after = ssh(staged.main(), List.of(), alias);
            if (after.exitCode() != 0) {
                String complaint = staged.described(SshOptionsResolver.complaint(after.stderr().isBlank()
                        ? "ssh -G exited " + after.exitCode() : after.stderr()));
                SshOptionsResolver.Printed now = ssh(sshConfig, List.of(), alias);
                if (now.exitCode() != 0 && SshOptionsResolver.complaint(now.stderr()).equals(complaint)) {
                    throw new Refused("ssh refuses the config already, whatever the change (fix that first), nothing "
                            + "written: " + complaint);
                }
                throw new Refused("ssh refuses the changed config, nothing written: " + complaint);
            }
            List<String> forcedOptions = new ArrayList<>();
            for (Option option : options) {
                if (!option.value().isEmpty()) {
                    forcedOptions.addAll(List.of("-o", option.keyword() + " " + option.value()));
                }
            }
            if (forcedOptions.isEmpty()) {
                return;
            }
            SshOptionsResolver.Printed before = ssh(sshConfig, List.of(), alias);
            SshOptionsResolver.Printed forced = ssh(sshConfig, forcedOptions, alias);
            if (before.exitCode() != 0 || forced.exitCode() != 0) {
                return; // the current config is refused already: the new one is accepted, which is what counts
            }
            Map<String, List<String>> was = SshOptionsResolver.parse(alias, before.stdout()).options();
            Map<String, List<String>> wanted = SshOptionsResolver.parse(alias, forced.stdout()).options();
            Map<String, List<String>> got = SshOptionsResolver.parse(alias, after.stdout()).options();
            Set<String> keys = new LinkedHashSet<>(wanted.keySet());
            keys.addAll(was.keySet());
            for (String key : keys) {
                List<String> want = wanted.getOrDefault(key, List.of());
                List<String> old = was.getOrDefault(key, List.of());
                List<String> now = got.getOrDefault(key, List.of());
                if (want.equals(old) || want.equals(now)) {
                    continue;
                }
                List<String> added = new ArrayList<>(want);
                added.removeAll(old);
                if (want.size() > old.size() && !added.isEmpty() && now.containsAll(added)) {
                    continue; // an option ssh accumulates (IdentityFile): the new value is among them
                }
                throw new Refused("ssh -G " + alias + " would still give " + key + " " + String.join(" ", now)
                        + " after the change (wanted " + String.join(" ", want) + "): a block ssh reads before "
                        + alias + "'s (Host * or Match above it, or an earlier Host line naming it) sets it first; "
                        + "nothing written");
            }
        } catch (SshOptionsResolver.ResolveException e) {
            throw new Refused("cannot check the change with ssh -G, nothing written: " + e.getMessage());
        }
    }

    private Path write(ConfigFileWriter.Snapshot snapshot, byte[] bytes) throws Refused, IOException {
        try {
            return writer.replace(snapshot, bytes);
        } catch (ConfigFileWriter.Refused e) {
            throw new Refused(e.getMessage());
        }
    }

    private SshOptionsResolver.Printed ssh(Path config, List<String> options, String alias)
            throws SshOptionsResolver.ResolveException {
        return SshOptionsResolver.printed(sshBinary, config, options, alias, SSH_LIMIT);
    }

    /** A file named for messages: {@code ~/...} under the home directory. */
    public String display(Path file) {
        return names.display(file);
    }
}

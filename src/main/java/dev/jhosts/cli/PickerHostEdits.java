package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.History;
import dev.jhosts.catalog.HostEditor;
import dev.jhosts.catalog.HostOrdering;
import dev.jhosts.catalog.NotesChange;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.catalog.SshCatalog;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsException;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.tui.HostEdits;
import dev.jhosts.tui.state.HostForm;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The picker's host form written the way {@code jhosts host add|edit} writes ({@link HostCommand}'s
 * editor, new-hosts file and outcome line), over the ssh config and the settings read again for each request; after
 * a change, the catalogue is read again and the picker's hosts take it.
 */
final class PickerHostEdits implements HostEdits {
    /** The context with the settings as last read: a save in the settings file reads them again. */
    private volatile Context context;
    private final History history;
    private final HostConfigs hosts;
    /** The ssh config as last read: the sources' updates are added to it ({@link TuiLauncher}). */
    private final AtomicReference<SshCatalog> read;
    private final AtomicReference<SourceHosts> sourceHosts;

    PickerHostEdits(Context context, History history, HostConfigs hosts, AtomicReference<SshCatalog> read,
            AtomicReference<SourceHosts> sourceHosts) {
        this.context = context;
        this.history = history;
        this.hosts = hosts;
        this.read = read;
        this.sourceHosts = sourceHosts;
    }

    @Override
    public HostEditor.Block block(String alias) throws HostEditor.Refused, IOException {
        return HostCommand.editor(context).block(current(), alias, HostForm.KEYWORDS);
    }

    @Override
    public Saved save(boolean adding, String alias, List<HostForm.Change> changes, boolean split)
            throws HostEditor.Refused, IOException {
        List<HostEditor.Option> options = new ArrayList<>();
        NotesChange notes = NotesChange.NONE;
        for (HostForm.Change change : changes) {
            if (adding && change.value().isEmpty()) {
                continue;
            }
            if (change.isNote()) {
                notes = switch (change.keyword()) {
                    case "Tags" -> notes.withTags(change.value().isEmpty() ? List.of() : List.of(change.value()));
                    case "Group" -> notes.withGroup(change.value());
                    default -> notes.withDescription(change.value());
                };
            } else {
                options.add(change.asWritten() ? HostEditor.option(change.keyword(), change.value())
                        : HostEditor.field(change.keyword(), change.value()));
            }
        }
        HostEditor editor = HostCommand.editor(context);
        HostEditor.Outcome outcome = adding
                ? editor.add(current(), alias, options, notes, HostCommand.newHostsFile(context))
                : editor.edit(current(), alias, options, notes, split);
        Catalog now = current();
        hosts.configEdited(now.hosts());
        List<String> warnings = new ArrayList<>(now.warnings());
        warnings.addAll(history.warnings());
        String line = outcome.summary().equals("nothing to change") ? alias + ": nothing to change"
                : alias + ": " + HostCommand.outcomeLine(editor, outcome);
        return new Saved(line, HostOrdering.frecency(history).sort(now.hosts()), warnings);
    }

    /**
     * The settings read again, as the ssh config is, for each request: jhosts' own hosts are
     * edited in them, and after a change the list shows the new values and the next edit finds
     * the entry where it is now. Should they not load (changed behind the picker's back), the
     * picker keeps those it has, and an edit of one of their hosts says why it is refused.
     */
    private void rereadSettings() {
        if (!Files.exists(context.settingsFile())) {
            return;
        }
        try {
            Settings settings = new SettingsLoader(context.locations()).loadExplicit(context.settingsFile());
            context = new Context(settings, context.locations(), context.sshConfig(), context.explicitSshConfig(),
                    context.settingsFile(), context.explicitSettingsFile());
        } catch (SettingsException e) {
            // kept as they were: see above
        }
    }

    /** The catalogue with the ssh config read now (it may have changed since the picker started). */
    private Catalog current() {
        rereadSettings();
        SshCatalog fresh = context.sshCatalog();
        read.set(fresh);
        return context.remembered(fresh.with(sourceHosts.get()), Instant.now());
    }
}

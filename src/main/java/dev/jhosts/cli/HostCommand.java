package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.HostEditor;
import dev.jhosts.catalog.NotesChange;
import dev.jhosts.config.Printable;
import dev.jhosts.config.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhosts host add|edit|rm}: hosts changed in the file that defines them (the ssh config, or jhosts' settings). */
@Command(name = "host", mixinStandardHelpOptions = true,
        header = "Add, change or remove a host where it is defined.",
        description = {"Change a host where it is defined (an Included file too), one line per value, comments, "
                + "indentation and line endings kept, after ssh -G has accepted the result (a host of jhosts' "
                + "settings: in its entry there, after jhosts' settings loader has); the previous version "
                + "is kept under $XDG_STATE_HOME/jhosts/backups. See man jhosts, HOST EDITING."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:done", "1:the file could not be written", "2:usage error, or the change is refused (nothing written)"},
        subcommands = {HostCommand.Add.class, HostCommand.Edit.class, HostCommand.Remove.class})
final class HostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        throw new UsageException("host: name what to do: add, edit or rm (jhosts host --help)");
    }

    /** The values a host is given. */
    static final class Values {
        @Option(names = "--hostname", paramLabel = "H", description = "HostName.")
        String hostname;

        @Option(names = "--user", paramLabel = "U", description = "User.")
        String user;

        @Option(names = "--port", paramLabel = "P", description = "Port.")
        String port;

        @Option(names = "--proxyjump", paramLabel = "J", description = "ProxyJump (none for none).")
        String proxyJump;

        @Option(names = "--identity-file", paramLabel = "F", description = "IdentityFile.")
        Path identityFile;

        @Option(names = "--option", paramLabel = "K=V",
                description = "Any option as in ssh_config (repeatable).")
        List<String> options = new ArrayList<>();

        @Option(names = "--tag", paramLabel = "T",
                description = "jhosts' tags, replacing the block's (repeatable).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--no-tags", description = "Remove the block's jhosts tags.")
        boolean noTags;

        @Option(names = "--group", paramLabel = "G", description = "jhosts' group ('' for none).")
        String group;

        @Option(names = "--description", paramLabel = "D", description = "jhosts' description ('' for none).")
        String description;

        /** The notes given: they go in the block's {@code # jhosts:} comment. */
        NotesChange notes() throws UsageException {
            if (noTags && !tags.isEmpty()) {
                throw new UsageException("--tag and --no-tags together: give one");
            }
            try {
                NotesChange change = NotesChange.NONE;
                if (noTags || !tags.isEmpty()) {
                    change = change.withTags(tags);
                }
                if (group != null) {
                    change = change.withGroup(group);
                }
                if (description != null) {
                    change = change.withDescription(description);
                }
                return change;
            } catch (HostEditor.Refused e) {
                throw new UsageException(e.getMessage());
            }
        }

        List<HostEditor.Option> options() throws UsageException {
            List<HostEditor.Option> all = new ArrayList<>();
            try {
                add(all, "HostName", hostname);
                add(all, "User", user);
                add(all, "Port", port);
                add(all, "ProxyJump", proxyJump);
                add(all, "IdentityFile", identityFile == null ? null : identityFile.toString());
                for (String option : options) {
                    int equals = option.indexOf('=');
                    if (equals <= 0) {
                        throw new UsageException("--option " + Printable.quoted(option) + ": expected KEY=VALUE");
                    }
                    all.add(HostEditor.option(option.substring(0, equals).strip(), option.substring(equals + 1)));
                }
            } catch (HostEditor.Refused e) {
                throw new UsageException(e.getMessage());
            }
            return all;
        }

        private static void add(List<HostEditor.Option> all, String keyword, String value) throws HostEditor.Refused {
            if (value != null) {
                all.add(HostEditor.field(keyword, value));
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            header = "Add a host's block to the ssh config (or --file).",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:added", "1:the file could not be written",
                "2:usage error, the alias exists, or refused (nothing written)"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ALIAS", description = "The new host's name.")
        String alias;

        @Mixin
        Values values = new Values();

        @Option(names = "--file", paramLabel = "FILE",
                description = "The file for it (default: new-hosts-file).")
        Path file;

        @Override
        public Integer call() throws Exception {
            Context context = Context.load(Commands.global(spec));
            HostArgument.check("host add", alias);
            Path target = file != null ? file.toAbsolutePath() : newHostsFile(context);
            List<HostEditor.Option> options = values.options();
            NotesChange notes = values.notes();
            return run(spec, context, editor -> editor.add(context.catalog(), alias, options, notes, target));
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            header = "Change a host's values in the block that defines it.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:changed (or nothing to change)", "1:the file could not be written",
                "2:usage error, no such host, or refused (nothing written)"})
    static final class Edit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "HOST", description = "The host's alias.")
        String alias;

        @Mixin
        Values values = new Values();

        @Option(names = "--split", description = "Off a Host line naming others, into its own block.")
        boolean split;

        @Override
        public Integer call() throws Exception {
            Context context = Context.load(Commands.global(spec));
            HostArgument.check("host edit", alias);
            List<HostEditor.Option> options = values.options();
            NotesChange notes = values.notes();
            if (options.isEmpty() && notes.isEmpty()) {
                throw new UsageException("host edit: nothing to change: give --hostname, --user, --port, --proxyjump, "
                        + "--identity-file, --option KEY=VALUE, --tag, --no-tags, --group or --description");
            }
            return run(spec, context, editor -> editor.edit(context.catalog(), alias, options, notes, split));
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            header = "Remove a host's block and its own comments.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:removed", "1:the file could not be written",
                "2:usage error, no such host, or refused (nothing written)"})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "HOST", description = "The host's alias.")
        String alias;

        @Option(names = "--split", description = "Take it off a Host line naming others only.")
        boolean split;

        @Override
        public Integer call() throws Exception {
            Context context = Context.load(Commands.global(spec));
            HostArgument.check("host rm", alias);
            return run(spec, context, editor -> editor.remove(context.catalog(), alias, split));
        }
    }

    /** One change through the editor. */
    private interface Change {
        HostEditor.Outcome apply(HostEditor editor) throws HostEditor.Refused, IOException;
    }

    /** Where a new host goes without --file: the new-hosts-file setting, else the ssh config. */
    static Path newHostsFile(Context context) {
        return context.settings().newHostsFileSet().orElse(context.sshConfig());
    }

    /** The editor of {@code context}'s ssh config; previous versions go under the state directory. */
    static HostEditor editor(Context context) {
        SettingsLoader loader = new SettingsLoader(context.locations());
        return new HostEditor(context.settings().sshBinary(), context.sshConfig(), context.locations().home(),
                context.locations().stateDirectory().resolve("backups"), context.settingsFile(),
                (file, text) -> loader.loadText(file, text).hosts());
    }

    /** What was written where, in one line: {@code FILE: set Port 2222 (previous version: BACKUP)}. */
    static String outcomeLine(HostEditor editor, HostEditor.Outcome outcome) {
        StringBuilder line = new StringBuilder(editor.display(outcome.file())).append(": ").append(outcome.summary());
        if (!outcome.backup().toString().isEmpty()) {
            line.append(" (previous version: ").append(editor.display(outcome.backup())).append(')');
        }
        return line.toString();
    }

    /** Runs the change; prints one line saying what was written where, or one line saying why not. */
    private static int run(CommandSpec spec, Context context, Change change) throws UsageException {
        HostEditor editor = editor(context);
        PrintWriter out = spec.commandLine().getOut();
        HostEditor.Outcome outcome;
        try {
            outcome = change.apply(editor);
        } catch (HostEditor.Refused e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("jhosts: cannot write the file, nothing changed: " + Printable.escaped(String.valueOf(e.getMessage())));
            err.flush();
            return ExitCodes.FAILURE;
        }
        out.println(Printable.escaped(outcomeLine(editor, outcome)));
        out.flush();
        return ExitCodes.OK;
    }
}

package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.files.Cancellation;
import dev.jhosts.files.CopyOptions;
import dev.jhosts.files.CopyRequest;
import dev.jhosts.files.CopyResult;
import dev.jhosts.files.FleetCopy;
import dev.jhosts.files.HostCopy;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.run.Captured;
import dev.jhosts.run.HostOutcome;
import dev.jhosts.run.HostResult;
import dev.jhosts.run.HostSelection;
import dev.jhosts.run.RunSummary;
import dev.jhosts.terminal.ProcessSignals;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.newsclub.net.unix.AFUNIXSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jhosts cp}: files between here and one host, or many, over SFTP sessions of their
 * masters (no new login, no ssh process).
 */
@Command(name = "cp", mixinStandardHelpOptions = true,
        header = "Copy files to or from hosts through their masters (SFTP).",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:everything was copied", "1:something failed (a file, a host), or no master could be had",
            "2:usage or settings error", "130:stopped by Ctrl-C"},
        customSynopsis = {"jhosts cp [-rp] [--partial|--resume] [--no-clobber] [--json] SOURCE... HOST:DEST",
            "jhosts cp [-rp] [--partial|--resume] [--no-clobber] [--json] HOST:SOURCE... DEST",
            "jhosts cp [-rp] [--host H]... [--tag T]... [--group G] [--match Q] [--parallel N] SOURCE... :DEST",
            "jhosts cp [-rp] [--host H]... [--tag T]... [--group G] [--match Q] [--parallel N] :SOURCE... DEST"},
        description = "Copy files between here and HOST through HOST's master (made if needed, as for connect), "
                + "over the SFTP subsystem on a new session of it: no new login, and SFTP-only servers work. "
                + "Relative remote paths and HOST: alone are the login directory, as for scp; wildcards in a remote "
                + "source's last part are matched against its directory. With :PATH instead of HOST:PATH, the copy "
                + "goes to (or comes from) every selected host in parallel, each into DEST/ALIAS/ when gathering. "
                + "With -r, symbolic links inside directories are copied as links. An existing file is overwritten, "
                + "as scp does, unless --no-clobber. Ctrl-C stops: the file being written is removed, or kept as "
                + "NAME.part with --partial, which --resume continues.")
final class CpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "OPERAND", arity = "0..*", description = "Sources, then the destination.")
    List<String> operands = new ArrayList<>();

    @Option(names = "-r", description = "Copy directories with their contents.")
    boolean recursive;

    @Option(names = "-p", description = "Keep modification and access times and modes.")
    boolean preserve;

    @Option(names = "--partial", description = "Write NAME.part, renamed when complete.")
    boolean partial;

    @Option(names = "--resume", description = "Continue each NAME.part left (implies --partial).")
    boolean resume;

    @Option(names = "--no-clobber", description = "Leave existing destination files alone.")
    boolean noClobber;

    @Option(names = "--host", paramLabel = "H", description = "A host for :PATH (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "T", description = "The hosts with tag T, for :PATH (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--group", paramLabel = "G", description = "The catalogue's hosts in group G, for :PATH.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--match", paramLabel = "QUERY", description = "The hosts the filter lets through, for :PATH.")
    String match = "";

    @Option(names = "--parallel", paramLabel = "N", description = "At most N hosts at once (default: run-parallelism).")
    Integer parallel;

    @Option(names = "--json", description = "One JSON object per host, a line each (see jhosts(1)).")
    boolean json;

    /**
     * What a command line asks of cp, read by picocli or by {@link PlainInvocation} (which reads
     * the usual forms the same way without picocli's start-up).
     *
     * @param parallel {@code --parallel}, or null when not given (the run-parallelism setting)
     */
    record Arguments(List<String> operands, boolean recursive, boolean preserve, boolean partial, boolean resume,
            boolean noClobber, List<String> hosts, List<String> tags, List<String> groups, String match,
            Integer parallel, boolean json) {
        Arguments {
            operands = List.copyOf(operands);
            hosts = List.copyOf(hosts);
            tags = List.copyOf(tags);
            groups = List.copyOf(groups);
        }
    }

    Arguments arguments() {
        return new Arguments(operands, recursive, preserve, partial, resume, noClobber, hosts, tags, groups, match,
                parallel, json);
    }

    @Override
    public Integer call() throws Exception {
        return copy(Commands.ground(spec), Commands.global(spec), arguments());
    }

    /**
     * Carries out {@code arguments} where {@code ground} says: in this process, or in the jhosts
     * server for a client, with its masters and settings. Errors of usage, settings and masters
     * are thrown, as from {@link #call}. For one host whose master needs the user (a password,
     * an unknown host key), ssh asks on the terminal: this process's own, or, in the server, the
     * client's, where the command then runs instead ({@link CommandGround.RunHere}, thrown
     * before anything is written).
     */
    static int copy(CommandGround ground, GlobalOptions global, Arguments arguments) throws Exception {
        CopyOperands.Shape shape = checked(arguments);
        if (ground instanceof ProcessGround) {
            prepareInBackground();
        }
        Context context = ground.context(global);
        Catalog catalog = catalogue(arguments, context);
        CommandStreams streams = ground.streams();
        Plan plan = plan(arguments, shape, catalog, streams);
        try (CommandGround.MastersLease lease = ground.masters(context, context.hosts(catalog))) {
            Masters masters = lease.masters();
            if (!plan.fleet()) {
                // one host: as connect does, a master that needs the user asks on the terminal
                String alias = plan.aliases().get(0);
                MasterState state = masters.start(alias).join();
                if (state instanceof MasterState.Failed failed && failed.needsPrompt()
                        && ground.input() == CommandGround.Input.TERMINAL) {
                    // the terminal ssh asks on is this process's own only where its standard input is
                    if (!ground.hasStandardInput()) {
                        throw new CommandGround.RunHere("the master of " + alias + " needs the user at the terminal");
                    }
                    streams.err().println("jhosts: " + alias + ": " + failed.reason() + "; asking on the terminal");
                    streams.err().flush();
                    masters.startOnTerminal(alias).join();
                }
            }
            return copy(masters, plan, arguments, context, streams);
        }
    }

    /** What cp is to do: the request, and the hosts, one of them or many ({@code fleet}). */
    private record Plan(CopyRequest request, List<String> aliases, boolean fleet) {}

    /** The shape of the operands, once the options are checked against it. */
    private static CopyOperands.Shape checked(Arguments arguments) throws UsageException {
        CopyOperands.Shape shape = CopyOperands.shape(arguments.operands());
        HostSelection selection = selection(arguments);
        if (!fleet(shape) && (!arguments.hosts().isEmpty() || selection.filters())) {
            throw new UsageException("cp: --host, --tag, --group and --match select hosts for :PATH; "
                    + "with HOST:PATH the host is named already");
        }
        if (arguments.parallel() != null && arguments.parallel() < 1) {
            throw new UsageException("cp: --parallel must be at least 1, not " + arguments.parallel());
        }
        for (String host : arguments.hosts()) {
            HostArgument.check("cp", host);
        }
        return shape;
    }

    private static boolean fleet(CopyOperands.Shape shape) {
        return shape instanceof CopyOperands.Shape.FanOut || shape instanceof CopyOperands.Shape.Gather;
    }

    private static HostSelection selection(Arguments arguments) {
        return new HostSelection(arguments.hosts(), arguments.tags(), arguments.groups(), arguments.match());
    }

    /** The catalogue, read only when hosts are selected from it or the settings may define hosts. */
    private static Catalog catalogue(Arguments arguments, Context context) {
        return selection(arguments).filters() || context.settings().hosts().stream().anyMatch(h -> h.definesHost())
                ? context.catalog() : new Catalog(List.of(), List.of());
    }

    private static Plan plan(Arguments arguments, CopyOperands.Shape shape, Catalog catalog, CommandStreams streams)
            throws UsageException {
        CopyOptions options = new CopyOptions(arguments.recursive(), arguments.preserve(), arguments.partial(),
                arguments.resume(), arguments.noClobber());
        HostSelection selection = selection(arguments);
        Path here = streams.directory();
        if (shape instanceof CopyOperands.Shape.Upload upload) {
            return new Plan(new CopyRequest(true, upload.sources(), remotePath(upload.destination()), false, options,
                    here), List.of(upload.host()), false);
        } else if (shape instanceof CopyOperands.Shape.Download download) {
            return new Plan(new CopyRequest(false, remoteSources(download.sources()), download.destination(), false,
                    options, here), List.of(download.host()), false);
        } else if (shape instanceof CopyOperands.Shape.FanOut fanOut) {
            return new Plan(new CopyRequest(true, fanOut.sources(), remotePath(fanOut.destination()), false, options,
                    here), selected(selection, catalog), true);
        }
        CopyOperands.Shape.Gather gather = (CopyOperands.Shape.Gather) shape;
        return new Plan(new CopyRequest(false, remoteSources(gather.sources()), gather.destination(), true, options,
                here), selected(selection, catalog), true);
    }

    private static int copy(Masters masters, Plan plan, Arguments arguments, Context context, CommandStreams streams)
            throws Exception {
        PrintStream out = streams.out();
        PrintStream err = streams.err();
        CopyRequest request = plan.request();
        CopyDisplay display = arguments.json() ? new CopyDisplay.JsonLines(out, err)
                : streams.outIsTerminal() ? new CopyDisplay.Terminal(plan.aliases().size(), plan.fleet(),
                        streams.columns(), out, err)
                : new CopyDisplay.Plain(plan.aliases(), plan.fleet(), out, err);
        int parallelism = arguments.parallel() != null ? arguments.parallel() : context.settings().run().parallelism();
        Cancellation cancellation = new Cancellation();
        AtomicBoolean interrupted = new AtomicBoolean();
        List<HostCopy.Result> results;
        FleetCopy copy = FleetCopy.start(masters, plan.aliases(), parallelism, request, cancellation, display,
                display::hostFinished, context.settings().aliveCheckTimeout().multipliedBy(4));
        try (copy; display; AutoCloseable stop = streams.interrupts().onInterrupt(() -> {
            interrupted.set(true);
            cancellation.cancel();
        })) {
            results = copy.await();
        }
        List<HostResult> summary = results.stream().map(CpCommand::asHostResult).toList();
        if (interrupted.get()) {
            err.println("jhosts: interrupted: " + (request.options().partial()
                    ? "the file being written was kept as NAME" + CopyOptions.PART_SUFFIX + " (--resume continues it)"
                    : "the file being written was removed"));
        }
        if (plan.fleet()) {
            new RunSummary(request.upload() ? "cp to" : "cp from", summary).lines()
                    .forEach(line -> err.println(line.startsWith(" ") ? line : "jhosts: " + line));
        } else {
            HostCopy.Result only = results.get(0);
            if (only.outcome() instanceof HostCopy.Outcome.Copied copied && !copied.result().failures().isEmpty()) {
                CopyResult result = copied.result();
                err.println("jhosts: cp: " + result.failures().size() + " of " + (result.failures().size()
                        + result.files() + result.skipped()) + " failed");
            }
        }
        err.flush();
        if (interrupted.get()) {
            return ExitCodes.INTERRUPTED;
        }
        return results.stream().allMatch(HostCopy.Result::complete) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static List<String> selected(HostSelection selection, Catalog catalog) throws UsageException {
        List<String> aliases = selection.select(catalog.hosts());
        if (aliases.isEmpty()) {
            throw new UsageException("cp: " + (selection.filters() ? "no host matches " + selection.describe()
                    : "no host for :PATH: use --host, --tag, --group or --match"));
        }
        return aliases;
    }

    private static List<String> remoteSources(List<String> sources) {
        return sources.stream().map(CpCommand::remotePath).toList();
    }

    /**
     * "HOST:" alone and "~" are the login directory, "~/PATH" is PATH in it (as scp has them; SFTP
     * paths are relative to the login directory already). "~user" is not expanded.
     */
    static String remotePath(String path) {
        if (path.isEmpty() || path.equals("~")) {
            return ".";
        }
        if (path.startsWith("~/")) {
            String rest = path.substring(2);
            return rest.isEmpty() ? "." : rest;
        }
        return path;
    }

    static HostResult asHostResult(HostCopy.Result result) {
        HostOutcome outcome;
        HostCopy.Outcome copy = result.outcome();
        if (copy instanceof HostCopy.Outcome.Copied copied) {
            CopyResult done = copied.result();
            outcome = done.cancelled() ? new HostOutcome.Cut(true)
                    : done.complete() ? new HostOutcome.Succeeded()
                    : new HostOutcome.Incomplete(done.failures().size() + " of " + (done.failures().size() + done.files()
                            + done.skipped()) + " failed");
        } else if (copy instanceof HostCopy.Outcome.Unreachable unreachable) {
            outcome = new HostOutcome.Unreachable(unreachable.reason());
        } else if (copy instanceof HostCopy.Outcome.Cancelled) {
            outcome = new HostOutcome.Cut(false);
        } else {
            outcome = new HostOutcome.Refused(CopyDisplay.reason(copy));
        }
        return new HostResult(result.alias(), outcome, result.duration(), Captured.NOTHING, Captured.NOTHING);
    }

    /**
     * Loads what the copy needs later and does not depend on the settings, on a thread of its
     * own while the settings are read and the master is found: the native socket library, JLine's
     * native part (which tells whether stdout is a terminal) and the signal handling.
     */
    private static void prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                AFUNIXSocket.isSupported();
                Class.forName(ProcessSignals.class.getName(), true, CpCommand.class.getClassLoader());
                new JniTerminalProvider().isSystemStream(SystemStream.Output);
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                // the copy meets the same problem where it is the command's, and says it
            }
        }, "jhosts-cp-prepare");
        thread.setDaemon(true);
        thread.start();
    }
}

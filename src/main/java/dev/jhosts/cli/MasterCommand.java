package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterInfo;
import dev.jhosts.master.Masters;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Probe;
import dev.jhosts.master.Via;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhosts master …}: start, list, check, stop, exit and kill master connections. */
@Command(name = "master", mixinStandardHelpOptions = true,
        header = "Start, list, check, stop, exit or kill master connections.",
        description = "Manage OpenSSH master connections (ControlMaster): jhosts' own and those at your ControlPaths.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"2:no subcommand given, or a usage or settings error"},
        subcommands = {
            MasterCommand.Start.class, MasterCommand.ListMasters.class, MasterCommand.Check.class,
            MasterCommand.Stop.class, MasterCommand.Exit.class, MasterCommand.Kill.class})
final class MasterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code master start HOST...}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            header = "Launch masters in the background; exit 0 when all are live.",
            description = "Launch masters in the background (BatchMode, at most max-parallel-launches at once); "
                    + "a live master is reused.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:every master is live", "1:some master could not be made (ssh's reason is printed)",
                "2:usage or settings error"})
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "HOST", description = "Host aliases, as 'jhosts list' shows them.")
        List<String> hosts;

        @Override
        public Integer call() throws Exception {
            HostArgument.checkAll("master start", hosts);
            Context context = Context.load(Commands.global(spec));
            try (Masters masters = context.masters(context.hosts())) {
                Map<String, CompletableFuture<MasterState>> started = new LinkedHashMap<>();
                hosts.forEach(host -> started.put(host, masters.start(host)));
                PrintWriter out = spec.commandLine().getOut();
                PrintWriter err = spec.commandLine().getErr();
                boolean allLive = true;
                boolean onTerminal = System.console() != null;
                for (Map.Entry<String, CompletableFuture<MasterState>> entry : started.entrySet()) {
                    MasterState state = entry.getValue().join();
                    if (onTerminal && state instanceof MasterState.Failed failed && failed.needsPrompt()) {
                        // as ssh itself would: ask on the terminal, one host at a time
                        err.println(Messages.line(entry.getKey() + ": " + failed.reason() + "; asking on the terminal"));
                        err.flush();
                        state = masters.startOnTerminal(entry.getKey()).join();
                    }
                    if (state instanceof MasterState.Live live) {
                        out.println(Messages.output(entry.getKey() + ": live (pid " + live.pid() + ")"));
                    } else {
                        allLive = false;
                        err.println(Messages.line(entry.getKey() + ": " + describe(state)));
                    }
                }
                out.flush();
                err.flush();
                return allLive ? ExitCodes.OK : ExitCodes.FAILURE;
            }
        }
    }

    /** {@code master list [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            header = "List the masters jhosts can find.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:listed", "2:usage or settings error"},
            description = "List the masters jhosts can find: its own, those in its control directory, "
                    + "and those at the ControlPaths of catalogue hosts.")
    static final class ListMasters implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CommandGround ground = Commands.ground(spec);
            Context context = ground.context(Commands.global(spec));
            // the sources' cached hosts, whatever their age: listing masters waits for no inventory
            Catalog catalog = context.catalogTellingSources(dev.jhosts.sources.Sources.Run.MISSING,
                    spec.commandLine().getErr());
            List<String> aliases = catalog.hosts().stream().map(Host::alias).toList();
            try (CommandGround.MastersLease lease = ground.masters(context, context.hosts(catalog))) {
                List<MasterInfo> found = lease.masters().discover(aliases);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.render(found.stream().map(ListMasters::toJson).toList()));
                } else {
                    for (MasterInfo info : found) {
                        out.println(Messages.output(String.join("  ",
                                info.aliases().isEmpty() ? "-" : String.join(",", info.aliases()),
                                pid(info.state()) == 0 ? "-" : Long.toString(pid(info.state())),
                                info.state().word(),
                                age(info.startedAt()),
                                info.startedByJhosts() ? "jhosts" : "other",
                                info.socket().toString())
                                + (info.via().isEmpty() ? "" : "  via " + info.via().stream().map(Via::label)
                                        .collect(java.util.stream.Collectors.joining(" > ")))));
                    }
                }
                out.flush();
                if (aliases.size() > Masters.DISCOVERY_ALIAS_LIMIT) {
                    spec.commandLine().getErr().println(Messages.line("note: looked at the ControlPaths of the first "
                            + Masters.DISCOVERY_ALIAS_LIMIT + " of " + aliases.size() + " hosts"));
                }
                return ExitCodes.OK;
            }
        }

        private static Map<String, Object> toJson(MasterInfo info) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("host", info.aliases().isEmpty() ? "" : info.aliases().get(0));
            object.put("aliases", info.aliases());
            object.put("socket", info.socket().toString());
            object.put("pid", pid(info.state()));
            object.put("state", info.state().word());
            object.put("started_by_jhosts", info.startedByJhosts());
            object.put("started", info.startedAt().equals(Instant.EPOCH) ? "" : info.startedAt().toString());
            object.put("via", info.via().stream().map(Via::label).toList());
            return object;
        }

        private static String age(Instant startedAt) {
            if (startedAt.equals(Instant.EPOCH)) {
                return "-";
            }
            Duration age = Duration.between(startedAt, Instant.now());
            if (age.toHours() > 0) {
                return age.toHours() + "h" + age.toMinutesPart() + "m";
            }
            return age.toMinutes() > 0 ? age.toMinutes() + "m" + age.toSecondsPart() + "s" : age.toSeconds() + "s";
        }
    }

    /** {@code master check HOST}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Is HOST's master alive? Prints its pid.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:alive (its pid is printed)", "1:no master", "2:usage or settings error",
                "3:a socket accepts but the master does not answer"},
            description = "Ask the master if it is alive (MUX_C_ALIVE_CHECK): exit 0 and print its pid; "
                    + "1 when there is none; 3 when it does not answer.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "HOST", description = "A host alias, as 'jhosts list' shows them.")
        String host;

        @Override
        public Integer call() throws Exception {
            return check(Commands.ground(spec), Commands.global(spec), host, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }

        /** The command's work; also what the plain invocation runs without picocli ({@link PlainInvocation}). */
        static int check(CommandGround ground, GlobalOptions global, String host, PrintWriter out, PrintWriter err)
                throws Exception {
            HostArgument.check("master check", host);
            Context context = ground.context(global);
            try (CommandGround.MastersLease lease = ground.masters(context, context.hosts(err))) {
                Masters masters = lease.masters();
                Path socket = masters.controlPath(host).socket();
                Probe found = masters.check(socket);
                if (found instanceof Probe.Alive alive) {
                    out.println(alive.pid());
                    out.flush();
                    return ExitCodes.OK;
                } else if (found instanceof Probe.Frozen frozen) {
                    err.println(Messages.line(host + ": master at " + socket + " does not answer (" + frozen.detail()
                            + "); 'jhosts master kill " + host + "' ends it"));
                    err.flush();
                    return ExitCodes.UNRESPONSIVE;
                } else if (found instanceof Probe.Refused refused) {
                    err.println(Messages.line(host + ": " + refused.detail()));
                } else if (found instanceof Probe.Untrusted untrusted) {
                    err.println(Messages.line(host + ": " + untrusted.detail()));
                } else {
                    err.println(Messages.line(host + ": no master running at " + socket
                            + (found instanceof Probe.Stale ? " (stale socket)" : "")
                            + "; 'jhosts master start " + host + "' starts one"));
                }
                err.flush();
                return ExitCodes.FAILURE;
            }
        }
    }

    /** A request to one host's master: resolves the host's socket, acts, prints what was done. */
    abstract static class HostOperation implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "HOST", description = "A host alias, as 'jhosts list' shows them.")
        String host;

        @Option(names = "--force", description = "Also when masters ride this one; exit and kill cut them.")
        boolean force;

        /** Acts on the master at {@code socket}; returns the line to print. */
        abstract String perform(Masters masters, Path socket, boolean cutDependants) throws MasterException;

        @Override
        public Integer call() throws Exception {
            HostArgument.check("master " + spec.name(), host);
            Context context = Context.load(Commands.global(spec));
            try (Masters masters = context.masters(context.hosts())) {
                Path socket = masters.controlPath(host).socket();
                List<String> dependants = masters.dependants(socket);
                String done;
                try {
                    done = perform(masters, socket, force);
                } catch (MasterException.HasDependants e) {
                    spec.commandLine().getErr().println(Messages.line(host + ": " + e.getMessage()
                            + "; give --force to go ahead"));
                    spec.commandLine().getErr().flush();
                    return ExitCodes.FAILURE;
                }
                spec.commandLine().getOut().println(Messages.output(host + ": " + done));
                if (!dependants.isEmpty()) {
                    spec.commandLine().getOut().println(Messages.output(host + ": rode it: " + String.join(", ", dependants)));
                }
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    /** {@code master stop HOST}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            header = "Stop accepting new sessions; running ones finish.",
            description = "Stop accepting new sessions (MUX_C_STOP_LISTENING); running ones finish, then the master exits.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:the request was sent", "1:no master, or it refused", "2:usage or settings error"})
    static final class Stop extends HostOperation {
        @Override
        String perform(Masters masters, Path socket, boolean cutDependants) throws MasterException {
            masters.stop(socket, cutDependants);
            return "stop request sent";
        }
    }

    /** {@code master exit HOST}. */
    @Command(name = "exit", mixinStandardHelpOptions = true,
            header = "Terminate the master; running sessions end.",
            description = "Terminate the master (MUX_C_TERMINATE); running sessions end.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:the request was sent", "1:no master, or it refused", "2:usage or settings error"})
    static final class Exit extends HostOperation {
        @Override
        String perform(Masters masters, Path socket, boolean cutDependants) throws MasterException {
            masters.exit(socket, cutDependants);
            return "exit request sent";
        }
    }

    /** {@code master kill HOST}. */
    @Command(name = "kill", mixinStandardHelpOptions = true,
            header = "Kill the master's process (for a stuck one); remove its socket.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:killed", "1:no master process of yours found", "2:usage or settings error"},
            description = "SIGTERM, then SIGKILL after kill-grace, the master's process, and remove its socket; "
                    + "works on a master that does not answer.")
    static final class Kill extends HostOperation {
        @Override
        String perform(Masters masters, Path socket, boolean cutDependants) throws MasterException {
            return "killed master (pid " + masters.kill(socket, cutDependants) + ")";
        }
    }

    static long pid(MasterState state) {
        return state instanceof MasterState.Live live ? live.pid() : 0;
    }

    /** The state in one line (ssh's reason for a failure may span several). */
    static String describe(MasterState state) {
        if (state instanceof MasterState.Failed failed) {
            return "failed: " + oneLine(failed.reason());
        } else if (state instanceof MasterState.Unresponsive unresponsive) {
            return "unresponsive: " + oneLine(unresponsive.detail());
        } else if (state instanceof MasterState.Cut cut) {
            return "cut: " + oneLine(cut.reason());
        }
        return state.word();
    }

    private static String oneLine(String text) {
        return dev.jhosts.config.Printable.oneLine(text);
    }

}

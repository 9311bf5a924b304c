package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.sources.Sources;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.run.Durations;
import dev.jhosts.run.FleetRun;
import dev.jhosts.run.HostOutcome;
import dev.jhosts.run.HostResult;
import dev.jhosts.run.HostSelection;
import dev.jhosts.run.OutputKind;
import dev.jhosts.run.PrefixedOutput;
import dev.jhosts.run.RunListener;
import dev.jhosts.run.RunRequest;
import dev.jhosts.run.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jhosts run [HOST...] [--tag T] [--group G] [--match Q] [--parallel N] [--timeout D]
 * [--retry N] [--json] -- COMMAND}: one command on many hosts through their masters.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run one command on many hosts through their masters.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the command exited 0 on every host", "1:it failed, timed out or could not run on a host",
            "2:usage or settings error", "130:stopped by Ctrl-C"},
        customSynopsis = "jhosts run [HOST...] [--tag T]... [--group G] [--match QUERY] [--parallel N] [--timeout D] "
                + "[--retry N] [--json] [-n] -- COMMAND",
        description = "Run COMMAND on many hosts at once through their masters (made in the background as needed, "
                + "never prompting), with a native mux session per host: no ssh process per host. Each line is "
                + "printed after its host's alias; a summary follows on stderr. Standard input, when it is not a "
                + "terminal, is read once and sent to every host. Ctrl-C stops every host's command (SIGHUP to its "
                + "process group there) and names the hosts it cut. A host whose master dies while the command runs is "
                + "reported as \"connection lost\" (not as exit 255); --retry N runs it again once its master is "
                + "made again. Exit status 0 only when COMMAND exited 0 on "
                + "every host; 1 otherwise; 130 after Ctrl-C.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {
    /** The most standard input sent to every host: it is held in memory once, and sent to each. */
    static final int MAX_INPUT = 16 << 20;
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HOST", arity = "0..*",
            description = "Hosts to run on; after --, the command.")
    List<String> words = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "T", description = "The hosts with tag T (repeatable: all of them).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--group", paramLabel = "G", description = "The catalogue's hosts in group G.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--match", paramLabel = "QUERY",
            description = "The hosts the picker's filter lets through for QUERY.")
    String match = "";

    @Option(names = "--parallel", paramLabel = "N", description = "At most N hosts at once (default: run-parallelism).")
    Integer parallel;

    @Option(names = "--timeout", paramLabel = "D",
            description = "Stop a host's command after D (default: run-timeout).")
    String timeout;

    @Option(names = "--retry", paramLabel = "N",
            description = "Run a lost host again, up to N times (backoff 1 to 30 s).")
    int retry;

    @Option(names = "--json", description = "One JSON object per host, a line each (see jhosts(1)).")
    boolean json;

    @Option(names = {"-n", "--no-stdin"}, description = "Send no standard input (as ssh -n).")
    boolean noStdin;

    @Override
    public Integer call() throws Exception {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int dash = original.indexOf("--");
        int commandWords = dash < 0 ? 0 : original.size() - dash - 1;
        if (commandWords == 0 || commandWords > words.size()) {
            throw new ParameterException(spec.commandLine(), "give the command after --, as in: jhosts run web1 web2 -- uptime");
        }
        String command = String.join(" ", words.subList(words.size() - commandWords, words.size()));
        List<String> named = words.subList(0, words.size() - commandWords);
        HostArgument.checkAll("run", named);
        if (command.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the command after -- is empty");
        }
        if (parallel != null && parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, not " + parallel);
        }
        if (retry < 0 || retry > RunRequest.MAX_RETRIES) {
            throw new ParameterException(spec.commandLine(), "--retry must be from 0 to " + RunRequest.MAX_RETRIES
                    + ", not " + retry);
        }
        Duration limit = null;
        if (timeout != null) {
            try {
                limit = Durations.parse(timeout);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--timeout: " + e.getMessage());
            }
        }
        CommandGround ground = Commands.ground(spec);
        // what is read from standard input is sent to every host: only a process that has it reads it
        boolean readsInput = !noStdin && ground.input() == CommandGround.Input.DATA;
        if (readsInput && !ground.hasStandardInput()) {
            throw new CommandGround.RunHere("jhosts run reads the client's standard input");
        }
        CommandStreams streams = ground.streams();
        PrintStream out = streams.out();
        PrintStream err = streams.err();
        Context context = ground.context(Commands.global(spec));
        HostSelection selection = new HostSelection(named, tags, groups, match);
        Catalog catalog = !context.settings().sources().isEmpty()
                ? context.catalogTellingSources(selection.filters() ? Sources.Run.STALE : Sources.Run.MISSING,
                        new PrintWriter(err, true))
                : selection.filters() || context.settings().hosts().stream().anyMatch(h -> h.definesHost())
                ? context.catalog() : new Catalog(List.of(), List.of());
        List<String> aliases = selection.select(catalog.hosts());
        if (aliases.isEmpty()) {
            throw new ParameterException(spec.commandLine(), selection.filters()
                    ? "no host matches " + selection.describe()
                    : "no host to run on: name hosts, or use --tag, --group or --match");
        }
        byte[] input = readsInput ? readInput(System.in) : new byte[0];
        if (input.length > 0) {
            err.println("jhosts: sending " + input.length + " byte" + (input.length == 1 ? "" : "s")
                    + " of standard input to each of " + aliases.size() + " host" + (aliases.size() == 1 ? "" : "s"));
        }
        RunRequest request = new RunRequest(command, aliases,
                parallel != null ? parallel : context.settings().run().parallelism(),
                limit != null ? limit : context.settings().run().timeout(),
                context.settings().run().hangup(), input, json, retry);
        HostConfigs hosts = context.hosts(catalog);
        try (CommandGround.MastersLease masters = ground.masters(context, hosts)) {
            RunListener listener = json ? new JsonLines(out)
                    : new PrefixedOutput(aliases, colour(ground, streams), out, err);
            return run(masters.masters(), request, listener, context, streams);
        }
    }

    private static int run(Masters masters, RunRequest request, RunListener listener, Context context,
            CommandStreams streams) throws Exception {
        PrintStream err = streams.err();
        FleetRun run = FleetRun.start(masters, request, listener, context.settings().aliveCheckTimeout().multipliedBy(4));
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<List<String>> cut = new AtomicReference<>(List.of());
        // Ctrl-C (and SIGTERM, SIGHUP in this process; a client gone for the server) hangs the
        // hosts' commands up; a second Ctrl-C leaves at once
        AutoCloseable onInterrupt = streams.interrupts().onInterrupt(() -> {
            if (!interrupted.compareAndSet(false, true) || run.finished()) {
                return;
            }
            Thread stopper = new Thread(() -> cut.set(run.stop(STOP_LIMIT)), "jhosts-run-interrupt");
            stopper.setDaemon(true);
            stopper.start();
        });
        try (run; onInterrupt) {
            List<HostResult> results = run.await();
            if (interrupted.get()) {
                List<String> stopped = cut.get().isEmpty()
                        ? results.stream().filter(r -> r.outcome() instanceof HostOutcome.Cut).map(HostResult::alias).toList()
                        : cut.get();
                err.println(Messages.line("interrupted: cut " + (stopped.isEmpty() ? "none" : String.join(", ", stopped))));
            }
            RunSummary summary = new RunSummary(results);
            // the first line as jhosts' other messages, the groups under it indented
            summary.lines().forEach(line -> err.println(line.startsWith(" ") ? Messages.output(line) : Messages.line(line)));
            err.flush();
            if (interrupted.get()) {
                return ExitCodes.INTERRUPTED;
            }
            return summary.allSucceeded() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** All of standard input, up to {@link #MAX_INPUT}; past it, a usage error (it would be sent to every host). */
    private byte[] readInput(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (bytes.size() + n > MAX_INPUT) {
                throw new ParameterException(spec.commandLine(), "standard input is over " + (MAX_INPUT >> 20)
                        + " MiB: jhosts run holds it in memory to send to every host (copy big files with scp or "
                        + "rsync, which ride the masters with 'jhosts ssh-config'; -n sends none)");
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    /** Colour when stdout is a terminal and NO_COLOR is not set (no-color.org). */
    private static boolean colour(CommandGround ground, CommandStreams streams) {
        return ground.environment("NO_COLOR").filter(value -> !value.isEmpty()).isEmpty() && streams.outIsTerminal();
    }

    /** {@code --json}: one object per host, a line each, as each host ends. */
    private static final class JsonLines implements RunListener {
        private final PrintStream out;

        JsonLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void output(String alias, OutputKind kind, byte[] bytes, int offset, int length) {
            // kept by the run itself (RunRequest.capture)
        }

        @Override
        public synchronized void finished(HostResult result) {
            out.println(Json.render(toJson(result)));
            out.flush();
        }
    }

    static Map<String, Object> toJson(HostResult result) {
        HostOutcome outcome = result.outcome();
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("alias", result.alias());
        object.put("outcome", outcomeWord(outcome));
        object.put("exitStatus", outcome instanceof HostOutcome.Succeeded ? Integer.valueOf(0)
                : outcome instanceof HostOutcome.Failed failed ? Integer.valueOf(failed.status()) : null);
        object.put("stdout", result.stdout().text());
        object.put("stderr", result.stderr().text());
        if (result.stdout().truncated() || result.stderr().truncated()) {
            object.put("truncated", true);
        }
        object.put("durationMs", result.duration().toMillis());
        boolean exited = outcome instanceof HostOutcome.Succeeded || outcome instanceof HostOutcome.Failed;
        object.put("error", exited ? null : outcome.word() + (outcome.detail().isEmpty() ? "" : ": " + outcome.detail()));
        return object;
    }

    /** succeeded, failed, no-exit-status, connection-lost, unreachable, refused, timed-out, cut. */
    private static String outcomeWord(HostOutcome outcome) {
        if (outcome instanceof HostOutcome.Succeeded) {
            return "succeeded";
        } else if (outcome instanceof HostOutcome.Failed || outcome instanceof HostOutcome.Incomplete) {
            return "failed";
        } else if (outcome instanceof HostOutcome.NoExitStatus) {
            return "no-exit-status";
        } else if (outcome instanceof HostOutcome.ConnectionLost) {
            return "connection-lost";
        } else if (outcome instanceof HostOutcome.Unreachable) {
            return "unreachable";
        } else if (outcome instanceof HostOutcome.Refused) {
            return "refused";
        } else if (outcome instanceof HostOutcome.TimedOut) {
            return "timed-out";
        }
        return "cut";
    }
}

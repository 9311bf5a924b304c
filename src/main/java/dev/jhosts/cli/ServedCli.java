package dev.jhosts.cli;

import dev.jhosts.master.LatestTerminal;
import dev.jhosts.master.Masters;
import dev.jhosts.server.ServedCall;
import dev.jhosts.server.ServedCommands;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;

/**
 * The command-line commands a jhosts server runs for its clients, with its settings and its
 * masters ({@link ServedGround}): {@code cp}, {@code run}, {@code probe}, {@code list}, {@code
 * master list} and {@code master check} ({@link #serves}), parsed as in the client's own process
 * and reporting their errors the same way. A command the server cannot run as the client would
 * (one that reads the client's standard input, a copy whose master needs the user, global
 * options among its words) is left to the client ({@link Outcome.RunHere}).
 */
final class ServedCli implements ServedCommands {
    private final Context context;
    private final Masters masters;
    private final LatestTerminal latestTerminal;

    ServedCli(Context context, Masters masters, LatestTerminal latestTerminal) {
        this.context = context;
        this.masters = masters;
        this.latestTerminal = latestTerminal;
    }

    /**
     * Whether a command line's {@code words} (after its global options) are one the server runs:
     * a client asks the server only for these. Global options among them (before a {@code --})
     * name another server, or none: those lines run in the client.
     */
    static boolean serves(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        for (String word : words) {
            if (word.equals("--")) {
                break;
            }
            if (word.startsWith("-F") || word.startsWith("-c") || word.startsWith("--debug")) {
                return false;
            }
        }
        return switch (words.get(0)) {
            case "cp", "run", "probe", "list" -> true;
            case "master" -> words.size() > 1 && (words.get(1).equals("list") || words.get(1).equals("check"));
            default -> false;
        };
    }

    @Override
    public Outcome run(ServedCall call) {
        if (!serves(call.arguments())) {
            return new Outcome.RunHere();
        }
        if (call.outputTerminal().isPresent()) {
            // a person at a terminal: the masters made for them take their agent and display
            latestTerminal.cameFrom(call.environment());
        }
        ServedGround ground = new ServedGround(context, masters, call);
        Optional<PlainInvocation> plain = PlainInvocation.parse(call.arguments().toArray(new String[0]));
        if (plain.isPresent() && plain.get() instanceof PlainInvocation.Copy copy) {
            return copy(ground, copy, call);
        }
        PrintWriter out = new PrintWriter(call.out(), true);
        PrintWriter err = new PrintWriter(call.err(), true);
        // the usual forms without picocli, whose model of every command is made again for each
        if (plain.isPresent() && (plain.get() instanceof PlainInvocation.MasterCheck
                || plain.get() instanceof PlainInvocation.ListHosts)) {
            int status;
            try {
                status = plain.get() instanceof PlainInvocation.MasterCheck check
                        ? MasterCommand.Check.check(ground, check.global(), check.host(), out, err)
                        : ListCommand.list(ground, plain.get().global(), ((PlainInvocation.ListHosts) plain.get()).json(),
                                false, out, err);
            } catch (Exception e) {
                status = Main.report(e, false, err, ExitCodes.NO_SESSION);
            }
            out.flush();
            err.flush();
            return new Outcome.Finished(status);
        }
        AtomicBoolean runHere = new AtomicBoolean();
        CommandLine line = Main.commandLine(new ServedRoot(ground));
        line.addSubcommand(subcommand(call.arguments().get(0)));
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((exception, failed, parsed) -> {
            if (exception instanceof CommandGround.RunHere) {
                runHere.set(true);
                return ExitCodes.OK;
            }
            return Main.failure(exception, failed);
        });
        int status = line.execute(call.arguments().toArray(new String[0]));
        out.flush();
        err.flush();
        return runHere.get() ? new Outcome.RunHere() : new Outcome.Finished(status);
    }

    /** A new instance of the subcommand {@code name} (one that {@link #serves}). */
    private static Object subcommand(String name) {
        return switch (name) {
            case "cp" -> new CpCommand();
            case "run" -> new RunCommand();
            case "probe" -> new ProbeCommand();
            case "list" -> new ListCommand();
            case "master" -> new MasterCommand();
            default -> throw new IllegalArgumentException("not a served command: " + name);
        };
    }

    private Outcome copy(ServedGround ground, PlainInvocation.Copy copy, ServedCall call) {
        try {
            return new Outcome.Finished(CpCommand.copy(ground, copy.global(), copy.arguments()));
        } catch (CommandGround.RunHere runHere) {
            return new Outcome.RunHere();
        } catch (Exception e) {
            return new Outcome.Finished(Main.report(e, false, new PrintWriter(call.err(), true), ExitCodes.NO_SESSION));
        }
    }
}

package dev.jhosts.cli;

import dev.jhosts.master.LatestTerminal;
import dev.jhosts.master.Masters;
import dev.jhosts.server.OutputTerminal;
import dev.jhosts.server.ServedCall;
import dev.jhosts.server.ServedCommands;
import dev.jhosts.terminal.TerminalWidth;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The command-line commands a jhosts server runs for its clients, with its settings and its
 * masters: {@code cp} in the forms {@link PlainInvocation} reads. Anything else, and a copy
 * whose master needs the user, the client runs itself.
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

    @Override
    public Outcome run(ServedCall call) {
        Optional<PlainInvocation> parsed = PlainInvocation.parse(call.arguments().toArray(new String[0]));
        if (parsed.isEmpty() || !(parsed.get() instanceof PlainInvocation.Copy copy) || given(copy.global())) {
            return new Outcome.RunHere();
        }
        Optional<OutputTerminal> terminal = call.outputTerminal();
        if (terminal.isPresent()) {
            // a person at a terminal: the masters made for them take their agent and display
            latestTerminal.cameFrom(call.environment());
        }
        IntSupplier columns = terminal.isPresent() ? terminal.get()::columns : () -> TerminalWidth.USUAL;
        CommandStreams streams = new CommandStreams(call.out(), call.err(), call.directory(),
                !copy.arguments().json() && terminal.isPresent(), columns, call::onInterrupt);
        try {
            Optional<Integer> status = CpCommand.served(context, masters, copy.arguments(), streams, terminal.isPresent());
            return status.isPresent() ? new Outcome.Finished(status.get()) : new Outcome.RunHere();
        } catch (Exception e) {
            return new Outcome.Finished(Main.report(e, false, new PrintWriter(call.err(), true), ExitCodes.NO_SESSION));
        }
    }

    /** Global options in the words: the client names its server by them, and {@code --debug} is its own. */
    private static boolean given(GlobalOptions global) {
        return global.sshConfig != null || global.settingsFile != null || global.debug;
    }
}

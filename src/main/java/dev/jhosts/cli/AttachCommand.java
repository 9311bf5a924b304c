package dev.jhosts.cli;

import dev.jhosts.server.ToServer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhosts attach [HOST|SESSION]}: a session of the jhosts server on this terminal. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        header = "Show a session of the jhosts server on this terminal.",
        description = "Show a live session of the jhosts server on this terminal, with its screen as it was "
                + "left; detaching from it shows the list. A session shown in another terminal moves here, "
                + "and that terminal goes back to its list.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the picker was quit", "1:no such live session, or no server runs"})
final class AttachCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST",
            description = "A host, or a session id (#3); none: the most recent session.")
    String target = "";

    @Override
    public Integer call() throws Exception {
        GlobalOptions global = Commands.global(spec);
        if (ServerClients.ask(global, ToServer.Purpose.STATUS, List.of()).isEmpty()) {
            spec.commandLine().getErr().println("jhosts: no jhosts server runs, so no session to attach to");
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILURE;
        }
        return ServerClients.show(global, ToServer.Purpose.ATTACH, target.isEmpty() ? List.of() : List.of(target));
    }
}

package dev.jhosts.cli;

import dev.jhosts.client.ServerClient;
import dev.jhosts.master.ControlPath;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.server.ToServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jhosts connect HOST [-- COMMAND...]}: a session through the host's master (launched in
 * the background if needed), exiting with the remote exit status.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        header = "Open a session on HOST through its master (made if needed).",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"n:the remote command's exit status", "2:usage or settings error",
            "255:no session could be opened, or the remote side gave no status"},
        description = "Open a session on HOST through its master (made if needed) and exit with the remote "
                + "exit status (255 when there is none). Without COMMAND: a login shell. When the master "
                + "cannot be made in the background because authentication needs a prompt, ssh runs on the "
                + "terminal with ControlMaster=auto, so that connection becomes the master.")
final class ConnectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "A host alias, as 'jhosts list' shows them.")
    String host;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Remote command, after --; none: a login shell.")
    List<String> command = List.of();

    @Override
    public Integer call() throws Exception {
        return connect(Commands.global(spec), host, command, spec.commandLine().getErr());
    }

    /** The command's work; also what the plain invocation runs without picocli ({@link PlainInvocation}). */
    static int connect(GlobalOptions global, String host, List<String> command, PrintWriter err) throws Exception {
        HostArgument.check("connect", host);
        if (command.isEmpty() && System.console() != null) {
            // a shell on a terminal: a session of the jhosts server, which outlives this terminal
            int status = ServerClients.show(global, ToServer.Purpose.CONNECT, List.of(host));
            if (status != ServerClient.NOT_LISTED) {
                return status;
            }
        }
        Context context = Context.load(global);
        HostConfigs hosts = context.hosts();
        try (Masters masters = context.masters(hosts)) {
            MasterState state = masters.start(host).join();
            if (state instanceof MasterState.Live) {
                Optional<LiveMaster> live = masters.live(host);
                if (live.isPresent()) {
                    context.recordConnect(host);
                    return Sessions.direct(context, hosts, host, live.get(), String.join(" ", command));
                }
                state = masters.refresh(host);
            }
            if (state instanceof MasterState.Failed failed && failed.needsPrompt()) {
                ControlPath path = masters.controlPath(host);
                context.recordConnect(host);
                return Sessions.fallback(context, hosts, masters.routeOptions(host), host, path, command);
            }
            err.println(Messages.line(host + ": " + MasterCommand.describe(state)));
            err.flush();
            return ExitCodes.NO_SESSION;
        }
    }
}

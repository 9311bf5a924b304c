package dev.jhosts.cli;

import dev.jhosts.server.ToServer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code jhosts}: without a subcommand, the full-screen host picker. */
@Command(name = "jhosts",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Pick an OpenSSH host and get a shell at once, through a master connection.",
        description = {"Without a command: the full-screen host picker. Every command takes -F, -c and --debug.",
            "Settings, keys and files: man jhosts (man/jhosts.1)."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the picker was quit, or the session ended with 0", "1:jhosts could not start the picker",
            "2:usage or settings error", "n:with on-session-end = exit, the session's status"},
        subcommands = {ListCommand.class, ConnectCommand.class, MasterCommand.class, ForwardCommand.class,
            ProbeCommand.class, DemoCommand.class, CompletionCommand.class, DoctorCommand.class, RunCommand.class,
            SshConfigCommand.class, CpCommand.class, HostCommand.class, SessionsCommand.class, AttachCommand.class,
            ServerCommand.class})
final class JhostsCommand extends CommandRoot implements Callable<Integer> {
    /** Its subcommands run in this process (the server runs some for clients: {@link ServedRoot}). */
    JhostsCommand() {
        super(ProcessGround.INSTANCE);
    }

    @Override
    public Integer call() throws Exception {
        return ServerClients.show(global, ToServer.Purpose.PICKER, List.of());
    }
}

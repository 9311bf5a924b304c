package dev.jhosts.cli;

import dev.jhosts.config.SettingsException;
import dev.jhosts.master.MasterException;
import dev.jhosts.server.ToServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of the {@code jhosts} command: parses the command line and maps errors to exit codes. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        prepareProcess();
        System.exit(run(args));
    }

    /** What the process needs before anything else runs: the quiet logging manager, the native libraries' place. */
    static void prepareProcess() {
        DebugLog.installQuietManager();
        String home = System.getProperty("jhosts.home");
        if (home != null) {
            NativeLibraries.preferUnpacked(Path.of(home));
        }
    }

    static int run(String... args) {
        Optional<PlainInvocation.Split> split = PlainInvocation.split(args);
        if (split.isPresent() && !split.get().global().debug && ServedCli.serves(split.get().words())) {
            // the running server's warm JVM and known masters, when there is one
            Optional<Integer> served = ServerClients.served(split.get().global(), split.get().words());
            if (served.isPresent()) {
                return served.get();
            }
        }
        Optional<PlainInvocation> plain = PlainInvocation.parse(args);
        if (plain.isPresent()) {
            return runPlain(plain.get());
        }
        return commandLine(new JhostsCommand()).execute(args);
    }

    /** The command line of {@code root}, its errors reported as jhosts reports them. */
    static CommandLine commandLine(CommandRoot root) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> failure(exception, line));
        return commandLine;
    }

    /**
     * The invocations people type a hundred times a day, without picocli (see {@link
     * PlainInvocation}); errors are reported as the picocli path reports them.
     */
    private static int runPlain(PlainInvocation invocation) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // a failure is exit 1, as on picocli's path, but for connect, whose 255 is ssh's
        boolean picker = invocation instanceof PlainInvocation.Picker || invocation instanceof PlainInvocation.Sessions
                || invocation instanceof PlainInvocation.ServerStatus;
        try {
            if (invocation instanceof PlainInvocation.Connect connect) {
                return ConnectCommand.connect(connect.global(), connect.host(), connect.command(), err);
            }
            if (invocation instanceof PlainInvocation.MasterCheck check) {
                return MasterCommand.Check.check(ProcessGround.INSTANCE, check.global(), check.host(), out, err);
            }
            if (invocation instanceof PlainInvocation.ListHosts list) {
                return ListCommand.list(list.global(), list.json(), out, err);
            }
            if (invocation instanceof PlainInvocation.ServerRun server) {
                return ServerCommand.Run.run(server.global());
            }
            if (invocation instanceof PlainInvocation.ServerStatus status) {
                return ServerCommand.Status.status(status.global(), out);
            }
            if (invocation instanceof PlainInvocation.Sessions sessions) {
                return SessionsCommand.sessions(sessions.global(), sessions.json(), out, err);
            }
            if (invocation instanceof PlainInvocation.Copy copy) {
                return CpCommand.copy(ProcessGround.INSTANCE, copy.global(), copy.arguments());
            }
            return ServerClients.show(invocation.global(), ToServer.Purpose.PICKER, List.of());
        } catch (Exception e) {
            return report(e, invocation.global().debug, err, picker ? ExitCodes.FAILURE : ExitCodes.NO_SESSION);
        }
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(Messages.line(e.getMessage()));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    static int failure(Exception exception, CommandLine line) {
        Object root = line.getCommandSpec().root().userObject();
        boolean debug = root instanceof CommandRoot command && command.global().debug;
        return report(exception, debug, line.getErr(),
                exception instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.NO_SESSION);
    }

    /**
     * Prints the error in one line (with the stack trace under {@code --debug}); returns its exit
     * status: 2 for settings, 1 for masters, else {@code otherwise}.
     */
    static int report(Exception exception, boolean debug, PrintWriter err, int otherwise) {
        if (debug) {
            exception.printStackTrace(err);
        }
        err.println(Messages.line(describe(exception)));
        err.flush();
        if (exception instanceof SettingsException || exception instanceof UsageException) {
            return ExitCodes.USAGE;
        }
        return exception instanceof MasterException ? ExitCodes.FAILURE : otherwise;
    }

    private static String describe(Exception exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }
}

package dev.jhosts.cli;

import dev.jhosts.config.SettingsException;
import dev.jhosts.master.MasterException;
import dev.jhosts.tui.JhostsApp;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        Optional<GlobalOptions> pickerOnly = PickerArguments.parse(args);
        if (pickerOnly.isPresent()) {
            return runPicker(pickerOnly.get());
        }
        CommandLine commandLine = new CommandLine(new JhostsCommand());
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> failure(exception, line));
        return commandLine.execute(args);
    }

    /**
     * The picker is what people start a hundred times a day; for its plain invocations picocli
     * (whose classes predate class-data sharing, so they are loaded and verified afresh on every
     * start, about 100 ms) is not loaded at all.
     */
    private static int runPicker(GlobalOptions options) {
        PrintWriter err = new PrintWriter(System.err, true);
        JhostsApp.prepareInBackground();
        try {
            return TuiLauncher.run(Context.load(options));
        } catch (SettingsException e) {
            if (options.debug) {
                e.printStackTrace(err);
            }
            err.println("jhosts: " + oneLine(e));
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            if (options.debug) {
                e.printStackTrace(err);
            }
            err.println("jhosts: " + oneLine(e));
            return ExitCodes.FAILURE;
        }
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("jhosts: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(Exception exception, CommandLine line) {
        PrintWriter err = line.getErr();
        Object root = line.getCommandSpec().root().userObject();
        if (root instanceof JhostsCommand command && command.global.debug) {
            exception.printStackTrace(err);
        }
        err.println("jhosts: " + oneLine(exception));
        err.flush();
        if (exception instanceof SettingsException || exception instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return exception instanceof MasterException ? ExitCodes.FAILURE : ExitCodes.NO_SESSION;
    }

    private static String oneLine(Exception exception) {
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            message = exception.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }
}

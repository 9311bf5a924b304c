package dev.jhosts.cli;

import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsException;
import dev.jhosts.config.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jhosts demo}: the picker on demo hosts of an embedded SSH server. The demo package and
 * its libraries (Apache MINA SSHD, pty4j and what they need) live in {@code lib/demo/} beside the
 * jar, outside its manifest Class-Path, and are loaded here by a class loader of their own: the
 * picker's start-up and its class-data-sharing archive never see them. Without that directory
 * (a class path made by Maven, as in the tests) the demo's classes are looked for on the class
 * path itself.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "The picker on demo hosts of an embedded SSH server.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the picker was quit", "1:the demo could not start (it says why)", "2:usage error"},
        description = {"Open the picker on demo hosts of an SSH server of its own (Apache MINA SSHD on 127.0.0.1),"
                + " so that masters, sessions, the status pane and a stuck master can be tried without a server.",
                "Nothing of yours is read or written (ssh config, known_hosts, agent, history, control directory);"
                + " everything the demo made is removed when it ends."})
final class DemoCommand implements Callable<Integer> {
    /** The demo package's entry point: {@code public static int run(DemoPicker)}. */
    static final String ENTRY_CLASS = "dev.jhosts.demo.Demo";
    static final String ENTRY_METHOD = "run";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions global = Commands.global(spec);
        PrintWriter err = spec.commandLine().getErr();
        if (global.sshConfig != null || global.settingsFile != null) {
            err.println("jhosts: demo makes its own ssh config and settings: -F and -c do not apply to it");
            err.flush();
            return ExitCodes.USAGE;
        }
        // the debug log, when asked for, goes where it always goes; nothing else of the user's is touched
        DebugLog.configure(global.debug, Locations.fromEnvironment().stateDirectory());
        try {
            Method run = entryPoint();
            return (Integer) run.invoke(null, (DemoPicker) DemoCommand::openPicker);
        } catch (InvocationTargetException e) {
            return failed(e.getCause() == null ? e : e.getCause(), global.debug, err);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return failed(new IOException("the demo's libraries are missing (" + demoLibraries()
                    .map(Path::toString).orElse("lib/demo beside jhosts.jar")
                    + "): build jhosts with 'mvn -B -q package -DskipTests'", e), global.debug, err);
        } catch (ReflectiveOperationException | IOException | LinkageError e) {
            return failed(e, global.debug, err);
        }
    }

    private static int failed(Throwable problem, boolean debug, PrintWriter err) {
        if (debug) {
            problem.printStackTrace(err);
        }
        String message = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
        err.println(Messages.line("demo: " + message));
        err.flush();
        return problem instanceof SettingsException ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    /**
     * The picker on the demo's files, as {@code jhosts -F SSH_CONFIG -c SETTINGS} would open it:
     * through a jhosts server of the demo's own, which ends with the picker. Without a launcher
     * to start a server with (the classes alone, as in a test's JVM), in this process.
     */
    static int openPicker(DemoPicker.Setup setup) throws Exception {
        Locations locations = Locations.of(setup.environment(), Path.of(setup.environment().get("HOME")));
        Settings settings = new SettingsLoader(locations).loadExplicit(setup.settingsFile());
        if (Files.isExecutable(Path.of(System.getProperty("jhosts.home", "."), "jhosts"))) {
            return ServerClients.showDemo(setup.sshConfig(), setup.settingsFile(), setup.environment());
        }
        return TuiLauncher.run(new Context(settings, locations, setup.sshConfig(), true, setup.settingsFile(), true));
    }

    private static Method entryPoint() throws ReflectiveOperationException, IOException {
        Class<?> entry = Class.forName(ENTRY_CLASS, true, demoClassLoader());
        return entry.getMethod(ENTRY_METHOD, DemoPicker.class);
    }

    /**
     * A class loader over {@code lib/demo/*.jar} beside the launcher (its parent is this class's,
     * so the demo sees jhosts' own packages), or this class's own where that directory does not
     * exist. It is never closed: the demo's shutdown hook may still load classes from it.
     */
    private static ClassLoader demoClassLoader() throws IOException {
        ClassLoader own = DemoCommand.class.getClassLoader();
        Optional<Path> libraries = demoLibraries();
        if (libraries.isEmpty()) {
            return own;
        }
        List<URL> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(libraries.get(), "*.jar")) {
            for (Path jar : entries) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IOException("cannot name the demo's libraries in " + libraries.get() + ": " + e.getMessage(), e);
        }
        jars.sort((a, b) -> a.toString().compareTo(b.toString()));
        return new URLClassLoader("jhosts-demo", jars.toArray(URL[]::new), own);
    }

    /** {@code lib/demo} under the launcher's directory ({@code jhosts.home}), when it is there. */
    private static Optional<Path> demoLibraries() {
        String home = System.getProperty("jhosts.home");
        if (home == null || home.isEmpty()) {
            return Optional.empty();
        }
        Path libraries = Path.of(home, "lib", "demo");
        return Files.isDirectory(libraries) ? Optional.of(libraries) : Optional.empty();
    }
}

package dev.jhosts.cli;

import dev.jhosts.client.ServerClient;
import dev.jhosts.config.Locations;
import dev.jhosts.server.JhostsServer;
import dev.jhosts.server.LauncherWait;
import dev.jhosts.server.Served;
import dev.jhosts.server.ServerAddress;
import dev.jhosts.server.ToServer;
import dev.jhosts.terminal.ProcFiles;
import dev.jhosts.terminal.ProcessSignals;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.SessionHub;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jhosts server run|status|stop}: the jhosts server of this ssh config and settings. */
@Command(name = "server", mixinStandardHelpOptions = true,
        header = "The jhosts server that holds the pickers' sessions.",
        description = "jhosts runs one server per ssh config and settings file; the picker is its client. "
                + "Sessions live in the server and outlive the terminal they were opened from.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"2:no subcommand given, or a usage or settings error"},
        subcommands = {ServerCommand.Run.class, ServerCommand.Status.class, ServerCommand.Stop.class})
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            header = "Run the server in the foreground, for debugging.",
            description = "Run the server in this process until it is stopped or idle for server-persist; "
                    + "its words go to stderr. jhosts starts the server by itself, detached; this is for debugging.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:stopped, idle for server-persist, or another server serves already",
                "1:it could not listen", "2:usage or settings error"})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return run(Commands.global(spec));
        }

        /** The command's work; also what the plain invocation runs without picocli ({@link PlainInvocation}). */
        static int run(GlobalOptions global) throws Exception {
            LauncherWait launcherWait = LauncherWait.ofThisProcess(System.err);
            try {
                return run(global, launcherWait);
            } finally {
                launcherWait.end();
            }
        }

        private static int run(GlobalOptions global, LauncherWait launcherWait) throws Exception {
            // the first frame's libraries get ready beside the settings and the catalogue: the
            // first client of a cold start waits for them
            JhostsApp.prepareInBackground();
            // the settings are read on another thread while this one takes the server's place,
            // which needs none of them
            ContextReading reading = ContextReading.start(global);
            long launcher = launcherBeside();
            if (launcher <= 0) {
                // (beside its launcher, the frame comes before the socket and its library: JhostsServer.runBeside)
                JhostsServer.prepareInBackground();
            }
            // the terminal the server was started from may close: that is no reason to end
            ProcessSignals.handle("HUP", () -> { });
            ServerAddress address;
            String build;
            try {
                address = ServerClients.address(global, Locations.fromEnvironment());
                dev.jhosts.master.ControlDirectory.prepare(address.directory());
                build = ServerClients.build();
            } catch (Exception e) {
                reading.get(); // a settings error is told first, as when the settings were read first
                throw e;
            }
            Context context = reading.get();
            String home = System.getProperty("jhosts.home", "");
            JhostsServer server = new JhostsServer(address, build, BuildIdentity::line,
                    context.settings().sessions().serverPersist(), System.err,
                    folder -> !home.isEmpty() && folder.equals(home) && BuildIdentity.handshake(folder).equals(build));
            // the runtime is made once the server listens, while a first client's terminal opens
            AtomicReference<PickerRuntime> opened = new AtomicReference<>();
            JhostsServer.Startup startup = () -> {
                PickerRuntime runtime = PickerRuntime.open(context, true);
                opened.set(runtime);
                return new Served(new RuntimePickers(runtime), runtime.commands());
            };
            try {
                if (launcher <= 0) {
                    launcherWait.end(); // a launcher that is not this process's parent waits for nothing here
                    return server.run(startup);
                }
                return server.runBeside(startup, launcher, launcherWait::end);
            } finally {
                PickerRuntime runtime = opened.get();
                if (runtime != null) {
                    runtime.close();
                }
            }
        }
    }

    /**
     * The launcher that started this server beside its own client ({@code
     * -Djhosts.server.beside}, its pid, which its client's JVM keeps): this process's parent.
     * 0 when there is none, or the property names another process.
     */
    private static long launcherBeside() {
        long launcher = Long.getLong("jhosts.server.beside", 0);
        if (launcher <= 0) {
            return 0;
        }
        // /proc/self/stat, not ProcessHandle: its first use starts the JDK's process reaper
        Optional<Long> self = ProcFiles.ownPid();
        Optional<ProcFiles.Stat> stat = self.isPresent() ? ProcFiles.stat(self.get()) : Optional.empty();
        return stat.isPresent() && stat.get().parent() == launcher ? launcher : 0;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            header = "Whether the server runs: pid, age, sessions.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:a server runs", "1:none runs"})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return status(Commands.global(spec), spec.commandLine().getOut());
        }

        /** The command's work; also what the plain invocation runs without picocli ({@link PlainInvocation}). */
        static int status(GlobalOptions global, PrintWriter out) throws IOException {
            Optional<ServerClient.Answer> answer = ServerClients.ask(global, ToServer.Purpose.STATUS, List.of());
            if (answer.isEmpty()) {
                out.println("no jhosts server runs for this ssh config and settings");
                out.flush();
                return ExitCodes.FAILURE;
            }
            String[] fields = answer.get().text().strip().split("\t", -1);
            if (fields.length < 5) {
                out.println(answer.get().text().strip());
            } else {
                out.println("pid " + fields[0] + ", up " + age(Long.parseLong(fields[2])) + ", " + fields[3]
                        + " terminal" + (fields[3].equals("1") ? "" : "s") + ", " + fields[4] + " session"
                        + (fields[4].equals("1") ? "" : "s"));
                out.println(fields[1]);
            }
            out.flush();
            return answer.get().status();
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            header = "Stop the server (--force: live sessions too).",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:stopped, or none ran", "1:sessions live and --force was not given"})
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--force", description = "End the live sessions too (their remote shells are hung up).")
        boolean force;

        @Override
        public Integer call() throws Exception {
            Optional<ServerClient.Answer> answer = ServerClients.ask(Commands.global(spec), ToServer.Purpose.STOP,
                    force ? List.of("--force") : List.of());
            PrintWriter err = spec.commandLine().getErr();
            if (answer.isEmpty()) {
                err.println("jhosts: no jhosts server runs for this ssh config and settings");
                err.flush();
                return ExitCodes.OK;
            }
            if (!answer.get().message().isEmpty()) {
                err.println(answer.get().message());
                err.flush();
            }
            return answer.get().status();
        }
    }

    /** "3h", "12m", "40s": how long ago {@code epochSecond} was. */
    static String age(long epochSecond) {
        Duration age = Duration.between(Instant.ofEpochSecond(epochSecond), Instant.now());
        if (age.toHours() > 0) {
            return age.toHours() + "h";
        }
        if (age.toMinutes() > 0) {
            return age.toMinutes() + "m";
        }
        return Math.max(0, age.toSeconds()) + "s";
    }

    /** The server's pickers: those of one runtime. */
    private record RuntimePickers(PickerRuntime runtime) implements dev.jhosts.server.Pickers {
        @Override
        public int show(TerminalOwner terminal, JhostsApp.Viewer viewer, JhostsApp.Opening opening) throws IOException {
            runtime.terminalCame(viewer.environment());
            return runtime.app().run(terminal, viewer, opening);
        }

        @Override
        public void preview(JhostsApp.Viewer viewer, java.io.OutputStream tty, com.googlecode.lanterna.TerminalSize size)
                throws IOException {
            runtime.app().preview(viewer, tty, size);
        }

        @Override
        public Optional<Long> openAtFirstFrame(JhostsApp.Viewer viewer, com.googlecode.lanterna.TerminalSize size,
                org.jline.terminal.Attributes cooked) {
            return runtime.app().openAtFirstFrame(viewer, size, cooked);
        }

        @Override
        public boolean lists(String alias) {
            return runtime.app().lists(alias);
        }

        @Override
        public SessionHub sessions() {
            return runtime.sessions();
        }

        @Override
        public boolean settingsChanged() {
            return runtime.settingsChanged();
        }

        @Override
        public boolean settingsFileChanged() {
            return runtime.settingsFileChanged();
        }
    }
}

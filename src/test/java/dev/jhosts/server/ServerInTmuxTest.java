package dev.jhosts.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.completion.HostCache;
import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.JhostsServers;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.RemoteShells;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The jhosts server through the real {@code target/jhosts} in tmux, with the test sshd: a session
 * outlives its terminal and comes back in another with its screen and the same shell; two
 * terminals, each with its own list, and a session moved from one to the other (asked first); the server
 * killed under an attached session, the terminal restored; another user refused; the list
 * following the ssh config; {@code server-persist}.
 */
class ServerInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(2);

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static FleetConfig fleet;
    private static Path config;
    private final List<Tmux> terminals = new ArrayList<>();

    @BeforeAll
    static void setUp() throws IOException {
        fleet = new FleetConfig(SSHD);
        config = fleet.write("server_config");
    }

    @AfterEach
    void stop() {
        terminals.forEach(Tmux::close);
        terminals.clear();
        JhostsServers.stopAll(controlDirectory());
        for (String host : fleet.aliases()) {
            SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "exit", host);
        }
    }

    private static Path controlDirectory() {
        return Path.of(SSHD.jhostsEnv().get("XDG_RUNTIME_DIR"), "jhosts");
    }

    private static Map<String, String> env() {
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** A terminal with jhosts in it; the shell's modes before and after it in NAME.before and NAME.after. */
    private Tmux terminal(String name, String arguments) {
        return terminal(name, arguments, "");
    }

    /** As above, with {@code variables} ({@code NAME=value ...}) set for jhosts alone. */
    private Tmux terminal(String name, String arguments, String variables) {
        Path modes = SSHD.dir().resolve(name);
        Tmux tmux = Tmux.start(100, 30, env(), "stty -g > " + modes + ".before; " + variables + " "
                + SshdFixture.launcher().toAbsolutePath() + " -F " + config + " " + arguments
                + "; echo \"jhosts exited $?\"; stty -g > " + modes + ".after.part && mv " + modes + ".after.part "
                + modes + ".after; exec sleep 600");
        terminals.add(tmux);
        return tmux;
    }

    private static Processes.Result jhosts(String... arguments) {
        List<String> line = new ArrayList<>(List.of("-F", config.toString()));
        line.addAll(List.of(arguments));
        return SSHD.jhosts(LIMIT, line.toArray(String[]::new));
    }

    private static void assertModesRestored(String name) throws IOException {
        Path after = SSHD.dir().resolve(name + ".after");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(after) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(Files.readString(after)).isEqualTo(Files.readString(SSHD.dir().resolve(name + ".before")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSessionOutlivesItsTerminalAndComesBackWithItsScreenAndTheSameShell() {
        Tmux first = terminal("outlive-1", "");
        first.waitFor("h0");
        RemoteShells.open(first, "h0");
        String shell = RemoteShells.shellPid(first, "before");
        first.type("echo left-on-screen");
        first.keys("Enter");
        first.waitFor("\nleft-on-screen");
        first.closeTerminal();

        sessionShownNowhere("h0");
        assertThat(RemoteShells.alive(shell)).as("the remote shell goes on without the terminal").isTrue();

        Tmux second = terminal("outlive-2", "");
        second.waitUntil(s -> s.lines().anyMatch(line -> line.contains(" h0 ") && line.contains("session")),
                "h0's row with its session");
        RemoteShells.open(second, "h0");
        // the screen as it was left, with no key sent to the remote
        String screen = second.waitUntil(s -> s.contains("before=" + shell) && s.contains("left-on-screen"),
                "the session's last screen");
        assertThat(screen).contains("before=" + shell);
        assertThat(RemoteShells.shellPid(second, "after")).isEqualTo(shell);
    }

    @Test
    void theFirstPickerHasItsServerStartedByTheLauncherAndTakesItOnAndASecondStartsNone() throws IOException {
        noServerBefore();
        Tmux first = terminal("launched-1", "");
        first.waitFor("h0");
        List<ProcessHandle> servers = serversOf(config);
        assertThat(servers).as("one server for the ssh config").hasSize(1);
        ProcessHandle server = servers.get(0);
        ProcessHandle client = server.parent().orElseThrow();
        assertThat(arguments(client)).as("the client, told the pid of the server the launcher started")
                .contains("-Djhosts.server.started=" + server.pid())
                .doesNotContain("server run");
        // the collector by role: the server's heap stays small, the client starts on the JDK's default
        assertThat(arguments(server)).contains("-XX:+UseSerialGC");
        assertThat(arguments(client)).doesNotContain("-XX:+UseSerialGC");
        // a second terminal finds the server's socket (which listens just after the first frame): its launcher starts none
        assertThat(socketsOnceOneListens()).hasSize(1);
        Tmux second = terminal("launched-2", "");
        second.waitFor("h0");
        assertThat(serversOf(config)).as("still the one server").containsExactly(server);
        ProcessHandle secondClient = ProcessHandle.allProcesses()
                .filter(process -> arguments(process).contains(config.toString()) && !process.equals(client)
                        && !arguments(process).contains("server run"))
                .filter(process -> process.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow();
        assertThat(arguments(secondClient)).doesNotContain("jhosts.server.started");
        first.keys("Escape");
        assertModesRestored("launched-1");
        // the server outlives the client that adopted it, in a session of its own
        assertThat(server.isAlive()).isTrue();
        assertThat(server.parent().map(ProcessHandle::pid)).isNotEqualTo(Optional.of(client.pid()));
    }

    /**
     * A JAVA_HOME whose java waits {@code seconds} before it becomes the real one: a client's
     * JVM that starts slowly. It writes its pid in {@code NAME.pid}, and {@code NAME.started}
     * once it is done waiting.
     */
    private static Path slowJava(String name, int seconds) throws IOException {
        Path marks = SSHD.dir().resolve(name);
        Files.deleteIfExists(Path.of(marks + ".started"));
        return clientJava(name, "echo $$ > " + marks + ".pid; sleep " + seconds + "; touch " + marks + ".started");
    }

    /**
     * A JAVA_HOME whose java runs {@code clientFirst} (shell) before it becomes the real one, for
     * the client alone: a server the launcher starts with it is not touched.
     */
    private static Path clientJava(String name, String clientFirst) throws IOException {
        Path home = SSHD.dir().resolve(name + "-java");
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\ncase \"$*\" in *' server run') ;; *) " + clientFirst + " ;; esac\nexec "
                + Path.of(System.getProperty("java.home"), "bin", "java") + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return home;
    }

    /** Esc clears the filter, Esc quits: the picker exits 0 and leaves the terminal's modes as they were. */
    private static void clearFilterAndQuit(Tmux tmux, String name) throws IOException {
        tmux.keys("Escape");
        tmux.waitFor("type to filter");
        tmux.keys("Escape");
        assertThat(tmux.waitFor("jhosts exited")).contains("jhosts exited 0");
        assertModesRestored(name);
    }

    /**
     * A picker shown and left, so that a server runs, with its first frames' pipe made (it comes
     * after the server's start: a launcher before it asks for no frame).
     */
    private void serverRuns() throws IOException {
        Tmux first = terminal("warm-up", "");
        first.waitFor("h0");
        first.keys("Escape");
        assertModesRestored("warm-up");
        firstFramesPipe();
    }

    /**
     * The servers' sockets, once there is one: a cold start's first frame comes a few
     * milliseconds before its server's socket listens (JhostsServer.runBeside).
     */
    private static List<Path> socketsOnceOneListens() {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (JhostsServers.in(controlDirectory()).isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
        }
        return JhostsServers.in(controlDirectory());
    }

    private static boolean leadsToAFramePipe(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString().contains("first-frame-");
        } catch (IOException gone) {
            return false;
        }
    }

    /** Waits for the one server's first frames' pipe, made after its start. */
    private static void firstFramesPipe() {
        List<Path> sockets = socketsOnceOneListens();
        assertThat(sockets).hasSize(1);
        Path pipe = ServerAddress.at(sockets.get(0)).previews();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(pipe) && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(pipe).as("the server's first frames' pipe").exists();
    }

    /** Waits until {@code host}'s session is listed as shown in no terminal ({@code jhosts sessions}). */
    private static void sessionShownNowhere(String host) {
        String shownNowhere = "(?s).*" + host + " .* - *\n.*";
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Processes.Result sessions = jhosts("sessions");
        while (!sessions.stdout().matches(shownNowhere) && System.nanoTime() < deadline) {
            sleep(100);
            sessions = jhosts("sessions");
        }
        assertThat(sessions.stdout()).as(host + "'s session, shown nowhere: " + sessions.describe()).matches(shownNowhere);
    }

    @Test
    void theServerDrawsAWarmPickersFirstFrameWhileItsClientStartsAndKeysTypedMeanwhileReachThePicker()
            throws IOException {
        serverRuns();
        Path java = slowJava("slow", 3);
        Tmux tmux = terminal("preview", "", "JAVA_HOME=" + java);
        tmux.waitFor("h1");
        assertThat(SSHD.dir().resolve("slow.started")).as("the frame came before the client's JVM started").doesNotExist();
        assertThat(tmux.display("#{alternate_on}")).isEqualTo("1");
        // the terminal is as its user left it, cooked: what is typed waits in it for the picker
        tmux.type("h1");
        tmux.waitUntil(s -> s.contains("1 shown") && listsAlone(s, "h1"), "h1 alone");
        assertThat(SSHD.dir().resolve("slow.started")).exists();
        clearFilterAndQuit(tmux, "preview");
    }

    @Test
    void theServerTheLauncherStartsDrawsTheFirstFrameBeforeTheClientsJvmIsUp() throws IOException {
        noServerBefore();
        Path java = slowJava("cold", 3);
        Tmux tmux = terminal("cold-frame", "", "JAVA_HOME=" + java);
        tmux.waitFor("h1");
        assertThat(SSHD.dir().resolve("cold.started")).as("the frame came before the client's JVM started").doesNotExist();
        tmux.type("h1");
        tmux.waitUntil(s -> s.contains("1 shown") && listsAlone(s, "h1"), "h1 alone");
        clearFilterAndQuit(tmux, "cold-frame");
        assertThat(serversOf(config)).as("the server the launcher started").hasSize(1);
    }

    @Test
    void theLauncherOfAColdStartStartsItsClientsJvmOnceTheServersFirstFrameIsOut() throws IOException {
        noServerBefore();
        // a java that, for the client alone, first writes down the screen it starts on
        Path screen = SSHD.dir().resolve("ordered.screen");
        Files.deleteIfExists(screen);
        Path home = clientJava("ordered", "tmux capture-pane -p > " + screen + ".part && mv " + screen + ".part " + screen);
        Tmux tmux = terminal("ordered", "", "JAVA_HOME=" + home);
        tmux.waitFor("h1");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(screen) && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(Files.readString(screen)).as("the screen the client's JVM started on").contains("h0", "h1");
        ProcessHandle server = serversOf(config).get(0);
        assertThat(arguments(server.parent().orElseThrow())).as("the client of the server the launcher started")
                .contains("-Djhosts.server.started=" + server.pid());
        // the pipe the launcher waited on: removed, and its descriptor in the server closed (just
        // after the line that ended the wait)
        Path state = Path.of(env().get("XDG_STATE_HOME"), "jhosts");
        try (var left = Files.list(state)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("first-frame-"));
        }
        Path third = Path.of("/proc/" + server.pid() + "/fd/3");
        while (leadsToAFramePipe(third) && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(leadsToAFramePipe(third)).as("the server's descriptor 3 still leads to the pipe").isFalse();
        tmux.type("h1");
        tmux.waitUntil(s -> s.contains("1 shown") && listsAlone(s, "h1"), "h1 alone");
        clearFilterAndQuit(tmux, "ordered");
    }

    @Test
    void aFirstFrameWhoseClientNeverComesIsTakenAway() throws IOException {
        serverRuns();
        Path java = slowJava("never", 60);
        Tmux tmux = terminal("withdrawn", "", "JAVA_HOME=" + java);
        tmux.waitFor("h1");
        assertThat(tmux.display("#{alternate_on}")).isEqualTo("1");
        long pid = Long.parseLong(Files.readString(SSHD.dir().resolve("never.pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        // the client is gone: the server sees it and gives the screen back, the modes untouched
        assertModesRestored("withdrawn");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!tmux.display("#{alternate_on}").equals("0") && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(tmux.display("#{alternate_on}")).as("the main screen back").isEqualTo("0");
        // and the server shows the next picker as always
        Tmux next = terminal("after-withdrawn", "");
        next.waitFor("h0");
        next.keys("Escape");
        assertModesRestored("after-withdrawn");
    }

    @Test
    void enterOnTheFirstFrameOpensItsSessionBeforeTheClientsJvmIsUpAndWhatIsTypedAfterReachesIt()
            throws IOException {
        for (String host : fleet.aliases()) {
            Processes.Result start = jhosts("master", "start", host);
            assertThat(start.exitCode()).as(start.describe()).isZero();
        }
        // a picker shown until the server knows every master live, then left
        Tmux first = terminal("warm-live", "");
        first.waitFor(fleet.aliases().size() + " live");
        first.keys("Escape");
        assertModesRestored("warm-live");
        serverRuns();
        assertThat(jhosts("sessions").stdout()).as("no session before").doesNotContain(" h");

        Path java = slowJava("entered", 4);
        Tmux tmux = terminal("first-frame-enter", "", "JAVA_HOME=" + java);
        String frame = tmux.waitFor(fleet.aliases().size() + " live");
        assertThat(SSHD.dir().resolve("entered.started")).as("the frame came before the client's JVM started").doesNotExist();
        String selected = frame.lines().filter(line -> line.startsWith("›") && line.matches(".* h\\d+ .*"))
                .findFirst().orElseThrow().replaceAll("^.* (h\\d+) .*$", "$1");
        tmux.keys("Enter");
        // the server opens it on the cooked terminal's lone Enter, while the client's JVM still sleeps
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Processes.Result sessions = jhosts("sessions");
        while (!sessions.stdout().contains(selected + " ") && System.nanoTime() < deadline) {
            sleep(50);
            sessions = jhosts("sessions");
        }
        assertThat(sessions.stdout()).as("the selected host's session: " + sessions.describe()).contains(selected + " ");
        assertThat(SSHD.dir().resolve("entered.started")).as("opened before the client's JVM started").doesNotExist();
        // typed after Enter, before the client has taken the terminal: the session's
        tmux.type("echo early-$((6*7))");
        tmux.keys("Enter");
        tmux.waitFor("\nearly-42");
        assertThat(SSHD.dir().resolve("entered.started")).exists();
        assertThat(jhosts("sessions").stdout()).as("one session, the one Enter opened").containsOnlyOnce(selected + " ");
        tmux.type("exit");
        tmux.keys("Enter");
        tmux.waitFor("type to filter");
        tmux.keys("Escape");
        assertThat(tmux.waitFor("jhosts exited")).contains("jhosts exited 0");
        assertModesRestored("first-frame-enter");
    }

    @Test
    void enterTypedOnTheFirstFrameOfAHostWithALiveSessionBringsThatSessionBack() throws IOException {
        Tmux first = terminal("kept-1", "");
        first.waitFor("h0");
        RemoteShells.open(first, "h0");
        String shell = RemoteShells.shellPid(first, "kept");
        first.closeTerminal();
        sessionShownNowhere("h0");
        firstFramesPipe();

        Path java = slowJava("kept", 3);
        Tmux second = terminal("kept-2", "", "JAVA_HOME=" + java);
        String frame = second.waitFor("h1");
        assertThat(SSHD.dir().resolve("kept.started")).as("the frame came before the client's JVM started").doesNotExist();
        assertThat(frame.lines().filter(line -> line.startsWith("›") && line.contains(" h0 ")))
                .as("h0, the last host connected to, selected").hasSize(1);
        // typed ahead of the picker, which must know the session before it reads the Enter
        second.keys("Enter");
        second.waitUntil(s -> s.contains("kept=" + shell), "h0's session, its screen as it was left");
        assertThat(RemoteShells.shellPid(second, "again")).isEqualTo(shell);
        assertThat(jhosts("sessions").stdout()).as("no second session").containsOnlyOnce("h0 ");
    }

    /** The sockets that bear {@code socket}'s path: the listening one, and each connection made to it (/proc/net/unix). */
    private static long socketsAt(Path socket) throws IOException {
        return Files.readAllLines(Path.of("/proc/net/unix")).stream().filter(line -> line.endsWith(" " + socket)).count();
    }

    private static void signal(long pid, String name) {
        Processes.Result kill = Processes.run(List.of("kill", "-" + name, Long.toString(pid)), Map.of(), Duration.ofSeconds(10));
        assertThat(kill.exitCode()).as(kill.describe()).isZero();
    }

    @Test
    void ctrlCBeforeTheServerHasTakenTheTerminalEndsThePickerWithItsFirstFrameTakenAway() throws IOException {
        serverRuns();
        Path socket = JhostsServers.in(controlDirectory()).get(0);
        Processes.Result status = jhosts("server", "status");
        long server = Long.parseLong(status.stdout().replaceAll("(?s)^pid (\\d+),.*$", "$1"));
        Path java = slowJava("interrupted", 1);
        // an interactive shell, which Ctrl-C leaves alone, as it leaves a person's
        Requirements.requireCommand("bash", "bash");
        Map<String, String> env = env();
        env.put("PS1", "ready$ ");
        Tmux tmux = Tmux.start(100, 30, env, "exec bash --norc --noprofile -i");
        terminals.add(tmux);
        tmux.waitFor("ready$");
        Path modes = SSHD.dir().resolve("interrupted");
        tmux.type("stty -g > " + modes + ".before; JAVA_HOME=" + java + " " + SshdFixture.launcher().toAbsolutePath()
                + " -F " + config + "; echo \"jhosts exited $?\"; stty -g > " + modes + ".after.part && mv " + modes
                + ".after.part " + modes + ".after\r");
        // (not a host's name: the typed line, with its paths, may hold one)
        tmux.waitFor("type to filter");
        // the server, stopped, takes nothing more: the client connects, says hello and waits
        signal(server, "STOP");
        try {
            long listening = socketsAt(socket);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (socketsAt(socket) <= listening && System.nanoTime() < deadline) {
                sleep(20);
            }
            assertThat(socketsAt(socket)).as("the client's connection, waiting").isGreaterThan(listening);
            tmux.keys("C-c");
            sleep(300);
        } finally {
            signal(server, "CONT");
        }
        // (the typed line itself reads "jhosts exited $?")
        tmux.waitFor("jhosts exited 130");
        assertModesRestored("interrupted");
        assertThat(tmux.display("#{alternate_on}")).as("the first frame taken away").isEqualTo("0");
    }

    @Test
    void theServerWritesTheCompletionCacheOfItsCatalogueAfterTheFirstFrame() throws IOException {
        Path cache = Path.of(SSHD.jhostsEnv().get("XDG_STATE_HOME"), "jhosts", HostCache.FILE_NAME);
        Files.deleteIfExists(cache);
        Tmux picker = terminal("cache", "");
        picker.waitFor("h0");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!(Files.exists(cache) && Files.readString(cache).contains("\nh0\t")) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(cache).as("the completion cache, with the catalogue's hosts").exists();
        assertThat(Files.readString(cache)).contains("\nh0\t");
        picker.keys("Escape");
        assertModesRestored("cache");
    }

    /** No server's socket, and (the last test's server may still be ending) no server's process. */
    /**
     * Whether the list's rows (those with a host's address) show {@code host} alone: the masters'
     * pane, which shows once a master is live, names hosts too.
     */
    private static boolean listsAlone(String screen, String host) {
        List<String> rows = screen.lines().filter(line -> line.contains("root@127.0.0.1:")).toList();
        return rows.size() == 1 && rows.get(0).contains(" " + host + " ");
    }

    private static void noServerBefore() {
        assertThat(JhostsServers.in(controlDirectory())).as("no server before").isEmpty();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!serversOf(config).isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(serversOf(config)).as("no server process before").isEmpty();
    }

    /** The jhosts servers of {@code sshConfig} running now. */
    private static List<ProcessHandle> serversOf(Path sshConfig) {
        return ProcessHandle.allProcesses()
                .filter(process -> arguments(process).contains(sshConfig.toString())
                        && arguments(process).contains("server run"))
                .toList();
    }

    /** The jhosts servers running, each with its start and its words: what a failure shows. */
    private static String runningServers() {
        return ProcessHandle.allProcesses().filter(process -> arguments(process).contains("server run"))
                .map(process -> process.pid() + " started " + process.info().startInstant().map(Object::toString).orElse("?")
                        + " parent " + process.parent().map(parent -> parent.pid() + " " + arguments(parent)).orElse("-")
                        + ": " + arguments(process))
                .collect(java.util.stream.Collectors.joining("\n", "servers running:\n", ""));
    }

    private static String arguments(ProcessHandle process) {
        return String.join(" ", process.info().arguments().map(List::of).orElse(List.of()));
    }

    @Test
    void twoTerminalsKeepTheirOwnListsAndASessionMovesFromOneToTheOther() {
        Tmux left = terminal("two-left", "");
        Tmux right = terminal("two-right", "");
        left.waitFor("h0");
        right.waitFor("h0");
        left.type("h0");
        right.type("h1");
        left.waitUntil(s -> s.contains("1 shown") && listsAlone(s, "h0"), "h0 alone on the left");
        right.waitUntil(s -> s.contains("1 shown") && listsAlone(s, "h1"), "h1 alone on the right");
        assertThat(listsAlone(left.screen(), "h0")).as(left.screen()).isTrue();
        assertThat(listsAlone(right.screen(), "h1")).as(right.screen()).isTrue();

        RemoteShells.open(left, "h0");
        String shell = RemoteShells.shellPid(left, "moved");
        // the right terminal lists the left one's session, and Enter brings it over
        right.keys("C-u");
        right.type("h0");
        right.waitUntil(s -> s.lines().anyMatch(line -> line.contains(" h0 ") && line.contains("session")),
                "h0's session listed on the right");
        right.keys("Enter");
        // it is shown on the left: the right asks before it takes it
        String question = right.waitFor("Show it here?");
        assertThat(question).contains("h0 #").contains("is shown in client");
        right.type("y");
        right.waitUntil(s -> s.contains("moved=" + shell), "the session's screen on the right");
        left.waitUntil(s -> s.contains("Enter connect"), "the left terminal back at its list");
        assertThat(RemoteShells.shellPid(right, "here")).isEqualTo(shell);
        Processes.Result sessions = jhosts("sessions", "--json");
        assertThat(sessions.stdout()).as(sessions.describe()).contains("\"host\":\"h0\"")
                .contains("\"attached_to\":\"client");
    }

    @Test
    void aClientThatPassesItsTerminalsDescriptorIsShownTheSame() throws IOException {
        // the way of the platforms without /proc/PID/fd, and of a server that cannot open that path
        Tmux tmux = terminal("passing", "", "JHOSTS_JAVA_OPTS=-Djhosts.client.pass-terminal=true");
        tmux.waitFor("Enter connect");
        RemoteShells.open(tmux, "h0");
        RemoteShells.shellPid(tmux, "passed");
        tmux.type("exit");
        tmux.keys("Enter");
        tmux.waitFor("session ended");
        // the first Esc clears the filter that chose h0, the second quits
        tmux.keys("Escape");
        tmux.waitFor("type to filter");
        tmux.keys("Escape");
        String screen = tmux.waitFor("jhosts exited");
        assertThat(screen).contains("jhosts exited 0");
        assertModesRestored("passing");
    }

    @Test
    void aBrokenSettingsFileIsSaidWithItsLineAndExit2WithOrWithoutATerminal() throws IOException {
        Path broken = Files.writeString(SSHD.dir().resolve("broken.conf"), "prelaunch-delay = 1m\nno-such-setting = 3\n");
        // on a terminal the server finds it, as it starts, and the client says it as its own
        Tmux tmux = terminal("broken", "-c " + broken);
        String screen = tmux.waitFor("jhosts exited");
        assertThat(screen).contains(broken + ":2: unknown key 'no-such-setting'").contains("jhosts exited 2");
        assertModesRestored("broken");
        assertThat(JhostsServers.in(controlDirectory())).as("no server left behind").isEmpty();
        // without a terminal the settings' error comes first, as without a server
        Processes.Result plain = jhosts("-c", broken.toString());
        assertThat(plain.exitCode()).as(plain.describe()).isEqualTo(2);
        assertThat(plain.stderr()).contains(broken + ":2: unknown key 'no-such-setting'");
    }

    @Test
    void theServerKilledUnderAnAttachedSessionLeavesTheTerminalAsItWas() throws IOException {
        Tmux tmux = terminal("killed", "");
        tmux.waitFor("h0");
        RemoteShells.open(tmux, "h0");
        RemoteShells.shellPid(tmux, "doomed");
        Processes.Result status = jhosts("server", "status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        long pid = Long.parseLong(status.stdout().replaceAll("(?s)^pid (\\d+),.*$", "$1"));
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        String screen = tmux.waitFor("jhosts exited 1");
        assertThat(screen).contains("jhosts: the jhosts server ended under this terminal; the terminal is restored");
        assertModesRestored("killed");
    }

    @Test
    void aClientOfAnotherUserIsRefusedBeforeItSaysAWord() throws Exception {
        Requirements.requireRoot("connecting as nobody");
        Path python = Requirements.requireExecutable("/usr/bin/python3", "python3");
        Path setpriv = Requirements.requireCommand("setpriv", "util-linux");
        Tmux tmux = terminal("foreign", "");
        tmux.waitFor("h0");
        List<Path> sockets = socketsOnceOneListens();
        assertThat(sockets).as(runningServers()).hasSize(1);
        Path socket = sockets.get(0);
        // let nobody reach the socket, which the private directory alone keeps from it otherwise
        Map<Path, Set<PosixFilePermission>> before = new TreeMap<>();
        for (Path dir = socket.getParent(); dir != null && !dir.equals(Path.of("/tmp")); dir = dir.getParent()) {
            before.put(dir, Files.getPosixFilePermissions(dir));
            Set<PosixFilePermission> more = new java.util.HashSet<>(before.get(dir));
            more.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(dir, more);
        }
        Set<PosixFilePermission> socketBefore = Files.getPosixFilePermissions(socket);
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        try {
            String client = String.join("\n",
                    "import socket, sys",
                    "s = socket.socket(socket.AF_UNIX); s.settimeout(10); s.connect(sys.argv[1])",
                    "data = b''",
                    "while True:",
                    "    chunk = s.recv(65536)",
                    "    if not chunk: break",
                    "    data += chunk",
                    "sys.stdout.write(data[5:].decode('utf-8', 'replace'))",
                    "");
            Processes.Result foreign = Processes.run(List.of(setpriv.toString(), "--reuid=nobody", "--regid=nogroup",
                    "--clear-groups", python.toString(), "-c", client, socket.toString()), Map.of(), LIMIT);
            assertThat(foreign.exitCode()).as(foreign.describe()).isZero();
            assertThat(foreign.stdout()).as(foreign.describe()).contains("jhosts: refused: this jhosts server serves uid");
        } finally {
            Files.setPosixFilePermissions(socket, socketBefore);
            for (Map.Entry<Path, Set<PosixFilePermission>> entry : before.entrySet()) {
                Files.setPosixFilePermissions(entry.getKey(), entry.getValue());
            }
        }
        // the server goes on for its own user
        Processes.Result status = jhosts("server", "status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
    }

    @Test
    void theListFollowsTheSshConfigEditedWhileTheServerRuns() throws IOException {
        Path edited = fleet.write("server_edited_config");
        Tmux tmux = Tmux.start(100, 30, env(), SshdFixture.launcher().toAbsolutePath() + " -F " + edited
                + "; exec sleep 600");
        terminals.add(tmux);
        tmux.waitFor("h0");
        Files.writeString(edited, Files.readString(edited) + "\nHost added-later\n  HostName 127.0.0.1\n  Port 1\n");
        tmux.waitFor("added-later");
        // a new terminal starts from the new list at once
        Tmux another = Tmux.start(100, 30, env(), SshdFixture.launcher().toAbsolutePath() + " -F " + edited
                + "; exec sleep 600");
        terminals.add(another);
        String screen = another.waitFor("h0");
        assertThat(screen).contains("added-later");
    }

    @Test
    void serverPersistEndsTheServerOnceNothingIsShownAndNoSessionLives() throws IOException {
        Path settings = SSHD.dir().resolve("persist.conf");
        Files.writeString(settings, "server-persist = 1s\n");
        Tmux tmux = terminal("persist", "-c " + settings);
        tmux.waitFor("h0");
        assertThat(socketsOnceOneListens()).isNotEmpty();
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!JhostsServers.in(controlDirectory()).isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(JhostsServers.in(controlDirectory())).as("the idle server ended after server-persist").isEmpty();
    }
}

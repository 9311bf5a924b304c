package dev.jhosts.bench;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Master operations from the command line against a local sshd, side by side with their OpenSSH
 * baselines measured in the same run: {@code jhosts master check} vs {@code ssh -O check};
 * {@code jhosts connect H -- true} through a live master vs {@code ssh -S socket H true} vs a
 * cold {@code ssh H true}; and a JVM hello-world started like the launcher starts jhosts.
 */
public final class MasterBench {
    private static final int WARMUPS = 3;
    private static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        SshdFixture sshd = new SshdFixture().start();
        try {
            run(sshd);
        } finally {
            sshd.jhosts(Duration.ofSeconds(30), "master", "exit", SshdFixture.HOST);
            sshd.stop();
        }
    }

    private static void run(SshdFixture sshd) throws Exception {
        String host = SshdFixture.HOST;
        Map<String, String> env = sshd.jhostsEnv();
        String launcher = SshdFixture.launcher().toString();
        String config = sshd.sshConfig().toString();
        Processes.Result start = sshd.jhosts(Duration.ofSeconds(60), "master", "start", host);
        if (start.exitCode() != 0) {
            throw new IllegalStateException("master start failed: " + start.describe());
        }
        Path socket = socket(sshd);

        Timing.Figure hello = Timing.time("JVM hello-world (launcher's JVM flags)", WARMUPS, RUNS, helloWorld(), Map.of());
        Timing.Figure version = Timing.time("jhosts --version", WARMUPS, RUNS, List.of(launcher, "--version"), env);
        Timing.Figure jhostsCheck = Timing.time("jhosts master check", WARMUPS, RUNS,
                List.of(launcher, "-F", config, "master", "check", host), env);
        Timing.Figure sshCheck = Timing.time("ssh -O check", WARMUPS, RUNS,
                List.of("ssh", "-F", config, "-S", socket.toString(), "-O", "check", host), Map.of());
        Timing.Figure jhostsConnect = Timing.time("jhosts connect H -- true (live master)", WARMUPS, RUNS,
                List.of(launcher, "-F", config, "connect", host, "--", "true"), env);
        Timing.Figure sshMux = Timing.time("ssh -S socket H true", WARMUPS, RUNS,
                List.of("ssh", "-F", config, "-S", socket.toString(), host, "true"), Map.of());
        Timing.Figure sshCold = Timing.time("ssh H true (cold, no master)", WARMUPS, RUNS,
                List.of("ssh", "-F", config, "-o", "ControlMaster=no", "-o", "ControlPath=none", host, "true"), Map.of());

        System.out.println("figures (" + RUNS + " runs after " + WARMUPS + " warm-ups, wall time per command):");
        for (Timing.Figure figure : List.of(hello, version, jhostsCheck, sshCheck, jhostsConnect, sshMux, sshCold)) {
            System.out.println("  " + figure.line());
        }
        System.out.println("ratios (median against median):");
        System.out.println("  " + jhostsCheck.ratioTo(sshCheck));
        System.out.println("  " + jhostsCheck.ratioTo(hello));
        System.out.println("  " + jhostsConnect.ratioTo(sshMux));
        System.out.println("  " + jhostsConnect.ratioTo(sshCold));
        System.out.println("  " + version.ratioTo(hello));
    }

    private static Path socket(SshdFixture sshd) {
        Processes.Result list = sshd.jhosts(Duration.ofSeconds(60), "master", "list", "--json");
        Matcher socket = Pattern.compile("\"socket\":\"([^\"]+)\"").matcher(list.stdout());
        if (!socket.find()) {
            throw new IllegalStateException("no master listed: " + list.describe());
        }
        return Path.of(socket.group(1));
    }

    /**
     * The floor of a client JVM: a class that only connects to the Unix socket {@code socket} with
     * the JDK's channel (as jhosts' client does), asks the peer's credentials and prints
     * "connected", run as {@link #helloWorld} is, from a jar with a class-data archive of its own
     * made by a first run (as jhosts has one). What a thin client in Java pays before it says a word.
     */
    static List<String> connectFloor(Path socket) throws Exception {
        Path dir = Files.createTempDirectory("jhosts-floor");
        Path source = dir.resolve("Floor.java");
        Files.writeString(source, "import java.net.*; import java.nio.channels.*; import java.nio.file.*;\n"
                + "public class Floor { public static void main(String[] a) throws Exception {\n"
                + "  try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {\n"
                + "    c.connect(UnixDomainSocketAddress.of(Path.of(a[0])));\n"
                + "    c.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED); }\n"
                + "  System.out.println(\"connected\"); } }\n");
        String javaHome = System.getProperty("java.home");
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Path jar = dir.resolve("floor.jar");
        for (List<String> step : List.of(
                List.of("javac", "-d", classes.toString(), source.toString()),
                List.of(Path.of(javaHome, "bin", "jar").toString(), "cf", jar.toString(), "-C", classes.toString(), "."))) {
            Processes.Result made = Processes.run(step, Map.of(), Duration.ofSeconds(60));
            if (made.exitCode() != 0) {
                throw new IllegalStateException(made.describe());
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString()));
        command.addAll(List.of(Files.readString(SshdFixture.launcher().resolveSibling("jvm.options")).trim().split("\\s+")));
        Path archive = dir.resolve("floor.jsa");
        List<String> training = new ArrayList<>(command);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", jar.toString(), "Floor", socket.toString()));
        Processes.Result trained = Processes.run(training, Map.of(), Duration.ofSeconds(60));
        if (trained.exitCode() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("the floor's archive: " + trained.describe());
        }
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-cp", jar.toString(), "Floor",
                socket.toString()));
        return command;
    }

    /**
     * A hello-world class compiled into a temp dir and run as the launcher runs jhosts: the same
     * JVM, the options of {@code jvm.options} beside the launcher (and the JDK's own class-data
     * archive, where jhosts has its own).
     */
    static List<String> helloWorld() throws Exception {
        Path dir = Files.createTempDirectory("jhosts-hello");
        Path source = dir.resolve("Hello.java");
        Files.writeString(source, "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        Processes.Result javac = Processes.run(List.of("javac", "-d", dir.toString(), source.toString()), Map.of(),
                Duration.ofSeconds(60));
        if (javac.exitCode() != 0) {
            throw new IllegalStateException(javac.describe());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path options = SshdFixture.launcher().resolveSibling("jvm.options");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(Files.readString(options).trim().split("\\s+")));
        command.addAll(List.of("-cp", dir.toString(), "Hello"));
        return command;
    }
}

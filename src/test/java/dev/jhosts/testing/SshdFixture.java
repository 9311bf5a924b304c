package dev.jhosts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH server on 127.0.0.1, one per test class:
 * {@code @RegisterExtension static final SshdFixture SSHD = new SshdFixture();}.
 *
 * <p>Keys are generated into a temporary directory; sshd runs with {@code -D -e -f} and its own
 * config. {@link #sshConfig()} is an ssh client config for it (use it with {@code -F}); tests
 * never touch {@code ~/.ssh}. {@link #jhostsEnv()} points jhosts' XDG directories into the same
 * temporary directory. Without {@code /usr/sbin/sshd} the class is skipped (failed on CI).
 */
public final class SshdFixture implements BeforeAllCallback, AfterAllCallback {
    /** The alias the generated ssh config defines for this server. */
    public static final String HOST = "testhost";

    private final String logLevel;
    private final List<String> extraHostKeyTypes;
    private Path dir;
    private int port;
    private final int extraPortCount;
    private final List<Integer> extraPorts = new ArrayList<>();
    private Process sshd;
    private Path sshConfig;
    private Path clientKey;
    private Path knownHosts;
    private String extraConfig = "";

    /** An sshd logging at VERBOSE with one ed25519 host key. */
    public SshdFixture() {
        this("VERBOSE", 0);
    }

    /** A server that also listens on {@code extraPorts} more ports (distinct destinations, so distinct masters). */
    public SshdFixture(int extraPorts) {
        this("VERBOSE", extraPorts);
    }

    /**
     * An sshd logging at {@code logLevel} (sshd_config LogLevel: DEBUG1 shows every
     * userauth-request) with an ed25519 host key and one more of each {@code extraHostKeyTypes}
     * (ssh-keygen -t: ecdsa, rsa).
     */
    public SshdFixture(String logLevel, String... extraHostKeyTypes) {
        this(logLevel, 0, extraHostKeyTypes);
    }

    private SshdFixture(String logLevel, int extraPorts, String... extraHostKeyTypes) {
        this.logLevel = logLevel;
        this.extraHostKeyTypes = List.of(extraHostKeyTypes);
        this.extraPortCount = extraPorts;
    }

    /**
     * Adds {@code lines} at the end of sshd_config (after every global keyword, so Match blocks
     * fit); call before the server starts.
     */
    public SshdFixture withConfig(String lines) {
        extraConfig = extraConfig + lines + "\n";
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts sshd; for use outside JUnit's extension model (benchmarks). */
    public SshdFixture start() throws IOException, InterruptedException {
        Path sshdBinary = Requirements.requireExecutable("/usr/sbin/sshd", "openssh-server");
        Requirements.requireCommand("ssh-keygen", "openssh-client");
        // A short base keeps ControlPaths inside OpenSSH's 90-byte limit.
        dir = Files.createTempDirectory(Path.of("/tmp"), "jh");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path hostKey = dir.resolve("host_ed25519");
        clientKey = dir.resolve("id_ed25519");
        keygen(hostKey, "ed25519");
        keygen(clientKey, "ed25519");
        StringBuilder extraHostKeys = new StringBuilder();
        for (String type : extraHostKeyTypes) {
            keygen(hostKey(type), type);
            extraHostKeys.append("HostKey ").append(hostKey(type)).append('\n');
        }
        Path authorizedKeys = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorizedKeys);
        port = freePort();
        extraPorts.clear();
        while (extraPorts.size() < extraPortCount) {
            int extra = freePort();
            if (extra != port && !extraPorts.contains(extra)) {
                extraPorts.add(extra);
            }
        }
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + Files.readString(Path.of(hostKey + ".pub")));
        ensurePrivilegeSeparationDirectory();

        Path sshdConfig = dir.resolve("sshd_config");
        Files.writeString(sshdConfig, String.join("\n",
                "Port " + port,
                extraPorts.stream().map(extra -> "Port " + extra).collect(java.util.stream.Collectors.joining("\n")),
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                extraHostKeys.toString().strip(),
                "PidFile none",
                "AuthorizedKeysFile " + authorizedKeys,
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding yes",
                "AllowStreamLocalForwarding yes",
                "GatewayPorts no",
                "PermitTTY yes",
                "MaxSessions 100",
                "MaxStartups 100:30:200",
                "AcceptEnv LANG LC_* JHOSTS_TEST_*",
                "Subsystem sftp internal-sftp",
                "LogLevel " + logLevel,
                extraConfig));
        ProcessBuilder builder = new ProcessBuilder(sshdBinary.toString(), "-D", "-e", "-f", sshdConfig.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile());
        sshd = builder.start();
        waitUntilListening(Duration.ofSeconds(15));

        sshConfig = writeSshConfig("ssh_config", "");
        return this;
    }

    /** Stops sshd and removes the temporary directory. */
    public void stop() {
        if (sshd != null) {
            sshd.destroy();
            try {
                if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
                    sshd.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) {
            killMastersUnder(dir);
            deleteTree(dir);
        }
    }

    public Path dir() {
        return dir;
    }

    public int port() {
        return port;
    }

    public int extraPortCount() {
        return extraPortCount;
    }

    /** The {@code index}th extra port (see {@link #SshdFixture(int)}). */
    public int extraPort(int index) {
        return extraPorts.get(index);
    }

    /** The client config defining {@link #HOST}, for {@code -F}. */
    public Path sshConfig() {
        return sshConfig;
    }

    public Path clientKey() {
        return clientKey;
    }

    /** The server's AuthorizedKeysFile (read at each authentication: tests may add key options). */
    public Path authorizedKeys() {
        return dir.resolve("authorized_keys");
    }

    /** The options every client block for this server needs (indented, one per line). */
    public String hostOptions() {
        return String.join("\n",
                "  HostName 127.0.0.1",
                "  Port " + port,
                "  User " + System.getProperty("user.name"),
                "  IdentityFile " + clientKey,
                "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + knownHosts,
                "  GlobalKnownHostsFile /dev/null",
                "  StrictHostKeyChecking yes",
                "  BatchMode yes",
                "") ;
    }

    /**
     * Writes another client config into the fixture's directory: {@code Host testhost} with
     * this server's options, then {@code extra} verbatim.
     */
    public Path writeSshConfig(String name, String extra) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, "Host " + HOST + "\n" + hostOptions() + "\n" + extra);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ssh -F <config>} followed by {@code args}. */
    public List<String> ssh(String... args) {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", sshConfig.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * XDG directories for a jhosts process under the fixture's directory, created: the control
     * sockets land in {@code <dir>/run/jhosts}.
     */
    public Map<String, String> jhostsEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_RUNTIME_DIR", mkdir("run").toString());
        env.put("XDG_CONFIG_HOME", mkdir("config").toString());
        env.put("XDG_STATE_HOME", mkdir("state").toString());
        return env;
    }

    /** The path of the jhosts launcher built by Maven (target/jhosts). */
    public static Path launcher() {
        Path launcher = Path.of(System.getProperty("jhosts.launcher", "target/jhosts"));
        if (!Files.isExecutable(launcher)) {
            throw new AssertionError("no launcher at " + launcher + ": run the tests through Maven");
        }
        return launcher;
    }

    /** Runs {@code target/jhosts -F <sshConfig> args...} with {@link #jhostsEnv()}. */
    public Processes.Result jhosts(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        if (!command.contains("-F")) {
            command.add(1, "-F");
            command.add(2, sshConfig.toString());
        }
        return Processes.run(command, jhostsEnv(), limit);
    }

    private Path mkdir(String name) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private host key of {@code type} (ed25519, or one of the extra types); its public half ends in .pub. */
    public Path hostKey(String type) {
        return dir.resolve("host_" + type);
    }

    /** sshd's log (stdout and stderr, at the fixture's LogLevel). */
    public Path log() {
        return dir.resolve("sshd.log");
    }

    private static void keygen(Path key, String type) {
        Processes.Result result = Processes.run(
                List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "jhosts-test", "-f", key.toString()),
                Map.of(), Duration.ofSeconds(20));
        if (result.exitCode() != 0) {
            throw new AssertionError("ssh-keygen failed: " + result.describe());
        }
    }

    /** sshd started as root refuses to run without /run/sshd. */
    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        Path privsep = Path.of("/run/sshd");
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
            Files.setPosixFilePermissions(privsep, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private void waitUntilListening(Duration limit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                throw new AssertionError("sshd exited with " + sshd.exitValue() + ":\n"
                        + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("sshd did not listen on port " + port + " within " + limit);
    }

    /** Masters started by tests outlive them (ControlPersist): end those whose socket is ours. */
    /**
     * Kills the ssh processes (masters, and launches still connecting) that use this fixture's
     * files. A launch that was connecting forks into the background once it is done, under a new
     * pid, so this looks again until two passes in a row find none (at most 3 s).
     */
    private static void killMastersUnder(Path dir) {
        String marker = dir.toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int quietPasses = 0;
        while (quietPasses < 2 && System.nanoTime() < deadline) {
            List<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
                    .filter(p -> rawCommandLine(p).contains(marker))
                    .toList();
            found.forEach(ProcessHandle::destroyForcibly);
            quietPasses = found.isEmpty() ? quietPasses + 1 : 0;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The process' arguments as the kernel has them: a master rewrites its argv[0] to "ssh:
     * SOCKET [mux]", which {@code ProcessHandle.Info.commandLine()} leaves out.
     */
    private static String rawCommandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return process.info().commandLine().orElse("");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a socket still bound by a dying master; /tmp is cleaned eventually
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}

package dev.jhosts.cli;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.FakeMuxMaster;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A control socket is trusted only when its listener is this user's (or root's), and a pid is
 * signalled only when it is proved to be that master.
 */
class ControlSocketTrustTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** A listener run as nobody records, per connection, the bytes and file descriptors it received. */
    private static final String FOREIGN_LISTENER = String.join("\n",
            "import os, socket, sys",
            "path, log = sys.argv[1], sys.argv[2]",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
            "s.bind(path); os.chmod(path, 0o777); s.listen(8)",
            "open(log + '.ready', 'w').close()",
            "while True:",
            "    c, _ = s.accept(); c.settimeout(3); total = 0; fds = 0",
            "    try:",
            // a client that refuses us may have closed already: EPIPE here must not end the listener
            "        c.sendall(bytes.fromhex('000000080000000100000004'))",
            "        while True:",
            "            msg, anc, flags, addr = c.recvmsg(65536, socket.CMSG_SPACE(64))",
            "            fds += sum(len(data) // 4 for level, kind, data in anc if kind == socket.SCM_RIGHTS)",
            "            if not msg: break",
            "            total += len(msg)",
            "    except OSError: pass",
            "    with open(log, 'a') as f: f.write('%d %d\\n' % (total, fds))",
            "    c.close()",
            "");

    @Test
    void aSocketPlantedByAnotherUserIsRefusedAndSentNothing() throws Exception {
        Requirements.requireRoot("running a listener as nobody");
        Path python = Requirements.requireExecutable("/usr/bin/python3", "python3");
        Path setpriv = Requirements.requireCommand("setpriv", "util-linux");
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "jhshared");
        Process listener = null;
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor(5, TimeUnit.SECONDS);
            Path config = SSHD.writeSshConfig("shared_config", "  ControlPath " + shared + "/cm-%r@%h:%p\n");
            Path socket = shared.resolve("cm-" + System.getProperty("user.name") + "@127.0.0.1:" + SSHD.port());
            Path script = shared.resolve("listener.py");
            Files.writeString(script, FOREIGN_LISTENER);
            Path log = shared.resolve("received");
            listener = new ProcessBuilder(setpriv.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                    python.toString(), script.toString(), socket.toString(), log.toString())
                    .redirectErrorStream(true).redirectOutput(shared.resolve("listener.out").toFile()).start();
            awaitFile(Path.of(log + ".ready"));

            Processes.Result check = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "check", HOST);
            assertThat(check.exitCode()).as(check.describe()).isEqualTo(1);
            assertThat(check.stderr()).contains("served by uid 65534").hasLineCount(1);

            Processes.Result connect = SSHD.jhosts(LIMIT, "-F", config.toString(), "connect", HOST, "--", "echo", "=reached=");
            assertThat(connect.exitCode()).as(connect.describe()).isNotZero();
            assertThat(connect.stdout()).doesNotContain("=reached=");
            assertThat(connect.stderr()).contains("served by uid 65534");

            pickerRefuses(config, shared);

            // doctor names the socket, whose it is and what to do, instead of "All is well"
            Processes.Result doctor = SSHD.jhosts(LIMIT, "-F", config.toString(), "doctor");
            assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
            assertThat(doctor.stdout()).as(doctor.describe())
                    .contains("problem  sockets: the socket at " + socket + " (" + HOST + ") belongs to another user "
                            + "(served by uid 65534)")
                    .contains("fix: remove it as its owner or root (rm " + socket + ")")
                    .doesNotContain("All is well");

            awaitLines(log, 3);
            assertThat(Files.readAllLines(log)).as("bytes and fds the foreign listener got").allMatch(line -> line.equals("0 0"));
        } finally {
            if (listener != null) {
                listener.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            try (var files = Files.list(shared)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(shared);
        }
    }

    private static void pickerRefuses(Path config, Path dir) {
        Map<String, String> env = new HashMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        String command = SshdFixture.launcher().toAbsolutePath() + " -F " + config + "; exec sleep 600";
        try (Tmux tmux = Tmux.start(200, 30, env, command)) {
            tmux.waitFor("1 shown");
            tmux.keys("Enter");
            tmux.waitFor("served by uid 65534");
            tmux.keys("Escape");
        }
    }

    @Test
    void killRefusesAPidThatIsNotTheMasterOfTheSocket() throws Exception {
        Path agentSocket = SSHD.dir().resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", agentSocket.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path fakeSocket = SSHD.dir().resolve("fake.sock");
        Path config = SSHD.writeSshConfig("fake_config", "  ControlPath " + fakeSocket + "\n");
        try (FakeMuxMaster fake = FakeMuxMaster.listen(fakeSocket, agent.pid())) {
            Processes.Result check = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "check", HOST);
            assertThat(check.stdout().strip()).as("the liar's claim").isEqualTo(Long.toString(agent.pid()));

            Processes.Result kill = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "kill", HOST);

            assertThat(kill.exitCode()).as(kill.describe()).isNotZero();
            assertThat(kill.stderr()).contains("not killing it").hasLineCount(1);
            assertThat(agent.isAlive()).as("ssh-agent survives").isTrue();
        } finally {
            agent.destroy();
        }

        // A real ssh master, but not the one of this socket, is not signalled either.
        Processes.Result start = SSHD.jhosts(LIMIT, "master", "start", HOST);
        assertThat(start.exitCode()).as(start.describe()).isZero();
        long realMaster = Long.parseLong(SSHD.jhosts(LIMIT, "master", "check", HOST).stdout().strip());
        Files.deleteIfExists(fakeSocket);
        try (FakeMuxMaster fake = FakeMuxMaster.listen(fakeSocket, realMaster)) {
            Processes.Result kill = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "kill", HOST);
            assertThat(kill.exitCode()).as(kill.describe()).isNotZero();
            assertThat(kill.stderr()).contains("does not hold the listening socket");
            assertThat(ProcessHandle.of(realMaster).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            SSHD.jhosts(LIMIT, "master", "exit", HOST);
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }

    private static void awaitLines(Path file, int count) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while ((!Files.exists(file) || Files.readAllLines(file).size() < count) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readAllLines(file)).hasSizeGreaterThanOrEqualTo(count);
    }

}

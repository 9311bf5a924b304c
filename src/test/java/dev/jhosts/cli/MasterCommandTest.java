package dev.jhosts.cli;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code jhosts master …} end to end: the built launcher against a real sshd. */
class MasterCommandTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterEach
    void killMasters() {
        SSHD.jhosts(LIMIT, "master", "kill", HOST);
    }

    private static Processes.Result jhosts(String... args) {
        return SSHD.jhosts(LIMIT, args);
    }

    private static long startMaster() {
        Processes.Result start = jhosts("master", "start", HOST);
        assertThat(start.exitCode()).as(start.describe()).isZero();
        return checkedPid();
    }

    private static long checkedPid() {
        Processes.Result check = jhosts("master", "check", HOST);
        assertThat(check.exitCode()).as(check.describe()).isZero();
        return Long.parseLong(check.stdout().strip());
    }

    private static Path socket() {
        Processes.Result list = jhosts("master", "list", "--json");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        Matcher socket = Pattern.compile("\"socket\":\"([^\"]+)\"").matcher(list.stdout());
        assertThat(socket.find()).as(list.describe()).isTrue();
        return Path.of(socket.group(1));
    }

    private static long sshCheckPid(Path socket) {
        Processes.Result check = Processes.run(SSHD.ssh("-S", socket.toString(), "-O", "check", HOST), Map.of(), LIMIT);
        assertThat(check.exitCode()).as(check.describe()).isZero();
        Matcher pid = Pattern.compile("pid=(\\d+)").matcher(check.stderr());
        assertThat(pid.find()).as(check.describe()).isTrue();
        return Long.parseLong(pid.group(1));
    }

    private static void awaitExit(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertThat(System.nanoTime()).as("process %d still alive", pid).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void signal(String signal, long pid) {
        Processes.run(List.of("kill", "-" + signal, Long.toString(pid)), Map.of(), LIMIT);
    }

    @Test
    void startedMasterHasThePidSshReports() {
        long pid = startMaster();
        Path socket = socket();
        assertThat(socket.getParent()).isEqualTo(Path.of(SSHD.jhostsEnv().get("XDG_RUNTIME_DIR"), "jhosts"));
        assertThat(sshCheckPid(socket)).isEqualTo(pid);

        Processes.Result list = jhosts("master", "list", "--json");
        assertThat(list.stdout()).contains("\"host\":\"" + HOST + "\"", "\"pid\":" + pid,
                "\"state\":\"live\"", "\"started_by_jhosts\":true");
    }

    @Test
    void controlDirectoryIsPrivate() throws IOException {
        startMaster();
        Path directory = socket().getParent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void aLiveMasterIsReused() {
        long first = startMaster();
        Processes.Result again = jhosts("master", "start", HOST);
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stdout()).contains("pid " + first);
        assertThat(checkedPid()).isEqualTo(first);
    }

    @Test
    void aMasterStartedBySshIsReusedNotReplaced() throws Exception {
        Path socket = SSHD.dir().resolve("own-" + System.nanoTime() % 100000);
        Path config = SSHD.writeSshConfig("own_config", "Host " + HOST + "\n  ControlPath " + socket + "\n");
        Processes.Result ssh = Processes.run(List.of("ssh", "-F", config.toString(), "-M", "-N", "-f",
                "-o", "ControlPersist=60", HOST), Map.of(), LIMIT);
        assertThat(ssh.exitCode()).as(ssh.describe()).isZero();
        long pid = sshCheckPid(socket);
        try {
            Processes.Result start = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "start", HOST);
            assertThat(start.exitCode()).as(start.describe()).isZero();
            assertThat(start.stdout()).contains("pid " + pid);
            Processes.Result list = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "list", "--json");
            assertThat(list.stdout()).contains("\"socket\":\"" + socket + "\"", "\"started_by_jhosts\":false");
        } finally {
            signal("TERM", pid);
        }
    }

    @Test
    void aStaleSocketIsCleanedAndReplaced() throws Exception {
        long first = startMaster();
        Path socket = socket();
        signal("KILL", first);
        awaitExit(first);
        assertThat(socket).exists();
        Processes.Result check = jhosts("master", "check", HOST);
        assertThat(check.exitCode()).as(check.describe()).isEqualTo(1);

        long second = startMaster();
        assertThat(second).isNotEqualTo(first);
        assertThat(sshCheckPid(socket)).isEqualTo(second);
    }

    @Test
    void stopLetsTheRunningSessionFinishThenTheMasterEnds() throws Exception {
        long pid = startMaster();
        Path marker = SSHD.dir().resolve("session-started");
        Files.deleteIfExists(marker);
        Path out = SSHD.dir().resolve("session-out");
        ProcessBuilder builder = new ProcessBuilder(SshdFixture.launcher().toString(), "-F", SSHD.sshConfig().toString(),
                "connect", HOST, "--", "touch " + marker + "; sleep 2; echo finished")
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(SSHD.jhostsEnv());
        Process session = builder.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(marker)) {
                assertThat(System.nanoTime()).as("remote command never started").isLessThan(deadline);
                Thread.sleep(20);
            }
            Processes.Result stop = jhosts("master", "stop", HOST);
            assertThat(stop.exitCode()).as(stop.describe()).isZero();
            assertThat(jhosts("master", "check", HOST).exitCode()).isEqualTo(1);
            assertThat(session.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(session.exitValue()).isZero();
            assertThat(Files.readString(out)).isEqualTo("finished\n");
            awaitExit(pid);
        } finally {
            session.destroyForcibly();
        }
    }

    @Test
    void exitEndsTheMaster() throws Exception {
        long pid = startMaster();
        Processes.Result exit = jhosts("master", "exit", HOST);
        assertThat(exit.exitCode()).as(exit.describe()).isZero();
        awaitExit(pid);
        assertThat(jhosts("master", "check", HOST).exitCode()).isEqualTo(1);
    }

    @Test
    void aFrozenMasterIsUnresponsiveAndCanBeKilled() throws Exception {
        long pid = startMaster();
        Path socket = socket();
        signal("STOP", pid);
        try {
            Processes.Result check = jhosts("master", "check", HOST);
            assertThat(check.exitCode()).as(check.describe()).isEqualTo(3);
            assertThat(check.stderr()).contains("does not answer");

            Processes.Result kill = jhosts("master", "kill", HOST);
            assertThat(kill.exitCode()).as(kill.describe()).isZero();
            assertThat(kill.stdout()).contains("pid " + pid);
            awaitExit(pid);
            assertThat(socket).doesNotExist();
            assertThat(jhosts("master", "check", HOST).exitCode()).isEqualTo(1);
        } finally {
            signal("KILL", pid);
        }
    }

    @Test
    void checkWithoutAMasterExitsOne() {
        Processes.Result check = jhosts("master", "check", HOST);
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.stderr()).contains("no master");
    }

    @Test
    void aTooLongControlPathIsRefusedBeforeConnecting() throws IOException {
        Path sshdLog = SSHD.dir().resolve("sshd.log");
        long logged = Files.size(sshdLog);
        String longDirectory = SSHD.dir().resolve("d".repeat(80)).toString();
        Path config = SSHD.writeSshConfig("long_config", "Host " + HOST + "\n  ControlPath " + longDirectory + "/%C\n");
        Processes.Result start = SSHD.jhosts(LIMIT, "-F", config.toString(), "master", "start", HOST);
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.stderr()).contains("over OpenSSH's limit of 90");
        assertThat(start.stderr().lines().count()).isEqualTo(1);
        assertThat(Files.readString(sshdLog).substring((int) logged)).doesNotContain("Connection from");
    }

    @Test
    void aControlDirectoryOthersCanWriteIsRefused() throws IOException {
        Path open = SSHD.dir().resolve("open");
        Files.createDirectories(open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path settings = SSHD.dir().resolve("open.conf");
        Files.writeString(settings, "control-directory = \"" + open + "\"\n");
        Processes.Result start = jhosts("-c", settings.toString(), "master", "start", HOST);
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.stderr()).contains("can be written by others").contains(open.toString());
    }

    @Test
    void forwardAddedAndCancelled() throws Exception {
        startMaster();
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String spec = "127.0.0.1:" + port + ":127.0.0.1:" + SSHD.port();
        Processes.Result add = jhosts("forward", HOST, "-L", spec);
        assertThat(add.exitCode()).as(add.describe()).isZero();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            byte[] banner = socket.getInputStream().readNBytes(4);
            assertThat(new String(banner, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SSH-");
        }
        Processes.Result cancel = jhosts("forward", HOST, "-L", spec, "--cancel");
        assertThat(cancel.exitCode()).as(cancel.describe()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
                .isInstanceOf(java.net.ConnectException.class);

        Processes.Result remote = jhosts("forward", HOST, "-R", "0:127.0.0.1:" + SSHD.port());
        assertThat(remote.exitCode()).as(remote.describe()).isZero();
        assertThat(Integer.parseInt(remote.stdout().strip())).isPositive();
    }
}

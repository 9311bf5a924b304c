package dev.jhosts.doctor;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code jhosts doctor} against a real sshd: a healthy set-up, and each problem it must find. */
class DoctorTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterAll
    static void exitMaster() {
        SSHD.jhosts(LIMIT, "master", "exit", HOST);
    }

    /** {@code jhosts args...} with the fixture's directories and a terminal the picker is happy with, plus {@code env}. */
    private static Processes.Result jhosts(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(SSHD.jhostsEnv());
        all.put("TERM", "xterm-256color");
        all.put("LC_ALL", "C.UTF-8");
        all.put("NO_COLOR", "");
        all.putAll(env);
        return Processes.run(command, all, LIMIT);
    }

    private static Processes.Result doctor(String... args) {
        List<String> command = new ArrayList<>(List.of("-F", SSHD.sshConfig().toString(), "doctor"));
        command.addAll(List.of(args));
        return jhosts(Map.of(), command.toArray(String[]::new));
    }

    @Test
    void aHealthySetUpIsAllWell() {
        Processes.Result start = jhosts(Map.of(), "-F", SSHD.sshConfig().toString(), "master", "start", HOST);
        assertThat(start.exitCode()).as(start.describe()).isZero();

        Processes.Result doctor = doctor();

        assertThat(doctor.exitCode()).as(doctor.describe()).isZero();
        assertThat(doctor.stdout()).contains("ok       ssh client: ssh is OpenSSH ",
                "ok       control directory: " + SSHD.dir().resolve("run/jhosts") + " (rwx------)",
                "ok       ssh config: " + SSHD.sshConfig() + ": 1 host, no warnings",
                "ok       control paths: 1 host: ControlPaths within 90 bytes",
                "ok       sockets: 1 live master, no stale sockets",
                "ok       terminal: TERM=xterm-256color",
                "ok       terminal: locale LC_ALL=C.UTF-8 (UTF-8)")
                .endsWith("All is well.\n")
                .doesNotContain("\nwarning ", "\nproblem ");
        Processes.Result json = doctor("--json");
        assertThat(json.exitCode()).as(json.describe()).isZero();
        assertThat(json.stdout()).startsWith("{\"ok\":true,\"findings\":[{\"check\":\"ssh client\",\"severity\":\"ok\",")
                .contains("{\"check\":\"sockets\",\"severity\":\"ok\",\"message\":\"1 live master, no stale sockets\",\"fix\":\"\"}");
    }

    @Test
    void aControlDirectoryOthersCanWriteIsAProblemAndIsLeftAsItIs() throws IOException {
        Path open = Files.createDirectories(SSHD.dir().resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path settings = SSHD.dir().resolve("open.conf");
        Files.writeString(settings, "control-directory = \"" + open + "\"\n");

        Processes.Result doctor = jhosts(Map.of(), "-F", SSHD.sshConfig().toString(), "-c", settings.toString(), "doctor");

        assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
        assertThat(doctor.stdout()).contains("problem  control directory: " + open
                + " can be written by others (rwxrwxrwx); jhosts refuses to use it\n         fix: chmod 700 " + open + "\n")
                .endsWith("1 problem: see the fixes above.\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwxrwxrwx");
    }

    @Test
    void aControlPathOverTheSocketLimitIsAProblem() {
        String longDirectory = SSHD.dir().resolve("d".repeat(80)).toString();
        Path config = SSHD.writeSshConfig("long_config", "Host " + HOST + "\n  ControlPath " + longDirectory + "/%C\n");

        Processes.Result doctor = jhosts(Map.of(), "-F", config.toString(), "doctor", "--json");

        assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
        assertThat(doctor.stdout()).startsWith("{\"ok\":false,")
                .contains("{\"check\":\"control paths\",\"severity\":\"problem\",\"message\":\"" + HOST + ": ControlPath "
                        + longDirectory + "/")
                .contains("over OpenSSH's limit of 90")
                .contains("\"fix\":\"use a shorter ControlPath, such as one ending in %C, or a shorter control-directory\"");
    }

    @Test
    void aControlMasterOfTheUsersThatFightsJhostsIsAWarning() {
        Path config = SSHD.writeSshConfig("master_yes_config", "Host *\n  ControlMaster yes\n  ControlPath none\n");

        Processes.Result doctor = jhosts(Map.of(), "-F", config.toString(), "doctor");

        assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
        assertThat(doctor.stdout()).contains("warning  control paths: " + HOST + ": ControlMaster yes in your ssh config",
                "         fix: use ControlMaster auto, which shares the master that is there",
                "warning  ssh config: " + config + ":14: ControlPath none");
    }

    @Test
    void aStaleSocketIsReportedAndNotRemoved() throws IOException {
        Path controlDirectory = SSHD.dir().resolve("run/jhosts");
        Files.createDirectories(controlDirectory);
        Files.setPosixFilePermissions(controlDirectory, PosixFilePermissions.fromString("rwx------"));
        Path stale = controlDirectory.resolve("0123456789abcdef0123456789abcdef01234567");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(stale));
        }
        try {
            Processes.Result doctor = doctor();
            assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
            assertThat(doctor.stdout()).contains("warning  sockets: stale socket " + stale + ": no master is behind it\n"
                    + "         fix: jhosts removes it before it starts a master there; or rm " + stale + "\n");
            assertThat(stale).exists();
        } finally {
            Files.deleteIfExists(stale);
        }
    }

    @Test
    void theTerminalAsThePickerSeesIt() {
        Processes.Result doctor = jhosts(Map.of("TERM", "dumb", "LC_ALL", "", "LC_CTYPE", "", "LANG", "C"),
                "-F", SSHD.sshConfig().toString(), "doctor");
        assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
        assertThat(doctor.stdout()).contains("warning  terminal: TERM=dumb",
                "warning  terminal: locale LANG=C is not UTF-8", "         fix: export LANG=C.UTF-8");
    }
}

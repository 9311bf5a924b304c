package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jhosts cp} against a server that allows only SFTP ({@code ForceCommand internal-sftp}),
 * chrooted as hosting providers do it. sshd accepts a ChrootDirectory only when every component
 * of its path is root's and writable by no one else, and only when it runs as root: as another
 * user the server is SFTP-only without the chroot, and the chrooted test is skipped with a line
 * saying so.
 */
class CpSftpOnlyTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    /** Under /run: root's, 0755 (/tmp is writable by all, which sshd refuses for a chroot). */
    private static final Path CHROOT = Path.of("/run", "jhosts-sftp-" + ProcessHandle.current().pid());
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture().withConfig(String.join("\n",
            "Match User " + System.getProperty("user.name"),
            "  ForceCommand internal-sftp",
            ROOT ? "  ChrootDirectory " + CHROOT : "",
            "  AllowTcpForwarding no"));

    @BeforeAll
    static void makeTheChroot() throws IOException {
        if (!ROOT) {
            System.err.println("CpSftpOnlyTest: not root: the server is SFTP-only without a chroot "
                    + "(sshd chroots only when it runs as root)");
            return;
        }
        Files.createDirectories(CHROOT, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(CHROOT.resolve("upload"));
    }

    @AfterAll
    static void removeTheChroot() throws IOException {
        jhosts("master", "exit", SshdFixture.HOST);
        if (ROOT && Files.exists(CHROOT)) {
            try (Stream<Path> paths = Files.walk(CHROOT)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static Processes.Result jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F",
                SSHD.sshConfig().toString()));
        command.addAll(List.of(args));
        return Processes.run(command, SSHD.jhostsEnv(), LIMIT);
    }

    @Test
    void theServerRunsNoShell() {
        Processes.Result shell = jhosts("connect", SshdFixture.HOST, "--", "echo", "shell-ran");
        assertThat(shell.stdout()).doesNotContain("shell-ran");
    }

    @Test
    void aTreeUpAndDownThroughTheChroot() throws IOException {
        Assumptions.assumeTrue(ROOT, "skipped: a chroot needs sshd running as root");
        Path here = SSHD.dir().resolve("chroot-here");
        Files.createDirectories(here.resolve("site/css"));
        Files.createDirectories(here.resolve("site/empty"));
        byte[] content = new byte[2_000_000];
        new Random(11).nextBytes(content);
        Files.write(here.resolve("site/index.bin"), content);
        Files.writeString(here.resolve("site/css/main.css"), "body {}\n");

        // relative: from the login directory, which is the chroot's top here (the home is outside it)
        Processes.Result up = jhosts("cp", "-r", here.resolve("site").toString(), SshdFixture.HOST + ":upload");
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(CpCommandTest.listing(CHROOT.resolve("upload/site"))).isEqualTo(CpCommandTest.listing(here.resolve("site")));

        Processes.Result down = jhosts("cp", "-r", SshdFixture.HOST + ":/upload/site", here.resolve("back").toString());
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(CpCommandTest.listing(here.resolve("back"))).isEqualTo(CpCommandTest.listing(here.resolve("site")));

        // nothing outside the chroot can be named
        Processes.Result outside = jhosts("cp", SshdFixture.HOST + ":" + here.resolve("site/index.bin"),
                here.resolve("escaped.bin").toString());
        assertThat(outside.exitCode()).isEqualTo(1);
        assertThat(outside.stderr()).contains("no such file or directory");
    }

    @Test
    void aFileUpAndDownWithoutAChroot() throws IOException {
        Path here = SSHD.dir().resolve("plain-here");
        Files.createDirectories(here);
        Files.writeString(here.resolve("note.txt"), "sftp only\n");
        Path target = ROOT ? CHROOT.resolve("upload") : Files.createDirectories(SSHD.dir().resolve("plain-there"));
        String remote = ROOT ? "/upload" : target.toString();
        Processes.Result up = jhosts("cp", here.resolve("note.txt").toString(), SshdFixture.HOST + ":" + remote);
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(target.resolve("note.txt")).hasContent("sftp only");
        Processes.Result down = jhosts("cp", SshdFixture.HOST + ":" + remote + "/note.txt", here.resolve("again.txt").toString());
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(here.resolve("again.txt")).hasContent("sftp only");
    }
}

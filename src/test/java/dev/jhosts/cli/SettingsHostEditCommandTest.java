package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhosts host edit|rm} on one of jhosts' own hosts, through the built {@code target/jhosts}:
 * the entry of the {@code hosts} setting changes in the settings file (a symbolic link into a
 * dotfiles folder, CRLF lines, tabs, comments) by the lines it is about; a value the settings
 * loader refuses, a substitution and an ssh option the entry cannot hold leave the file byte for
 * byte as it was, with one line and exit 2.
 */
class SettingsHostEditCommandTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String SETTINGS = String.join("\r\n",
            "# jhosts settings, kept in my dotfiles",
            "control-persist = 10m",
            "",
            "hosts = [",
            "  # the lab box",
            "  {",
            "    name = \"box\"",
            "\thostname = \"10.1.1.1\"   # rack 2",
            "    port = 22",
            "  }",
            "  # the web front",
            "  { alias = web, hostname = web.example.com, tags = [prod, web] }",
            "  { alias = alpha, group = \"ssh config's\" }",
            "]",
            "");

    @TempDir
    Path dir;

    private Path settings;
    private Path target;

    @BeforeEach
    void writeFiles() throws Exception {
        Files.writeString(dir.resolve("ssh_config"), "Host alpha\n\tHostName alpha.example.com\n");
        Files.createDirectories(dir.resolve("dotfiles"));
        target = dir.resolve("dotfiles/jhosts.conf");
        Files.writeString(target, SETTINGS);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        settings = dir.resolve("xdg-config/jhosts/jhosts.conf");
        Files.createDirectories(settings.getParent());
        Files.createSymbolicLink(settings, target);
    }

    private Processes.Result jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F",
                dir.resolve("ssh_config").toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_RUNTIME_DIR", dir.toString()));
        return Processes.run(command, env, LIMIT);
    }

    private List<Path> backups() throws Exception {
        return HostEditCommandTest.backupsIn(dir);
    }

    @Test
    void anEditChangesTheEntrysLinesThroughTheLinkKeepingModeCrlfTabsAndComments() throws Exception {
        Processes.Result result = jhosts("host", "edit", "box", "--port", "2222", "--user", "deploy");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(Files.readString(target)).isEqualTo(SETTINGS.replace("    port = 22\r\n",
                "    port = 2222\r\n    user = \"deploy\"\r\n"));
        assertThat(Files.isSymbolicLink(settings)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-r-----");
        List<Path> backups = backups();
        assertThat(backups).hasSize(1);
        assertThat(Files.readString(backups.get(0))).isEqualTo(SETTINGS);
        assertThat(result.stdout()).contains(settings + ": set User deploy, Port 2222 in the entry of box")
                .contains(backups.get(0).toString());
        Processes.Result list = jhosts("list");
        assertThat(list.stdout()).containsPattern("box +10\\.1\\.1\\.1 +deploy +2222");

        Processes.Result inline = jhosts("host", "edit", "web", "--hostname", "www.example.com", "--tag", "prod",
                "--description", "the front");
        assertThat(inline.exitCode()).as(inline.describe()).isZero();
        assertThat(Files.readString(target)).isEqualTo(SETTINGS.replace("    port = 22\r\n",
                "    port = 2222\r\n    user = \"deploy\"\r\n").replace(
                        "{ alias = web, hostname = web.example.com, tags = [prod, web] }",
                        "{ alias = web, hostname = www.example.com, tags = [prod], description = \"the front\" }"));
        assertThat(jhosts("list").stdout()).containsPattern("web +www\\.example\\.com");
    }

    @Test
    void removingAnEntryTakesItAndItsOwnCommentOnly() throws Exception {
        Processes.Result result = jhosts("host", "rm", "box");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(Files.readString(target)).isEqualTo(SETTINGS.replace(
                "  # the lab box\r\n  {\r\n    name = \"box\"\r\n\thostname = \"10.1.1.1\"   # rack 2\r\n    port = 22\r\n"
                        + "  }\r\n", ""));
        assertThat(jhosts("list").stdout()).doesNotContain("box").contains("web");
        assertThat(backups()).hasSize(1);
    }

    @Test
    void whatTheSettingsCannotHoldIsOneLineExitTwoAndTheFileByteIdentical() throws Exception {
        byte[] before = Files.readAllBytes(target);

        Processes.Result badPort = jhosts("host", "edit", "box", "--port", "99999");
        assertThat(badPort.exitCode()).as(badPort.describe()).isEqualTo(2);
        assertThat(badPort.stderr()).isEqualTo("jhosts: the changed settings would not load, nothing written: " + settings
                + ":9: hosts: port must be a number from 1 to 65535, got 99999\n");

        Processes.Result option = jhosts("host", "edit", "box", "--proxyjump", "alpha");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.stderr()).contains(settings + ":6: box is one of jhosts' own hosts")
                .contains("ProxyJump has no place there");

        Processes.Result noHostname = jhosts("host", "edit", "box", "--hostname", "");
        assertThat(noHostname.exitCode()).isEqualTo(2);
        assertThat(noHostname.stderr()).contains("jhosts host rm box");

        Processes.Result intoSettings = jhosts("host", "add", "newbox", "--hostname", "h", "--file", settings.toString());
        assertThat(intoSettings.exitCode()).isEqualTo(2);
        assertThat(intoSettings.stderr()).contains("is jhosts' settings file: host add writes an ssh config Host block");

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void anEntryWithASubstitutionIsRefusedNamingItsLine() throws Exception {
        String text = "ssh-binary = ssh\nhosts = [\n  { alias = box, hostname = h,\n    description = ${ssh-binary} }\n]\n";
        Files.writeString(target, text);

        Processes.Result result = jhosts("host", "edit", "box", "--port", "2");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("jhosts: " + settings + ":4: the entry of box uses a substitution (${...}); "
                + "jhosts does not edit what it cannot read as written: edit it by hand\n");
        assertThat(Files.readString(target)).isEqualTo(text);
    }

    @Test
    void anEntryOfAnIncludedSettingsFileIsRefusedNamingIt() throws Exception {
        Path more = settings.resolveSibling("more.conf");
        Files.writeString(more, "hosts = [ { alias = far, hostname = far.example.com } ]\n");
        Files.writeString(target, "include \"more.conf\"\n");

        Processes.Result result = jhosts("host", "edit", "far", "--port", "2");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains(more + ":1: the entry of far is in a file the settings include");
        assertThat(Files.readString(more)).isEqualTo("hosts = [ { alias = far, hostname = far.example.com } ]\n");
    }
}

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhosts host add|edit|rm} on real files, checked with the real {@code ssh -G}: a main
 * config (CRLF lines, tabs, comments) reached through a symbolic link, which Includes a folder
 * of files (spaces, LF). Each change differs from the file before by the lines it is about.
 */
class HostEditCommandTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path link;
    private Path main;
    private Path work;
    private Path lab;

    @BeforeEach
    void writeConfig() throws Exception {
        Files.createDirectories(dir.resolve("dotfiles"));
        Files.createDirectories(dir.resolve("config.d"));
        main = dir.resolve("dotfiles/ssh_config");
        Files.writeString(main, String.join("\r\n",
                "# my hosts",
                "Include " + dir.resolve("config.d") + "/*",
                "",
                "# the database pair",
                "Host beta gamma",
                "\tPort 2200",
                "",
                "Host alpha",
                "\tHostName alpha.example.com",
                "\tUser bob",
                "",
                "Host *",
                "\tServerAliveInterval 30",
                ""));
        Files.setPosixFilePermissions(main, PosixFilePermissions.fromString("rw-r-----"));
        link = dir.resolve("config");
        Files.createSymbolicLink(link, Path.of("dotfiles/ssh_config"));
        work = dir.resolve("config.d/work");
        Files.writeString(work, String.join("\n",
                "Host work1",
                "    HostName w1.example.com   # rack 4",
                "    Port 22",
                "",
                "# work2: the build box",
                "Host work2",
                "    HostName w2.example.com",
                "",
                "# work3: the wiki",
                "Host work3",
                "    HostName w3.example.com",
                ""));
        lab = dir.resolve("config.d/lab");
        Files.writeString(lab, "Host lab1\n\tHostName 10.0.0.1\n");
    }

    private Processes.Result jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", link.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_RUNTIME_DIR", dir.toString()));
        return Processes.run(command, env, LIMIT);
    }

    /** What ssh -G says of {@code alias} with the config as it is now: keyword (lower case) to its first value. */
    private Map<String, String> sshG(String alias) {
        Processes.Result result = Processes.run(List.of("ssh", "-F", link.toString(), "-G", alias), Map.of(), LIMIT);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Map<String, String> values = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.putIfAbsent(line.substring(0, space), line.substring(space + 1));
            }
        }
        return values;
    }

    /** The lines of {@code before} and {@code after} that differ, position by position (same line count). */
    static List<String> changedLines(String before, String after) {
        List<String> was = Arrays.asList(before.split("\n", -1));
        List<String> now = Arrays.asList(after.split("\n", -1));
        assertThat(now).hasSameSizeAs(was);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(now.get(i))) {
                changed.add(was.get(i) + " -> " + now.get(i));
            }
        }
        return changed;
    }

    private List<Path> backups() throws Exception {
        return backupsIn(dir);
    }

    /** The previous versions kept under {@code dir}'s state directory (XDG_STATE_HOME=dir/state). */
    static List<Path> backupsIn(Path dir) throws Exception {
        Path backups = dir.resolve("state/jhosts/backups");
        if (!Files.exists(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(backups)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void anEditInAnIncludedFileChangesItsOneLineAndKeepsTheOldVersionOutsideTheIncludes() throws Exception {
        String before = Files.readString(work);
        String mainBefore = Files.readString(main);

        Processes.Result result = jhosts("host", "edit", "work1", "--port", "2222");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(changedLines(before, Files.readString(work))).containsExactly("    Port 22 ->     Port 2222");
        assertThat(Files.readString(main)).isEqualTo(mainBefore);
        assertThat(sshG("work1")).containsEntry("port", "2222").containsEntry("hostname", "w1.example.com");
        List<Path> backups = backups();
        assertThat(backups).hasSize(1);
        assertThat(Files.readString(backups.get(0))).isEqualTo(before);
        assertThat(backups.get(0).toString()).contains(work.toString());
        assertThat(result.stdout()).contains(work.toString()).contains(backups.get(0).toString());

        // A value the block lacks is one new line after its last option, with the block's indentation.
        Processes.Result user = jhosts("host", "edit", "work1", "--user", "deploy");
        assertThat(user.exitCode()).as(user.describe()).isZero();
        assertThat(Files.readString(work)).startsWith("Host work1\n    HostName w1.example.com   # rack 4\n"
                + "    Port 2222\n    User deploy\n\n# work2");
        assertThat(sshG("work1")).containsEntry("user", "deploy");
        // The trailing comment stays when the value of its line changes.
        assertThat(jhosts("host", "edit", "work1", "--hostname", "w1b.example.com").exitCode()).isZero();
        assertThat(Files.readString(work)).contains("    HostName w1b.example.com   # rack 4\n");
        assertThat(sshG("work1")).containsEntry("hostname", "w1b.example.com");
    }

    @Test
    void anEditThroughTheSymbolicLinkWritesItsTargetKeepingLinkModeTabsAndCrlf() throws Exception {
        String before = Files.readString(main);

        Processes.Result result = jhosts("host", "edit", "alpha", "--user", "alice");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("dotfiles/ssh_config"));
        String after = Files.readString(main);
        assertThat(changedLines(before, after)).containsExactly("\tUser bob\r -> \tUser alice\r");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(main, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-r-----");
        assertThat(sshG("alpha")).containsEntry("user", "alice");

        // A new line in a CRLF block ends with CRLF and is indented with a tab, as the block is.
        assertThat(jhosts("host", "edit", "alpha", "--port", "2022").exitCode()).isZero();
        assertThat(Files.readString(main)).contains("\tUser alice\r\n\tPort 2022\r\n\r\nHost *");
        assertThat(sshG("alpha")).containsEntry("port", "2022");
        try (Stream<Path> files = Files.list(dir.resolve("dotfiles"))) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).containsExactly("ssh_config");
        }
    }

    @Test
    void aNewHostGoesBeforeTheClosingHostStarOrIntoTheNamedFile() throws Exception {
        Processes.Result added = jhosts("host", "add", "delta", "--hostname", "d.example.com", "--user", "dee",
                "--option", "ServerAliveInterval=5");

        assertThat(added.exitCode()).as(added.describe()).isZero();
        assertThat(Files.readString(main)).contains("\tUser bob\r\n\r\nHost delta\r\n\tHostName d.example.com\r\n"
                + "\tUser dee\r\n\tServerAliveInterval 5\r\n\r\nHost *\r\n");
        assertThat(sshG("delta")).containsEntry("hostname", "d.example.com").containsEntry("user", "dee")
                .containsEntry("serveraliveinterval", "5");

        Processes.Result intoLab = jhosts("host", "add", "lab2", "--hostname", "10.0.0.2", "--file", lab.toString());
        assertThat(intoLab.exitCode()).as(intoLab.describe()).isZero();
        assertThat(Files.readString(lab)).isEqualTo("Host lab1\n\tHostName 10.0.0.1\n\nHost lab2\n\tHostName 10.0.0.2\n");
        assertThat(sshG("lab2")).containsEntry("hostname", "10.0.0.2");

        Processes.Result again = jhosts("host", "add", "lab2", "--hostname", "10.0.0.3");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.stderr()).contains("lab2 is already defined").contains("jhosts host edit lab2");
    }

    @Test
    void theNewHostsFileSettingNamesWhereNewHostsGoAndItIsCreatedPrivate() throws Exception {
        Path settings = dir.resolve("xdg-config/jhosts/jhosts.conf");
        Files.createDirectories(settings.getParent());
        Path newFile = dir.resolve("config.d/new-hosts");
        Files.writeString(settings, "new-hosts-file = \"" + newFile + "\"\n");

        Processes.Result added = jhosts("host", "add", "epsilon", "--hostname", "e.example.com", "--port", "2201");

        assertThat(added.exitCode()).as(added.describe()).isZero();
        assertThat(Files.readString(newFile)).isEqualTo("Host epsilon\n    HostName e.example.com\n    Port 2201\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(newFile))).isEqualTo("rw-------");
        assertThat(sshG("epsilon")).containsEntry("hostname", "e.example.com").containsEntry("port", "2201");

        // A file the ssh config does not read would define nothing: refused, not created.
        Path unread = dir.resolve("elsewhere");
        Processes.Result refused = jhosts("host", "add", "zeta", "--hostname", "z", "--file", unread.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("is not read by the ssh config").contains("Include");
        assertThat(unread).doesNotExist();
    }

    @Test
    void removingAHostKeepsItsNeighboursCommentsAndTakesItsOwn() throws Exception {
        Processes.Result result = jhosts("host", "rm", "work2");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(Files.readString(work)).isEqualTo(String.join("\n",
                "Host work1",
                "    HostName w1.example.com   # rack 4",
                "    Port 22",
                "",
                "# work3: the wiki",
                "Host work3",
                "    HostName w3.example.com",
                ""));
        assertThat(sshG("work2")).containsEntry("hostname", "work2");
        assertThat(sshG("work3")).containsEntry("hostname", "w3.example.com");
        assertThat(jhosts("list").stdout()).doesNotContain("work2");
    }

    @Test
    void aValueSshRefusesIsOneLineExitTwoAndTheFileIsByteIdentical() throws Exception {
        byte[] before = Files.readAllBytes(work);

        Processes.Result cipher = jhosts("host", "edit", "work3", "--option", "Ciphers=nonesuch");
        assertThat(cipher.exitCode()).as(cipher.describe()).isEqualTo(2);
        assertThat(cipher.stderr().lines().toList()).hasSize(1);
        assertThat(cipher.stderr()).contains(work + " line 12: Bad SSH2 cipher spec 'nonesuch'.")
                .contains("nothing written").doesNotContain("jhosts-edit-");

        Processes.Result port = jhosts("host", "edit", "work3", "--port", "eighty");
        assertThat(port.exitCode()).as(port.describe()).isEqualTo(2);
        assertThat(port.stderr().lines().toList()).hasSize(1);

        Processes.Result unknown = jhosts("host", "edit", "work3", "--option", "NoSuchOption=1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("Bad configuration option");

        assertThat(Files.readAllBytes(work)).isEqualTo(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void aValueAnEarlierBlockSetsFirstIsRefusedRatherThanWrittenToNoEffect() throws Exception {
        Files.writeString(lab, "Host *\n\tUser everyone\n\nHost lab1\n\tHostName 10.0.0.1\n");
        byte[] before = Files.readAllBytes(lab);

        Processes.Result result = jhosts("host", "edit", "lab1", "--user", "me");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains("would still give user everyone").contains("sets it first");
        assertThat(Files.readAllBytes(lab)).isEqualTo(before);
    }

    @Test
    void aFileChangedBehindJhostsBackIsNotOverwritten() throws Exception {
        // ssh runs Match exec when jhosts checks the change with ssh -G: the command appends to
        // the file between jhosts' reading and its writing, as another editor would.
        String touch = "Match exec \"echo '# touched' >> " + work + "\"\n";
        Files.writeString(lab, Files.readString(lab) + touch);
        String before = Files.readString(work);

        Processes.Result result = jhosts("host", "edit", "work1", "--port", "2222");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains("changed since jhosts read it").contains("nothing written");
        String after = Files.readString(work);
        assertThat(after).startsWith(before).contains("# touched").doesNotContain("2222");
        assertThat(backups()).isEmpty();
    }

    @Test
    void aHostOnASeveralNameLineIsRefusedThenSplitIntoItsOwnBlock() throws Exception {
        byte[] before = Files.readAllBytes(main);

        Processes.Result refused = jhosts("host", "edit", "beta", "--port", "2300");
        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(2);
        assertThat(refused.stderr()).contains("names beta gamma").contains("--split");
        assertThat(Files.readAllBytes(main)).isEqualTo(before);

        Processes.Result split = jhosts("host", "edit", "beta", "--port", "2300", "--split");
        assertThat(split.exitCode()).as(split.describe()).isZero();
        assertThat(Files.readString(main)).contains("# the database pair\r\nHost gamma\r\n\tPort 2200\r\n\r\n"
                + "Host beta\r\n\tPort 2300\r\n\r\nHost alpha\r\n");
        assertThat(sshG("beta")).containsEntry("port", "2300");
        assertThat(sshG("gamma")).containsEntry("port", "2200");

        Processes.Result rmRefused = jhosts("host", "rm", "gamma");
        assertThat(rmRefused.exitCode()).isZero(); // gamma is alone on its line now
        assertThat(sshG("gamma")).containsEntry("port", "22");
        assertThat(Files.readString(main)).contains("Host beta\r\n\tPort 2300\r\n").doesNotContain("gamma")
                .contains("# my hosts\r\n");
    }

    @Test
    void rmSplitTakesTheNameOffTheLineOnly() throws Exception {
        Processes.Result refused = jhosts("host", "rm", "gamma");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("--split");

        Processes.Result split = jhosts("host", "rm", "gamma", "--split");
        assertThat(split.exitCode()).as(split.describe()).isZero();
        assertThat(Files.readString(main)).contains("# the database pair\r\nHost beta\r\n\tPort 2200\r\n");
        assertThat(sshG("beta")).containsEntry("port", "2200");
        assertThat(sshG("gamma")).containsEntry("port", "22");
    }

    @Test
    void unknownHostsAndEditsWithoutValuesAreRefusedWithTheWay() throws Exception {
        Processes.Result unknown = jhosts("host", "rm", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no host nosuch").contains("jhosts host add nosuch");

        Processes.Result nothing = jhosts("host", "edit", "alpha");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.stderr()).contains("nothing to change");
    }

    @Test
    void listAndDoctorGiveSshsOwnLineWhenSshRefusesTheConfig() throws Exception {
        Files.writeString(lab, "Host lab1\n\tHostName 10.0.0.1\n\tCiphers nonesuch\n");

        Processes.Result list = jhosts("list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stderr()).contains("ssh refuses this config")
                .contains(lab + " line 3: Bad SSH2 cipher spec 'nonesuch'.");

        Processes.Result doctor = jhosts("doctor");
        assertThat(doctor.stdout()).containsPattern("problem +ssh config: ssh refuses this config.*"
                + java.util.regex.Pattern.quote(lab + " line 3: Bad SSH2 cipher spec 'nonesuch'."));
        assertThat(doctor.exitCode()).isEqualTo(1);

        Files.writeString(lab, "Host lab1\n\tHostName 10.0.0.1\n");
        assertThat(jhosts("list").stderr()).doesNotContain("refuses");
    }
}

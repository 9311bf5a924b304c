package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jhosts cp} against a real sshd on three ports (h0…h2: three masters), its SFTP served
 * by internal-sftp. The "remote" files are on this machine (sshd runs as this user), under the
 * fixture's directory.
 */
class CpCommandTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(2);

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern ACCEPTED = Pattern.compile("Accepted publickey for ");
    private static FleetConfig fleet;
    private static Path config;

    @BeforeAll
    static void writeConfig() throws IOException {
        fleet = new FleetConfig(SSHD);
        config = fleet.write("cp_config");
    }

    @AfterAll
    static void endMasters() {
        for (String host : fleet.aliases()) {
            jhosts("master", "exit", host);
        }
    }

    static Processes.Result jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, SSHD.jhostsEnv(), LIMIT);
    }

    private static Path fresh(String name) throws IOException {
        Path dir = SSHD.dir().resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void uploadAndDownloadOneFileByteForByteWithoutANewLogin() throws IOException {
        Path here = fresh("one-here");
        Path there = fresh("one-there");
        // a size that is no multiple of any chunk, so that the last request is short
        byte[] content = random(5 * 1024 * 1024 + 4321, 1);
        Files.write(here.resolve("data.bin"), content);
        Processes.Result start = jhosts("master", "start", "h0");
        assertThat(start.exitCode()).as(start.describe()).isZero();
        long logins = accepted();

        Processes.Result up = jhosts("cp", here.resolve("data.bin").toString(), "h0:" + there);
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(Files.readAllBytes(there.resolve("data.bin"))).isEqualTo(content);
        // not a terminal: a plain line per file
        assertThat(up.stdout()).contains(here.resolve("data.bin") + " 5.0 MiB");

        Processes.Result down = jhosts("cp", "h0:" + there.resolve("data.bin"), here.resolve("back.bin").toString());
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(Files.readAllBytes(here.resolve("back.bin"))).isEqualTo(content);
        assertThat(accepted()).as("no authentication after the master was made").isEqualTo(logins);
    }

    @Test
    void anEmptyFileAndTheLoginDirectoryForHostColonAlone() throws IOException {
        Path here = fresh("home-here");
        String name = "jhosts-cp-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Files.writeString(here.resolve(name), "");
        Path home = Path.of(System.getProperty("user.home"));
        try {
            Processes.Result up = jhosts("cp", here.resolve(name).toString(), "h1:");
            assertThat(up.exitCode()).as(up.describe()).isZero();
            assertThat(home.resolve(name)).exists().isEmptyFile();
            Files.delete(here.resolve(name));
            Processes.Result down = jhosts("cp", "h1:~/" + name, here.toString());
            assertThat(down.exitCode()).as(down.describe()).isZero();
            assertThat(here.resolve(name)).exists().isEmptyFile();
        } finally {
            Files.deleteIfExists(home.resolve(name));
        }
    }

    @Test
    void treesWithNestedAndEmptyFoldersSpacesNonAsciiNamesAndLinksBothWays() throws IOException {
        Path here = fresh("tree-here");
        Path tree = here.resolve("tree");
        Files.createDirectories(tree.resolve("a dir/nested/deeper"));
        Files.createDirectories(tree.resolve("empty"));
        Files.createDirectories(tree.resolve("ünïcødé ☃/empty too"));
        Files.write(tree.resolve("a dir/nested/deeper/big.bin"), random(700_000, 2));
        Files.writeString(tree.resolve("a dir/file with spaces.txt"), "spaces\n");
        Files.writeString(tree.resolve("ünïcødé ☃/naïve.txt"), "unicode\n");
        Files.writeString(tree.resolve("top.txt"), "top\n");
        Files.createSymbolicLink(tree.resolve("link to top"), Path.of("top.txt"));
        Files.createSymbolicLink(tree.resolve("dangling"), Path.of("/nonexistent/jhosts"));
        Path there = fresh("tree-there");

        Processes.Result up = jhosts("cp", "-r", tree.toString(), "h2:" + there);
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(listing(there.resolve("tree"))).isEqualTo(listing(tree));
        assertThat(Files.readSymbolicLink(there.resolve("tree/link to top"))).isEqualTo(Path.of("top.txt"));
        assertThat(Files.readSymbolicLink(there.resolve("tree/dangling"))).isEqualTo(Path.of("/nonexistent/jhosts"));

        Path back = fresh("tree-back");
        Processes.Result down = jhosts("cp", "-r", "h2:" + there.resolve("tree"), back.resolve("copy").toString());
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(listing(back.resolve("copy"))).isEqualTo(listing(tree));
        assertThat(Files.isSymbolicLink(back.resolve("copy/link to top"))).isTrue();
    }

    /**
     * Many small files go with their requests pipelined, in batches: one that cannot be written
     * (a directory is where it goes) is reported with its name, the others before and after it in
     * its batch are copied byte for byte, and the exit status says something failed.
     */
    @Test
    void manySmallFilesOneOfWhichCannotBeWrittenEitherWay() throws IOException {
        Path here = fresh("small-here");
        Path tree = here.resolve("small");
        for (int i = 0; i < 150; i++) {
            Path directory = Files.createDirectories(tree.resolve("d" + i / 50));
            Files.write(directory.resolve("f" + i), random(i * 37 % 3000, i));
        }
        Path there = fresh("small-there");
        Files.createDirectories(there.resolve("small/d1/f70/in the way"));
        Processes.Result up = jhosts("cp", "-r", tree.toString(), "h0:" + there);
        assertThat(up.exitCode()).as(up.describe()).isEqualTo(1);
        assertThat(up.stderr()).contains("small/d1/f70: ").contains("jhosts: cp: 1 of ");
        Files.delete(there.resolve("small/d1/f70/in the way"));
        Files.delete(there.resolve("small/d1/f70"));
        Files.copy(tree.resolve("d1/f70"), there.resolve("small/d1/f70"));
        assertThat(listing(there.resolve("small"))).isEqualTo(listing(tree));

        Path back = fresh("small-back");
        Files.createDirectories(back.resolve("small/d2/f120/in the way"));
        Processes.Result down = jhosts("cp", "-r", "h0:" + there.resolve("small"), back.toString());
        assertThat(down.exitCode()).as(down.describe()).isEqualTo(1);
        assertThat(down.stderr()).contains("small/d2/f120: ").contains("jhosts: cp: 1 of ");
        Files.delete(back.resolve("small/d2/f120/in the way"));
        Files.delete(back.resolve("small/d2/f120"));
        Files.copy(tree.resolve("d2/f120"), back.resolve("small/d2/f120"));
        assertThat(listing(back.resolve("small"))).isEqualTo(listing(tree));
    }

    @Test
    void withoutRADirectoryIsReportedAndTheRestIsCopied() throws IOException {
        Path here = fresh("nor-here");
        Files.createDirectories(here.resolve("folder"));
        Files.writeString(here.resolve("plain.txt"), "plain\n");
        Path there = fresh("nor-there");
        Processes.Result up = jhosts("cp", here.resolve("folder").toString(), here.resolve("plain.txt").toString(),
                here.resolve("missing").toString(), "h0:" + there);
        assertThat(up.exitCode()).as(up.describe()).isEqualTo(1);
        assertThat(there.resolve("plain.txt")).hasContent("plain");
        assertThat(up.stderr()).contains("folder: is a directory (use -r)")
                .contains("missing: no such file or directory")
                .contains("jhosts: cp: 2 of 3 failed");
    }

    @Test
    void preserveKeepsTimesAndModes() throws IOException {
        Path here = fresh("p-here");
        Path file = here.resolve("script.sh");
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_500_000_000_000L));
        Path there = fresh("p-there");
        Processes.Result up = jhosts("cp", "-p", file.toString(), "h0:" + there);
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(Files.getLastModifiedTime(there.resolve("script.sh")).toMillis()).isEqualTo(1_500_000_000_000L);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(there.resolve("script.sh"))))
                .isEqualTo("rwxr-x---");
        Processes.Result down = jhosts("cp", "-p", "h0:" + there.resolve("script.sh"), here.resolve("again.sh").toString());
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(Files.getLastModifiedTime(here.resolve("again.sh")).toMillis()).isEqualTo(1_500_000_000_000L);
    }

    /** -rp on a tree of small files (which go in pipelined batches): every file's time and mode, both ways. */
    @Test
    void preserveKeepsTimesAndModesOfEveryFileOfATree() throws IOException {
        Path here = fresh("rp-here");
        Path tree = here.resolve("kept");
        List<String> modes = List.of("rwxr-x---", "rw-r--r--", "rw-------", "r-xr-xr-x");
        for (int i = 0; i < 40; i++) {
            Path file = Files.createDirectories(tree.resolve("d" + i / 20)).resolve("f" + i);
            Files.write(file, random(i * 11, i));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(modes.get(i % modes.size())));
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_500_000_000_000L + i * 1000L));
        }
        Path there = fresh("rp-there");
        Processes.Result up = jhosts("cp", "-rp", tree.toString(), "h0:" + there);
        assertThat(up.exitCode()).as(up.describe()).isZero();
        Path back = fresh("rp-back");
        Processes.Result down = jhosts("cp", "-rp", "h0:" + there.resolve("kept"), back.toString());
        assertThat(down.exitCode()).as(down.describe()).isZero();
        for (Path copy : List.of(there.resolve("kept"), back.resolve("kept"))) {
            assertThat(listing(copy)).isEqualTo(listing(tree));
            for (int i = 0; i < 40; i++) {
                Path file = copy.resolve("d" + i / 20).resolve("f" + i);
                assertThat(Files.getLastModifiedTime(file).toMillis()).as(file.toString())
                        .isEqualTo(1_500_000_000_000L + i * 1000L);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo(modes.get(i % modes.size()));
            }
        }
    }

    @Test
    void aDestinationTheUserNamesThroughALinkIsFollowedAsScpDoes() throws IOException {
        Path here = fresh("link-here");
        Files.writeString(here.resolve("real.txt"), "old\n");
        Files.createSymbolicLink(here.resolve("alias.txt"), Path.of("real.txt"));
        Path there = fresh("link-there");
        Files.writeString(there.resolve("src.txt"), "new\n");
        Processes.Result down = jhosts("cp", "h0:" + there.resolve("src.txt"), here.resolve("alias.txt").toString());
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(here.resolve("real.txt")).hasContent("new");
        assertThat(Files.isSymbolicLink(here.resolve("alias.txt"))).isTrue();
    }

    @Test
    void noClobberLeavesAnExistingFile() throws IOException {
        Path here = fresh("nc-here");
        Files.writeString(here.resolve("f.txt"), "new\n");
        Path there = fresh("nc-there");
        Files.writeString(there.resolve("f.txt"), "old\n");
        Processes.Result kept = jhosts("cp", "--no-clobber", here.resolve("f.txt").toString(), "h0:" + there);
        assertThat(kept.exitCode()).as(kept.describe()).isZero();
        assertThat(there.resolve("f.txt")).hasContent("old");
        Processes.Result overwritten = jhosts("cp", here.resolve("f.txt").toString(), "h0:" + there);
        assertThat(overwritten.exitCode()).as(overwritten.describe()).isZero();
        assertThat(there.resolve("f.txt")).hasContent("new");
    }

    @Test
    void fanOutToThreeHostsThenGatherIntoAFolderPerAlias() throws IOException {
        Path here = fresh("fan-here");
        Files.write(here.resolve("payload.bin"), random(300_000, 3));
        Path there = fresh("fan-there");
        Processes.Result start = jhosts("master", "start", "h0", "h1", "h2");
        assertThat(start.exitCode()).as(start.describe()).isZero();
        long logins = accepted();
        // each host gets a directory of its own on the one machine: the remote side follows %p
        for (String alias : fleet.aliases()) {
            Files.createDirectories(there.resolve(alias));
        }
        List<String> args = new ArrayList<>(List.of("cp", "--tag", "even", "--host", "h1", here.resolve("payload.bin")
                .toString(), ":" + there));
        Processes.Result out = jhosts(args.toArray(new String[0]));
        assertThat(out.exitCode()).as(out.describe()).isZero();
        assertThat(Files.readAllBytes(there.resolve("payload.bin"))).isEqualTo(Files.readAllBytes(here.resolve("payload.bin")));
        for (String alias : List.of("h0", "h1", "h2")) {
            assertThat(out.stdout()).containsPattern(Pattern.quote(alias) + " +\\| copied 1 item, 293 KiB in ");
        }
        assertThat(out.stderr()).contains("jhosts: cp to 3 hosts: 3 succeeded, 0 failed, 0 unreachable");

        Path gathered = fresh("gathered");
        Processes.Result in = jhosts("cp", "--host", "h0", "--host", "h1", "--host", "h2", "--json",
                ":" + there.resolve("payload.bin"), gathered.toString());
        assertThat(in.exitCode()).as(in.describe()).isZero();
        for (String alias : List.of("h0", "h1", "h2")) {
            assertThat(Files.readAllBytes(gathered.resolve(alias).resolve("payload.bin")))
                    .isEqualTo(Files.readAllBytes(here.resolve("payload.bin")));
            assertThat(in.stdout()).contains("{\"alias\":\"" + alias + "\",\"outcome\":\"succeeded\",\"items\":1,"
                    + "\"bytes\":300000,\"skipped\":0,\"failed\":[],\"error\":null,\"durationMs\":");
        }
        assertThat(accepted()).as("no authentication after the masters were made").isEqualTo(logins);
    }

    @Test
    void aHostThatCannotBeReachedIsInTheSummaryAndTheOthersGetTheirCopy() throws IOException {
        Path here = fresh("ghost-here");
        Files.writeString(here.resolve("g.txt"), "g\n");
        Path there = fresh("ghost-there");
        Processes.Result out = jhosts("cp", "--host", "h0", "--host", "ghost", here.resolve("g.txt").toString(),
                ":" + there);
        assertThat(out.exitCode()).as(out.describe()).isEqualTo(1);
        assertThat(there.resolve("g.txt")).hasContent("g");
        assertThat(out.stderr()).contains("jhosts: cp to 2 hosts: 1 succeeded, 0 failed, 1 unreachable")
                .containsPattern("  unreachable  ghost: .*Connection refused");
    }

    @Test
    void usageErrors() {
        assertThat(jhosts("cp", "a", "b").stderr()).contains("both sides are local");
        assertThat(jhosts("cp", "h0:a", "h1:b", ".").stderr()).contains("one remote host per command");
        assertThat(jhosts("cp", "h0:a", "h1:b").stderr()).contains("remote source to a remote destination");
        assertThat(jhosts("cp", "--host", "h0", "a", "h0:b").stderr()).contains("select hosts for :PATH");
        assertThat(jhosts("cp", "a", "h0:b").exitCode()).isNotEqualTo(2);
        assertThat(jhosts("cp", "a", "-x:b").exitCode()).isEqualTo(2);
    }

    /** Relative paths of a tree with each file's content and each link's target. */
    static TreeMap<String, String> listing(Path root) throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String relative = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    entries.put(relative, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(relative + "/", "");
                } else {
                    entries.put(relative, java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return entries;
    }

    static long accepted() throws IOException {
        Matcher matcher = ACCEPTED.matcher(Files.readString(SSHD.log(), StandardCharsets.ISO_8859_1));
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}

package dev.jhosts.cli;

import static dev.jhosts.testing.SshdFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The files jhosts keeps in {@code $XDG_STATE_HOME/jhosts} (history, its lock, the debug log,
 * the completion cache) are 0600 in 0700 directories under umask 000, and a symbolic link planted there is never
 * written through.
 */
class FilesJhostsWritesTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterAll
    static void exitMaster() {
        SSHD.jhosts(LIMIT, "master", "exit", HOST);
    }

    /** The launcher run by {@code sh} after {@code umask 000}, with the state directory at {@code state}. */
    private static Processes.Result underUmask000(Path state, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 000 && exec \"$0\" \"$@\"",
                SshdFixture.launcher().toString(), "-F", SSHD.sshConfig().toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(SSHD.jhostsEnv());
        env.put("XDG_STATE_HOME", state.toString());
        return Processes.run(command, env, LIMIT);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void underUmask000EverythingIsOwnerOnly() throws IOException {
        Path state = SSHD.dir().resolve("fresh-state");
        Processes.Result connect = underUmask000(state, "--debug", "connect", HOST, "--", "true");
        assertThat(connect.exitCode()).as(connect.describe()).isZero();
        Path jhosts = state.resolve("jhosts");
        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(jhosts)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(jhosts)) {
            List<Path> written = files.toList();
            assertThat(written).extracting(path -> path.getFileName().toString())
                    .contains("history", "history.lock", "jhosts.log");
            for (Path file : written) {
                assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void severalDebugRunsShareOneLogAndABigLogIsRotatedPrivately() throws Exception {
        Path state = SSHD.dir().resolve("busy-state");
        Path jhosts = Files.createDirectories(state.resolve("jhosts"));
        Files.setPosixFilePermissions(jhosts, PosixFilePermissions.fromString("rwx------"));
        Path log = jhosts.resolve("jhosts.log");
        Files.write(log, new byte[(int) DebugLog.ROTATE_BYTES + 1]);
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
        List<CompletableFuture<Processes.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> underUmask000(state, "--debug", "list")));
        }
        for (CompletableFuture<Processes.Result> run : runs) {
            assertThat(run.join().exitCode()).as(run.join().describe()).isZero();
        }
        try (Stream<Path> files = Files.list(jhosts)) {
            List<Path> written = files.toList();
            // java.util.logging's FileHandler made jhosts.log.1, .2 (0644) and .lck files here; the three
            // runs also wrote the completion cache at once, through temporary files none of which is left
            assertThat(written).extracting(path -> path.getFileName().toString())
                    .containsExactlyInAnyOrder("jhosts.log", "jhosts.log.1", "completion-hosts");
            for (Path file : written) {
                assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(Files.size(jhosts.resolve("jhosts.log.1"))).isEqualTo(DebugLog.ROTATE_BYTES + 1);
        assertThat(Files.size(log)).isLessThan(DebugLog.ROTATE_BYTES);
    }

    @Test
    void plantedLinksAreNeverWrittenThrough() throws IOException {
        Path state = SSHD.dir().resolve("planted-state");
        Path jhosts = Files.createDirectories(state.resolve("jhosts"));
        Files.setPosixFilePermissions(jhosts, PosixFilePermissions.fromString("rwx------"));
        Path victim = Files.writeString(SSHD.dir().resolve("victim"), "not jhosts'\n");
        Files.createSymbolicLink(jhosts.resolve("jhosts.log"), victim);
        Files.createSymbolicLink(jhosts.resolve("history.lock"), victim);

        Processes.Result connect = underUmask000(state, "--debug", "connect", HOST, "--", "true");

        assertThat(connect.exitCode()).as(connect.describe()).isZero();
        assertThat(connect.stderr()).isEqualTo("jhosts: no debug log: " + jhosts.resolve("jhosts.log")
                + " is a symbolic link; jhosts does not write through links: remove it\n");
        assertThat(Files.readString(victim)).isEqualTo("not jhosts'\n");
        assertThat(mode(victim)).isNotEqualTo("rw-------");
        assertThat(jhosts.resolve("history")).doesNotExist();

        Files.delete(jhosts.resolve("history.lock"));
        Files.createSymbolicLink(jhosts.resolve("history"), victim);
        Processes.Result again = underUmask000(state, "connect", HOST, "--", "true");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(Files.readString(victim)).isEqualTo("not jhosts'\n");
    }
}

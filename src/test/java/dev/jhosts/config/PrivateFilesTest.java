package dev.jhosts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jhosts.testing.Processes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void directoriesAreMadeOwnerOnlyWithTheirParents() throws IOException {
        Path deep = dir.resolve("state/jhosts");
        assertThat(PrivateFiles.directory(deep)).isEqualTo(deep);
        assertThat(mode(deep)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("state"))).isEqualTo("rwx------");
    }

    @Test
    void anExistingDirectoryOthersMayReadIsTightened() throws IOException {
        Path open = Files.createDirectory(dir.resolve("readable"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.directory(open);
        assertThat(mode(open)).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryOthersCanWriteOrALinkIsRefused() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PrivateFiles.directory(open))
                .hasMessage(open + " can be written by others (rwxrwxrwx); jhosts keeps no files there: chmod 700 " + open);
        assertThat(mode(open)).isEqualTo("rwxrwxrwx");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectory(dir.resolve("real")));
        assertThatThrownBy(() -> PrivateFiles.directory(link)).hasMessageStartingWith(link + " is a symbolic link");
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws IOException {
        assumeTrue(PrivateFiles.currentUid() == 0, "only root can give a directory to another user");
        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(foreign, "unix:uid", 4242);
        assertThatThrownBy(() -> PrivateFiles.directory(foreign))
                .hasMessageStartingWith(foreign + ": the directory belongs to uid 4242, not to you (uid 0)");
    }

    @Test
    void openCreatesOwnerOnlyFilesAndTightensLooseOnes() throws IOException {
        Path file = dir.resolve("log");
        try (FileChannel channel = PrivateFiles.open(file, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap("one\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(mode(file)).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (FileChannel channel = PrivateFiles.open(file, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap("two\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("one\ntwo\n");
    }

    @Test
    void openNeverWritesThroughALinkNorOpensAFifo() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "keep\n");
        Path link = Files.createSymbolicLink(dir.resolve("log"), victim);
        assertThatThrownBy(() -> PrivateFiles.open(link, StandardOpenOption.APPEND))
                .hasMessage(link + " is a symbolic link; jhosts does not write through links: remove it");
        assertThat(Files.readString(victim)).isEqualTo("keep\n");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("would-be-created"));
        assertThatThrownBy(() -> PrivateFiles.open(dangling)).hasMessageContaining("is a symbolic link");
        assertThat(dir.resolve("would-be-created")).doesNotExist();
        Path fifo = dir.resolve("fifo");
        Processes.Result made = Processes.run(List.of("mkfifo", fifo.toString()), Map.of(), Duration.ofSeconds(10));
        assertThat(made.exitCode()).as(made.describe()).isZero();
        assertThatThrownBy(() -> PrivateFiles.open(fifo))
                .hasMessage(fifo + " is not a regular file; jhosts does not write to it: move it away");
    }

    @Test
    void replaceIsAtomicOwnerOnlyAndReplacesALinkInsteadOfFollowingIt() throws IOException {
        Path file = dir.resolve("history");
        PrivateFiles.replace(file, "first\n".getBytes(StandardCharsets.UTF_8));
        assertThat(mode(file)).isEqualTo("rw-------");
        PrivateFiles.replace(file, "second\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("second\n");
        Path victim = Files.writeString(dir.resolve("victim"), "keep\n");
        Files.delete(file);
        Files.createSymbolicLink(file, victim);
        PrivateFiles.replace(file, "third\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("third\n");
        assertThat(Files.readString(victim)).isEqualTo("keep\n");
        try (var left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("history", "victim");
        }
    }
}

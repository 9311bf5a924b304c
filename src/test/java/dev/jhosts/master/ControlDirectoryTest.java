package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlDirectoryTest {
    @TempDir
    Path temp;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void createsMissingDirectoriesPrivate() throws Exception {
        Path dir = temp.resolve("a/b/jhosts");
        ControlDirectory control = ControlDirectory.prepare(dir);
        assertThat(control.path()).isEqualTo(dir);
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.getParent())).isEqualTo("rwx------");
    }

    @Test
    void refusesADirectoryOthersCanWrite() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> ControlDirectory.prepare(dir))
                .isInstanceOf(MasterException.class)
                .hasMessageContaining("can be written by others")
                .hasMessageContaining("chmod 700");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx-w----"));
        assertThatThrownBy(() -> ControlDirectory.prepare(dir)).hasMessageContaining("can be written by others");
    }

    @Test
    void tightensADirectoryOthersCanOnlyEnter() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("readable"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        ControlDirectory.prepare(dir);
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void refusesASymbolicLink() throws Exception {
        Path real = Files.createDirectory(temp.resolve("real"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        assertThatThrownBy(() -> ControlDirectory.prepare(link)).hasMessageContaining("symbolic link");
    }

    @Test
    void refusesAFile() throws Exception {
        Path file = Files.createFile(temp.resolve("file"));
        assertThatThrownBy(() -> ControlDirectory.prepare(file)).hasMessageContaining("not a directory");
    }

    @Test
    void refusesAnotherUsersDirectory() throws Exception {
        assumeTrue(ControlDirectory.currentUid() == 0, "only root can give a directory away");
        Path dir = Files.createDirectory(temp.resolve("theirs"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> ControlDirectory.prepare(dir))
                .isInstanceOf(MasterException.class)
                .hasMessageContaining("not to you");
    }
}

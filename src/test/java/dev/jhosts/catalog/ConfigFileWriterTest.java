package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a config file: only when it is still what was read; through links; mode kept; a backup. */
class ConfigFileWriterTest {
    @TempDir
    Path dir;

    private ConfigFileWriter writer() {
        return new ConfigFileWriter(dir.resolve("backups"));
    }

    @Test
    void aFileChangedBetweenReadingAndWritingIsLeftAsTheOtherWriterMadeIt() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), "Host a\n  Port 22\n");
        ConfigFileWriter.Snapshot snapshot = ConfigFileWriter.read(file);
        Files.writeString(file, "Host a\n  Port 23\n");

        assertThatThrownBy(() -> writer().replace(snapshot, "Host a\n  Port 2222\n".getBytes()))
                .isInstanceOf(ConfigFileWriter.Refused.class).hasMessageContaining("changed since jhosts read it");

        assertThat(Files.readString(file)).isEqualTo("Host a\n  Port 23\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).containsExactly("config");
        }
    }

    @Test
    void aFileCreatedOrALinkRepointedMeanwhileIsRefused() throws Exception {
        Path fresh = dir.resolve("new");
        ConfigFileWriter.Snapshot none = ConfigFileWriter.read(fresh);
        Files.writeString(fresh, "Host x\n");
        assertThatThrownBy(() -> writer().replace(none, "Host y\n".getBytes())).hasMessageContaining("was created");
        assertThat(Files.readString(fresh)).isEqualTo("Host x\n");

        Path one = Files.writeString(dir.resolve("one"), "Host one\n");
        Files.writeString(dir.resolve("two"), "Host one\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), one.getFileName());
        ConfigFileWriter.Snapshot linked = ConfigFileWriter.read(link);
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("two"));
        assertThatThrownBy(() -> writer().replace(linked, "Host z\n".getBytes())).hasMessageContaining("now links to");
    }

    @Test
    void theTargetOfALinkIsReplacedWithItsModeAndThePreviousVersionKept() throws Exception {
        Files.createDirectories(dir.resolve("dots"));
        Path target = Files.writeString(dir.resolve("dots/config"), "Host a\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("config"), Path.of("dots/config"));

        Path backup = writer().replace(ConfigFileWriter.read(link), "Host b\n".getBytes());

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("Host b\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        assertThat(Files.readString(backup)).isEqualTo("Host a\n");
        assertThat(backup.startsWith(dir.resolve("backups"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir.resolve("dots"))) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void onlyTheNewestVersionsAreKept() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), "v0\n");
        Path backup = null;
        for (int i = 1; i <= ConfigFileWriter.KEPT_VERSIONS + 3; i++) {
            backup = writer().replace(ConfigFileWriter.read(file), ("v" + i + "\n").getBytes());
        }
        try (Stream<Path> files = Files.list(backup.getParent())) {
            assertThat(files.count()).isEqualTo(ConfigFileWriter.KEPT_VERSIONS);
        }
        assertThat(Files.readString(backup)).isEqualTo("v" + (ConfigFileWriter.KEPT_VERSIONS + 2) + "\n");
    }
}

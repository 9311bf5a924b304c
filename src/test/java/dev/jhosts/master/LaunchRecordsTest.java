package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchRecordsTest {
    @TempDir
    Path temp;

    @Test
    void writtenRecordsAreFoundAndRemoved() throws Exception {
        ControlDirectory directory = ControlDirectory.prepare(temp.resolve("c"));
        LaunchRecords records = new LaunchRecords(directory);
        Path socket = directory.path().resolve("abc");
        LaunchRecord record = new LaunchRecord(socket, List.of("web1", "hop2 via bastion"), Instant.ofEpochMilli(1234), 42,
                List.of(new Via("bastion", directory.path().resolve("j1")), new Via("inner via bastion", directory.path().resolve("j2"))));
        records.write(record);
        assertThat(records.find(socket)).contains(record);
        assertThat(record.rides(directory.path().resolve("j1"))).isTrue();
        assertThat(record.rides(socket)).isFalse();
        assertThat(Files.getPosixFilePermissions(directory.recordFor(socket, ".master")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(records.all()).hasSize(1);
        records.remove(socket);
        assertThat(records.find(socket)).isEmpty();
    }

    @Test
    void aDamagedRecordIsIgnored() throws Exception {
        ControlDirectory directory = ControlDirectory.prepare(temp.resolve("c"));
        Path socket = directory.path().resolve("abc");
        Files.writeString(directory.recordFor(socket, ".master"), "socket=" + socket + "\npid=notanumber\n");
        assertThat(new LaunchRecords(directory).find(socket)).isEmpty();
    }
}

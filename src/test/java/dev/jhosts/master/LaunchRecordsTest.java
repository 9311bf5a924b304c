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
        LaunchRecord record = new LaunchRecord(socket, List.of("web1", "web2"), Instant.ofEpochMilli(1234), 42);
        records.write(record);
        assertThat(records.find(socket)).contains(record);
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

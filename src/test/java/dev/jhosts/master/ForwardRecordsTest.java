package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.mux.Forward;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardRecordsTest {
    @TempDir
    Path temp;

    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    @Test
    void notedForwardsAreReadBackForTheSameMasterOnly() throws Exception {
        ControlDirectory directory = ControlDirectory.prepare(temp.resolve("c"));
        ForwardRecords records = new ForwardRecords(directory);
        Path socket = directory.path().resolve("abc");
        ListedForward local = ListedForward.open(Forward.parseOption("-L 8080:db:5432"), ForwardOrigin.JHOSTS, 0, T0);
        ListedForward remote = ListedForward.open(Forward.parseOption("-R 0:localhost:22"), ForwardOrigin.SETTING, 40123, T0);
        ListedForward refused = new ListedForward(Forward.parseOption("-D [::1]:1080"), ForwardOrigin.SETTING,
                ListedForward.Status.REFUSED, 0, T0, "Port forwarding failed (bind: Address already in use)");
        records.put(socket, 42, local);
        records.put(socket, 42, remote);
        records.put(socket, 42, refused);
        assertThat(records.read(socket, 42)).containsExactly(local, remote, refused);
        assertThat(records.read(socket, 43)).as("another master at the same path").isEmpty();
        assertThat(Files.getPosixFilePermissions(directory.recordFor(socket, ForwardRecords.SUFFIX)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        records.remove(socket, 42, local.forward());
        assertThat(records.read(socket, 42)).containsExactly(remote, refused);
        ListedForward reopened = ListedForward.open(refused.forward(), ForwardOrigin.JHOSTS, 0, T0.plusSeconds(1));
        records.put(socket, 42, reopened);
        assertThat(records.read(socket, 42)).containsExactly(remote, reopened);

        new LaunchRecords(directory).remove(socket);
        assertThat(records.read(socket, 42)).as("the master's notes go with it").isEmpty();
    }

    @Test
    void twoWritersAtOnceBothKeepTheirForwards() throws Exception {
        ControlDirectory directory = ControlDirectory.prepare(temp.resolve("c"));
        Path socket = directory.path().resolve("abc");
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int port = 9000 + i;
            ForwardRecords records = new ForwardRecords(directory);
            writers.add(new Thread(() -> {
                try {
                    records.put(socket, 7, ListedForward.open(Forward.parseOption("-D " + port), ForwardOrigin.JHOSTS, 0, T0));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join(20_000);
        }
        assertThat(new ForwardRecords(directory).read(socket, 7)).hasSize(8);
    }

    @Test
    void aDamagedRecordListsNothing() throws Exception {
        ControlDirectory directory = ControlDirectory.prepare(temp.resolve("c"));
        Path socket = directory.path().resolve("abc");
        Files.writeString(directory.recordFor(socket, ForwardRecords.SUFFIX),
                "socket=" + socket + "\npid=7\nforward.0.option=-L\nforward.0.spec=nonsense\n");
        assertThat(new ForwardRecords(directory).read(socket, 7)).isEmpty();
    }
}

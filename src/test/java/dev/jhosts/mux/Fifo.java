package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A named pipe: a stdin for a remote command that ends only when the test says so. */
final class Fifo {
    private Fifo() {}

    /** Makes the FIFO and opens it read-write (which does not block), as the writer end. */
    static RandomAccessFile create(Path path) throws IOException {
        Processes.Result result = Processes.run(List.of("mkfifo", path.toString()), Map.of(), Duration.ofSeconds(10));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return new RandomAccessFile(path.toFile(), "rw");
    }
}

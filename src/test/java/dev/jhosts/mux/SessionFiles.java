package dev.jhosts.mux;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Runs one command through a master with files as stdin, stdout and stderr. */
final class SessionFiles {
    private SessionFiles() {}

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    static SessionEnd run(Path socket, SessionRequest request, Path stdin, Path stdout, Path stderr)
            throws IOException {
        MuxClient client = MuxClient.connect(socket, TIMEOUT);
        MuxSession session;
        try (FileInputStream in = new FileInputStream(stdin.toFile());
             FileOutputStream out = new FileOutputStream(stdout.toFile());
             FileOutputStream err = new FileOutputStream(stderr.toFile())) {
            session = client.openSession(request, in.getFD(), out.getFD(), err.getFD());
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        // our copies are closed above: the master holds the only ones, so EOF can come
        try (session) {
            return session.awaitEnd();
        }
    }
}

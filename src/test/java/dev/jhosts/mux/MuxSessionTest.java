package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.SshdFixture;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sessions with files as stdio, the checks of OpenSSH's regress/multiplex.sh. */
class MuxSessionTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "s.sock", "-o", "SendEnv=JHOSTS_TEST_SENT");

    private static final Path EMPTY = Path.of("/dev/null");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 44})
    void exitStatusComesBack(int status) throws Exception {
        SessionEnd end = run("echo out; echo err >&2; exit " + status);
        assertThat(end).isEqualTo(new SessionEnd(status, true, false));
        assertThat(Files.readString(out())).isEqualTo("out\n");
        assertThat(Files.readString(err())).isEqualTo("err\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 44})
    void exitStatusComesBackWhenTheCommandClosesStdoutAndStderrEarly(int status) throws Exception {
        assertThat(run("exec >&- 2>&-; exit " + status).status()).isEqualTo(status);
        assertThat(run("exec >&-; exit " + status).status()).isEqualTo(status);
        assertThat(run("exec 2>&-; exit " + status).status()).isEqualTo(status);
    }

    @Test
    void killedByASignalIsStatus255WithoutExitMessage() throws Exception {
        assertThat(run("kill -KILL $$")).isEqualTo(new SessionEnd(255, false, false));
    }

    @Test
    @SuppressWarnings("try") // the FIFO's writer end only has to stay open, so that stdin never ends
    void closingTheSessionFromAnotherThreadEndsAwaitEnd() throws Exception {
        Path fifo = SSHD.dir().resolve("close.fifo");
        try (RandomAccessFile writer = Fifo.create(fifo)) {
            MuxClient client = MuxClient.connect(MASTER.master().socket(), SessionFiles.TIMEOUT);
            MuxSession session;
            try (FileInputStream in = new FileInputStream(fifo.toFile());
                 FileOutputStream o = new FileOutputStream(out().toFile())) {
                session = client.openSession(SessionRequest.forCommand("read line"), in.getFD(), o.getFD(), o.getFD());
            }
            Thread closer = new Thread(session::close);
            closer.start();
            SessionEnd end = assertTimeoutPreemptively(Duration.ofSeconds(20), session::awaitEnd);
            closer.join(20_000);
            assertThat(end).isEqualTo(new SessionEnd(255, false, false));
        }
    }

    @Test
    void thirtyTwoMebibytesGoThroughByteForByteBothWays() throws Exception {
        byte[] data = new byte[32 << 20];
        new Random(42).nextBytes(data);
        Path local = Files.write(SSHD.dir().resolve("big.local"), data);
        Path remote = SSHD.dir().resolve("big.remote");
        String expected = sha256(local);

        SessionEnd upload = SessionFiles.run(MASTER.master().socket(), SessionRequest.forCommand("cat > " + remote), local, out(), err());
        assertThat(upload.status()).as(Files.readString(err())).isZero();
        assertThat(run("sha256sum " + remote).status()).isZero();
        assertThat(Files.readString(out())).startsWith(expected + " ");

        Path back = SSHD.dir().resolve("big.back");
        SessionEnd download = SessionFiles.run(MASTER.master().socket(), SessionRequest.forCommand("cat " + remote), EMPTY, back, err());
        assertThat(download.status()).isZero();
        assertThat(Files.size(back)).isEqualTo(data.length);
        assertThat(sha256(back)).isEqualTo(expected);
    }

    /**
     * The master passes on only the variables its own SendEnv matches (mux.c env_permitted), and
     * sshd only those its AcceptEnv allows (the fixture: JHOSTS_TEST_*).
     */
    @Test
    void environmentIsFilteredByTheMastersSendEnv() throws Exception {
        SessionRequest request = new SessionRequest(false, "", "printf '%s|%s' \"$JHOSTS_TEST_SENT\" \"$JHOSTS_TEST_OTHER\"",
                List.of("JHOSTS_TEST_SENT=hello world", "JHOSTS_TEST_OTHER=dropped"), SessionRequest.NO_ESCAPE, false);
        assertThat(SessionFiles.run(MASTER.master().socket(), request, EMPTY, out(), err()).status()).isZero();
        assertThat(Files.readString(out())).isEqualTo("hello world|");
    }

    @Test
    void subsystemRequestRunsSftp() throws Exception {
        // sftp's first packet is SSH_FXP_INIT; without input the server just ends with EOF
        SessionRequest request = new SessionRequest(false, "", "sftp", List.of(), SessionRequest.NO_ESCAPE, true);
        assertThat(SessionFiles.run(MASTER.master().socket(), request, EMPTY, out(), err()).exitMessageReceived()).isTrue();
    }

    private static SessionEnd run(String command) throws Exception {
        return SessionFiles.run(MASTER.master().socket(), SessionRequest.forCommand(command), EMPTY, out(), err());
    }

    private static Path out() {
        return SSHD.dir().resolve("out");
    }

    private static Path err() {
        return SSHD.dir().resolve("err");
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

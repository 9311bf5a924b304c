package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.TestMaster;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class MuxClientTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aliveCheckReturnsThePidThatSshCheckPrints() throws Exception {
        try (TestMaster master = TestMaster.start(SSHD, "alive.sock");
             MuxClient client = MuxClient.connect(master.socket(), TIMEOUT)) {
            assertThat(client.aliveCheck()).isEqualTo(master.pid());
            // several requests on one connection, each with its own request id
            assertThat(client.aliveCheck()).isEqualTo(master.pid());
        }
    }

    @Test
    void terminateEndsTheMasterProcess() throws Exception {
        try (TestMaster master = TestMaster.start(SSHD, "term.sock")) {
            try (MuxClient client = MuxClient.connect(master.socket(), TIMEOUT)) {
                client.terminate();
            }
            assertThat(master.awaitExit(Duration.ofSeconds(20))).as("master exited").isTrue();
        }
    }

    @Test
    void stopListeningLetsTheRunningSessionFinishThenTheMasterExits() throws Exception {
        try (TestMaster master = TestMaster.start(SSHD, "stop.sock")) {
            Path fifo = SSHD.dir().resolve("stop.fifo");
            Path out = SSHD.dir().resolve("stop.out");
            Path err = SSHD.dir().resolve("stop.err");
            try (RandomAccessFile writer = Fifo.create(fifo)) {
                MuxClient sessionClient = MuxClient.connect(master.socket(), TIMEOUT);
                MuxSession session;
                try (FileInputStream in = new FileInputStream(fifo.toFile());
                     FileOutputStream o = new FileOutputStream(out.toFile());
                     FileOutputStream e = new FileOutputStream(err.toFile())) {
                    session = sessionClient.openSession(
                            SessionRequest.forCommand("read line; echo \"got $line\"; exit 7"), in.getFD(), o.getFD(), e.getFD());
                }
                try (session) {
                    try (MuxClient control = MuxClient.connect(master.socket(), TIMEOUT)) {
                        control.stopListening();
                    }
                    assertThat(master.socket()).doesNotExist();
                    assertThat(master.process().isAlive()).as("master alive while the session runs").isTrue();

                    writer.write("go\n".getBytes());
                    SessionEnd end = session.awaitEnd();
                    assertThat(end).isEqualTo(new SessionEnd(7, true, false));
                }
            }
            assertThat(Files.readString(out)).isEqualTo("got go\n");
            assertThat(master.awaitExit(Duration.ofSeconds(20))).as("master exited after its last session").isTrue();
        }
    }

    /** ControlMaster=ask: the master asks through SSH_ASKPASS, and this helper always says no. */
    @Test
    void deniedConfirmationIsPermissionDenied() throws Exception {
        Path askpass = SSHD.dir().resolve("deny-askpass");
        Files.writeString(askpass, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(askpass, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force");
        try (TestMaster master = TestMaster.start(SSHD, env, "ask.sock", "-M"); // -M -M: ControlMaster=ask
             MuxClient client = MuxClient.connect(master.socket(), TIMEOUT)) {
            assertThat(client.aliveCheck()).isEqualTo(master.pid());
            assertThatThrownBy(() -> client.openForward(Forward.parse(Forward.Kind.DYNAMIC, "127.0.0.1:1")))
                    .isInstanceOf(MuxException.PermissionDenied.class);
            assertThatThrownBy(client::terminate).isInstanceOf(MuxException.PermissionDenied.class);
            assertThat(master.process().isAlive()).isTrue();
            master.process().destroyForcibly(); // "-O exit" would be denied too
        }
    }

    @Test
    void refusedPtyIsReportedAndTheCommandStillRuns() throws Exception {
        Path keys = SSHD.authorizedKeys();
        String original = Files.readString(keys);
        Files.writeString(keys, "no-pty " + original);
        TestMaster master;
        try {
            master = TestMaster.start(SSHD, "nopty.sock");
        } finally {
            Files.writeString(keys, original);
        }
        Path out = SSHD.dir().resolve("nopty.out");
        try (master;
             JniNativePty tty = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24));
             FileOutputStream o = new FileOutputStream(out.toFile())) {
            SessionRequest request = new SessionRequest(true, "xterm", "echo hi", List.of(), SessionRequest.NO_ESCAPE, false);
            MuxSession session = MuxClient.connect(master.socket(), TIMEOUT).openSession(request, tty.getSlaveFD(), o.getFD(), o.getFD());
            try (session) {
                assertThat(session.awaitEnd()).isEqualTo(new SessionEnd(0, true, true));
            }
        }
        // the master itself tells the session's stderr
        assertThat(Files.readString(out)).startsWith("PTY allocation request failed").endsWith("\nhi\n");
    }

    @Test
    void missingPathIsNoSocket() {
        Path missing = SSHD.dir().resolve("missing.sock");
        assertThatThrownBy(() -> MuxClient.connect(missing, TIMEOUT)).isInstanceOf(MuxException.NoSocket.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void socketFileNobodyListensOnIsRefused() throws Exception {
        Path stale = SSHD.dir().resolve("stale.sock");
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        server.setDeleteOnClose(false);
        server.bind(AFUNIXSocketAddress.of(stale));
        server.close();
        assertThat(stale).exists();
        assertThatThrownBy(() -> MuxClient.connect(stale, TIMEOUT)).isInstanceOf(MuxException.Refused.class);
    }

    @Test
    void stoppedMasterIsATimeoutNotAHang() {
        try (TestMaster master = TestMaster.start(SSHD, "frozen.sock")) {
            master.signal("STOP");
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
                        assertThatThrownBy(() -> MuxClient.connect(master.socket(), Duration.ofMillis(500)))
                                .isInstanceOf(MuxException.Timeout.class));
            } finally {
                master.signal("CONT");
            }
            // the master is fine again afterwards
            try (MuxClient client = MuxClient.connect(master.socket(), TIMEOUT)) {
                assertThat(client.aliveCheck()).isEqualTo(master.pid());
            } catch (MuxException e) {
                throw new AssertionError(e);
            }
        }
    }
}

package dev.jhosts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jhosts.testing.Requirements;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the demo's peer check and cleanup read from /proc, against real sockets and processes. */
class ProcFsTest {
    @BeforeAll
    static void linux() {
        assumeTrue(ProcFs.available(), "no /proc: the demo runs on Linux only");
    }

    @Test
    void aConnectionOfThisProcessIsFoundWithItsOwnerAndHeldHere() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            Optional<ProcFs.TcpEnd> end = ProcFs.tcpEnd((InetSocketAddress) accepted.getRemoteSocketAddress(),
                    (InetSocketAddress) accepted.getLocalSocketAddress());
            assertThat(end).isPresent();
            assertThat(end.get().uid()).isEqualTo(ProcFs.currentUid());
            assertThat(ProcFs.selfHoldsSocket(end.get().inode())).isTrue();
        }
    }

    @Test
    void aConnectionOfAnotherProcessIsFoundButNotHeldHere() throws Exception {
        Requirements.requireCommand("bash", "bash");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // bash's /dev/tcp: a plain IPv4 socket of another process, kept open until stdin closes
            Process other = new ProcessBuilder("bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + "; read -r line")
                    .redirectErrorStream(true).start();
            try (Socket accepted = server.accept()) {
                Optional<ProcFs.TcpEnd> end = ProcFs.tcpEnd((InetSocketAddress) accepted.getRemoteSocketAddress(),
                        (InetSocketAddress) accepted.getLocalSocketAddress());
                assertThat(end).isPresent();
                assertThat(end.get().uid()).isEqualTo(ProcFs.currentUid());
                assertThat(ProcFs.selfHoldsSocket(end.get().inode())).isFalse();
            } finally {
                other.getOutputStream().close();
                if (!other.waitFor(10, TimeUnit.SECONDS)) {
                    other.destroyForcibly();
                }
            }
        }
    }

    @Test
    void aProcessUnderSetsidLeadsItsOwnSessionAndShowsItsState() throws Exception {
        Requirements.requireCommand("setsid", "util-linux");
        Process leader = new ProcessBuilder("setsid", "-w", "sleep", "30").start();
        try {
            long pid = leader.pid();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ProcFs.session(pid).orElse(-1) != pid && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProcFs.session(pid)).hasValue(pid);
            assertThat(ProcFs.session(ProcessHandle.current().pid())).isNotEqualTo(ProcFs.session(pid));
            assertThat(ProcFs.state(pid)).hasValueSatisfying(state -> assertThat(state).isIn("S", "R"));
            assertThat(ProcFs.commandLine(pid)).contains("sleep 30");
        } finally {
            leader.destroyForcibly();
            leader.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingProcessReadsAsAbsent() {
        long unlikely = Integer.MAX_VALUE - 7;
        assertThat(ProcFs.session(unlikely)).isEmpty();
        assertThat(ProcFs.state(unlikely)).isEmpty();
        assertThat(ProcFs.commandLine(unlikely)).isEmpty();
        assertThat(ProcFs.uid(unlikely)).isEmpty();
    }
}

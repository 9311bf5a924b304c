package dev.jhosts.askpass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.master.OwnSockets;
import dev.jhosts.master.PromptSession;
import dev.jhosts.testing.IsolatedHome;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * jhosts' own sockets in the control directory (the askpass channel while a prompt is open, the
 * coming server's socket) never answer MUX_C_ALIVE_CHECK: discovery and doctor must not take
 * them for frozen masters.
 */
class AskpassSocketIsNoMasterTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void masterListAndDoctorPassJhostsOwnSocketsBy() throws Exception {
        IsolatedHome home = IsolatedHome.in(dir);
        Path control = home.controlDirectory();
        Path config = Files.writeString(dir.resolve("ssh_config"), "Host web\n  HostName 127.0.0.1\n  Port 1\n");
        Map<String, String> env = home.environment();
        try (AskpassServer server = new AskpassServer(control, dir.resolve("helper"), request -> { }, id -> { });
             PromptSession prompt = server.open("web");
             // a listener that, like the coming server's socket, accepts and never speaks the mux protocol
             AFUNIXServerSocket serverSocket = AFUNIXServerSocket.bindOn(
                     AFUNIXSocketAddress.of(OwnSockets.in(control, "server", "0123abcd")))) {
            Path askpass = Path.of(prompt.environment().get(AskpassMain.SOCKET));
            assertThat(askpass.getParent()).isEqualTo(control);

            Processes.Result list = Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config.toString(),
                    "master", "list"), env, LIMIT);
            assertThat(list.exitCode()).as(list.describe()).isZero();
            assertThat(list.stdout() + list.stderr()).as(list.describe()).doesNotContain("askpass", "server-");

            Processes.Result doctor = Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config.toString(),
                    "doctor"), env, LIMIT);
            assertThat(doctor.stdout()).as(doctor.describe())
                    .contains("ok       sockets: 0 live masters, no stale sockets")
                    .doesNotContain("askpass", "does not answer");
        }
    }
}

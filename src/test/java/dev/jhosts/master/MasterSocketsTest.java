package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.IsolatedHome;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
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
 * A master's socket that ssh is still putting in place (mux.c binds ControlPath.XXXXXXXXXXXXXXXX,
 * then links it) is refused like a stale one between its bind and its listen: the master list
 * must leave it alone, or that ssh dies in its link().
 */
class MasterSocketsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String HASH = "7f3107a023146f7f044e0b1d2c3a4f5e6d7c8b9a";

    @TempDir
    Path dir;

    @Test
    void listsMasterSocketsButNotJhostsOwnNorOnesBeingPlacedNorOtherFiles() throws IOException {
        Path master = stale(dir.resolve(HASH));
        stale(dir.resolve(HASH + ".aB3dE5gH7jK9mN1p"));
        stale(OwnSockets.in(dir, "server", "0123abcd"));
        Files.writeString(dir.resolve("notes.txt"), "not a socket");
        assertThat(MasterSockets.in(dir)).containsExactly(master);
        assertThat(MasterSockets.in(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void theMasterListRemovesAStaleSocketButNotOneBeingPlaced() throws IOException {
        IsolatedHome home = IsolatedHome.in(dir);
        Path control = home.controlDirectory();
        Path config = Files.writeString(dir.resolve("ssh_config"), "Host web\n  HostName 127.0.0.1\n  Port 1\n");
        Map<String, String> env = home.environment();
        Path stale = stale(control.resolve(HASH));
        Path beingPlaced = stale(control.resolve(HASH + ".Zq0Wx9Ec8Rv7Tb6Y"));

        Processes.Result list = Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config.toString(),
                "master", "list"), env, LIMIT);

        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(stale).as("a stale master socket is removed on the way").doesNotExist();
        assertThat(beingPlaced).as("ssh's temporary socket is left to ssh").exists();
        assertThat(list.stdout() + list.stderr()).doesNotContain("Zq0Wx9Ec8Rv7Tb6Y");
    }

    /** A socket file nobody listens on any more: a connect to it is refused. */
    private static Path stale(Path path) throws IOException {
        AFUNIXServerSocket socket = AFUNIXServerSocket.newInstance();
        socket.setDeleteOnClose(false);
        socket.bind(AFUNIXSocketAddress.of(path));
        socket.close();
        assertThat(path).exists();
        return path;
    }
}

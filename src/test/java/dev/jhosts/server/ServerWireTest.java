package dev.jhosts.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerWireTest {
    private static DataInputStream stream(byte[]... frames) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] frame : frames) {
            all.writeBytes(frame);
        }
        return new DataInputStream(new ByteArrayInputStream(all.toByteArray()));
    }

    @Test
    void everyMessageComesBackAsItWasSent() throws IOException {
        List<ToServer> toServer = List.of(
                new ToServer.Hello("jhosts 1 (commit c)", "/h/.ssh/config\n/h/jhosts.conf", ToServer.Purpose.ATTACH, List.of("#3", "é"),
                        Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8"), "/home/u/src"),
                new ToServer.Resized(), new ToServer.Continued(), new ToServer.Interrupted(), new ToServer.Exiting(),
                new ToServer.Finished(255),
                new ToServer.Hello("v", "", ToServer.Purpose.COMMAND, List.of("cp", "-r", "a b", "h0:"), Map.of(), "/tmp"));
        DataInputStream in = stream(toServer.stream().map(ServerWire::encode).toArray(byte[][]::new));
        for (ToServer message : toServer) {
            assertThat(ServerWire.readToServer(in)).isEqualTo(message);
        }
        List<ToClient> toClient = List.of(new ToClient.Text("1\th0\n"), new ToClient.Stop(),
                new ToClient.Run(List.of("ssh", "-F", "x", "--", "h0")), new ToClient.Exit(3, "jhosts: bye"),
                new ToClient.Declined(ToClient.Reason.NOT_LISTED), new ToClient.Declined(ToClient.Reason.PASS_TERMINAL),
                new ToClient.Modes("500:5:bf:8a3b:f:f:0304"), new ToClient.Declined(ToClient.Reason.RUN_HERE),
                new ToClient.Started(),
                new ToClient.Output(ToClient.Stream.OUT, new byte[] {'a', (byte) 0xff, 0, '\n'}),
                new ToClient.Output(ToClient.Stream.ERR, new byte[0]));
        in = stream(toClient.stream().map(ServerWire::encode).toArray(byte[][]::new));
        for (ToClient message : toClient) {
            assertThat(ServerWire.readToClient(in)).isEqualTo(message);
        }
    }

    @Test
    void aPurposeOfAnotherBuildIsToldApartFromNonsense() throws IOException {
        byte[] frame = ServerWire.encode(new ToServer.Hello("v", "", ToServer.Purpose.PICKER, List.of(), Map.of(), "/"));
        String text = new String(frame, java.nio.charset.StandardCharsets.ISO_8859_1).replace("PICKER", "FUTURE");
        byte[] future = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(((ToServer.Hello) ServerWire.readToServer(stream(future))).purpose()).isEqualTo(ToServer.Purpose.OTHER);
    }

    @Test
    void hostileFramesEndTheConnectionWithoutAllocatingTheirClaims() {
        // a length beyond the limit, a zero length, a string longer than its frame, an unknown type, a cut frame
        assertThatThrownBy(() -> ServerWire.readToServer(stream(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff})))
                .isInstanceOf(ServerWire.WireException.class);
        assertThatThrownBy(() -> ServerWire.readToServer(stream(new byte[] {0, 0, 0, 0})))
                .isInstanceOf(ServerWire.WireException.class);
        assertThatThrownBy(() -> ServerWire.readToClient(stream(new byte[] {0, 0, 0, 5, 11, 0x7f, 0, 0, 0})))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> ServerWire.readToServer(stream(new byte[] {0, 0, 0, 1, 99})))
                .isInstanceOf(ServerWire.WireException.class);
        assertThatThrownBy(() -> ServerWire.readToServer(stream(new byte[] {0, 0, 0, 9, 1, 0})))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void onlyTheTerminalsVariablesCross() {
        Map<String, String> allowed = ClientEnvironment.allowed(Map.of("TERM", "xterm", "LC_ALL", "C", "LC_", "x",
                "SSH_AUTH_SOCK", "/a", "AWS_SECRET_ACCESS_KEY", "s", "PATH", "/bin", "HOME", "/root", "TMUX", "t"));
        assertThat(allowed).containsOnlyKeys("TERM", "LC_ALL", "SSH_AUTH_SOCK", "TMUX");
    }

    @Test
    void oneServerPerSshConfigAndSettingsPairInTheControlDirectory() {
        Path dir = Path.of("/run/user/1000/jhosts");
        ServerAddress a = ServerAddress.of(dir, Path.of("/home/u/.ssh/config"), Path.of("/home/u/.config/jhosts/jhosts.conf"));
        ServerAddress same = ServerAddress.of(dir, Path.of("/home/u/.ssh/../.ssh/config"),
                Path.of("/home/u/.config/jhosts/jhosts.conf"));
        ServerAddress other = ServerAddress.of(dir, Path.of("/home/u/work_config"), Path.of("/home/u/.config/jhosts/jhosts.conf"));
        assertThat(a).isEqualTo(same);
        assertThat(a.socket()).isNotEqualTo(other.socket());
        assertThat(a.socket().getParent()).isEqualTo(dir);
        assertThat(a.socket().getFileName().toString()).matches("jhosts-server-[0-9a-f]{16}");
        assertThat(a.pair()).isEqualTo("/home/u/.ssh/config\n/home/u/.config/jhosts/jhosts.conf");
        assertThat(a.lock().getFileName().toString()).isEqualTo(a.socket().getFileName() + ".lock");
        // a master's socket name (%C, hex) can never be taken for it
        assertThat(dev.jhosts.master.OwnSockets.isOwn(a.socket())).isTrue();
    }
}

package dev.jhosts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client takes for "the same server's socket" across a failed connect. */
class ServerConnectionTest {
    @TempDir
    Path dir;

    @Test
    void aSocketRemovedAndBoundAgainIsAnotherEvenOnTheFreedInode() throws Exception {
        Path socket = dir.resolve("server.sock");
        bindAndClose(socket);
        Optional<Object> first = ServerConnection.identity(socket);
        Files.delete(socket);
        Thread.sleep(50); // a later start, as a new server's always is (file times have a clock tick's grain)
        bindAndClose(socket);
        Optional<Object> second = ServerConnection.identity(socket);

        // on ext4 the second socket gets the first one's freed inode: only its time tells them apart
        assertThat(first).isPresent();
        assertThat(second).isPresent().isNotEqualTo(first);
        assertThat(ServerConnection.identity(socket)).as("unchanged, the same").isEqualTo(second);
        Files.delete(socket);
        assertThat(ServerConnection.identity(socket)).isEmpty();
    }

    private static void bindAndClose(Path socket) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
    }
}

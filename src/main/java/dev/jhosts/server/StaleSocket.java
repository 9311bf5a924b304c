package dev.jhosts.server;

import dev.jhosts.mux.LocalUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;

/** Whether a socket file is a dead server's: the user's own, and refusing connections. */
final class StaleSocket {
    private StaleSocket() {}

    static boolean provedDead(Path socket) throws IOException {
        Object owner = Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (((Number) owner).longValue() != LocalUser.uid()) {
            throw new IOException(socket + " belongs to another user; jhosts leaves it alone");
        }
        try (AFUNIXSocket probe = AFUNIXSocket.newInstance()) {
            probe.connect(AFUNIXSocketAddress.of(socket), 1000);
            return false;
        } catch (ConnectionRefusedSocketException refused) {
            return true;
        }
    }
}

package dev.jhosts.mux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * Two connected Unix stream sockets, as socketpair(2) makes them, made by a listen, a connect
 * and an accept on a socket in a new directory only this user can enter (removed at once).
 * junixsocket's own pair (AFUNIXSocketPair.open, 2.10 and 2.11) opens a socket for each
 * channel first and then writes the pair's descriptors over theirs without closing them: two
 * descriptors lost per pair, which a server making pairs for every picker, session and command
 * would collect until it could open no more.
 */
public record ConnectedPair(AFUNIXSocketChannel first, AFUNIXSocketChannel second) {
    public static ConnectedPair open() throws IOException {
        Path directory = Files.createTempDirectory("jhosts-pair"); // 0700 where files have POSIX permissions
        Path path = directory.resolve("s");
        try {
            AFUNIXSocketAddress address = AFUNIXSocketAddress.of(path);
            try (AFUNIXServerSocketChannel listener = AFUNIXServerSocketChannel.open()) {
                listener.bind(address, 1);
                AFUNIXSocketChannel first = AFUNIXSocketChannel.open(address);
                try {
                    return new ConnectedPair(first, listener.accept());
                } catch (IOException | RuntimeException e) {
                    first.close();
                    throw e;
                }
            }
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(directory);
        }
    }
}

package dev.jhosts.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A server's socket removed by its own shut-down ({@link #removeNow}), or when its JVM ends
 * without one: by a signal (SIGTERM, as {@code kill} sends it; SIGINT). The socket would otherwise stay behind: the next
 * client proves it dead and removes it, but a launcher that looks for a cold start (no server's
 * socket at all) would leave that start to its client. Only the socket the server bound, told by
 * its file's identity: never one that another server made since.
 */
final class SocketRemovalAtExit implements Runnable {
    private final Path socket;
    private final Object identity;
    private final Thread hook;

    private SocketRemovalAtExit(Path socket, Object identity) {
        this.socket = socket;
        this.identity = identity;
        this.hook = new Thread(this, "jhosts-server-socket-removal");
    }

    /** Armed for {@code socket} as it is now; empty when it is not there. */
    static Optional<SocketRemovalAtExit> arm(Path socket) {
        Optional<Object> identity = identity(socket);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        SocketRemovalAtExit removal = new SocketRemovalAtExit(socket, identity.get());
        Runtime.getRuntime().addShutdownHook(removal.hook);
        return Optional.of(removal);
    }

    /** The server's own shut-down: the socket removed now (if still the one it bound), nothing left for the JVM's end. */
    void removeNow() {
        disarm();
        run();
    }

    private void disarm() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ending) {
            // the JVM is ending already: the hook runs and finds the socket gone
        }
    }

    @Override
    public void run() {
        if (identity(socket).filter(identity::equals).isPresent()) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException ignored) {
                // the next client proves it dead and removes it
            }
        }
    }

    /** The file's identity (device and inode), when it is there. */
    static Optional<Object> identity(Path file) {
        try {
            return Optional.ofNullable(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

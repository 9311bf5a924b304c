package dev.jhosts.server;

import dev.jhosts.master.OwnSockets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the jhosts server for one ssh config and settings file listens: one server per pair,
 * as {@code tmux -L} names servers. The socket is in jhosts' default control directory (private
 * to the user), named from a digest of the two files' absolute paths, so that a client finds it
 * from its command line and environment alone, without reading the settings.
 *
 * @param socket the server's socket
 * @param lock the file a starting server locks, so that two never serve one socket
 */
public record ServerAddress(Path socket, Path lock) {
    public static ServerAddress of(Path controlDirectory, Path sshConfig, Path settingsFile) {
        String pair = sshConfig.toAbsolutePath().normalize() + "\n" + settingsFile.toAbsolutePath().normalize();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getBytes(StandardCharsets.UTF_8));
            Path socket = OwnSockets.in(controlDirectory, "server", HexFormat.of().formatHex(digest, 0, 8));
            return new ServerAddress(socket, socket.resolveSibling(socket.getFileName() + ".lock"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    public Path directory() {
        return socket.getParent();
    }
}

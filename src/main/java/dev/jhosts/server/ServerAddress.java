package dev.jhosts.server;

import dev.jhosts.config.Locations;
import dev.jhosts.master.OwnSockets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the jhosts server for one ssh config and settings file listens: one server per pair,
 * as {@code tmux -L} names servers. The socket is in jhosts' default control directory (private
 * to the user), named from a 64-bit FNV-1a digest of the two files' absolute paths, so that a
 * client finds it from its command line and environment alone, without reading the settings
 * (and without the start-up of a cryptographic provider: the name needs no secrecy, and the
 * server checks the pair itself in the client's first message).
 *
 * @param socket the server's socket
 * @param lock the file a starting server locks, so that two never serve one socket
 * @param pair the two files it serves, as the client's first message names them
 */
public record ServerAddress(Path socket, Path lock, String pair) {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    public static ServerAddress of(Path controlDirectory, Path sshConfig, Path settingsFile) {
        String pair = sshConfig.toAbsolutePath().normalize() + "\n" + settingsFile.toAbsolutePath().normalize();
        long digest = FNV_OFFSET;
        for (byte b : pair.getBytes(StandardCharsets.UTF_8)) {
            digest = (digest ^ (b & 0xff)) * FNV_PRIME;
        }
        Path socket = OwnSockets.in(controlDirectory, "server", hex16(digest));
        return new ServerAddress(socket, socket.resolveSibling(socket.getFileName() + ".lock"), pair);
    }

    /**
     * The server a picker started with {@code words} (only {@code -F FILE} and {@code -c FILE})
     * reaches, in a process of {@code locations} working in {@code directory}, as its client
     * would find it; empty for any other words.
     */
    public static Optional<ServerAddress> ofPicker(List<String> words, Locations locations, Path directory) {
        Path sshConfig = locations.userSshConfig();
        Path settings = locations.settingsFile();
        for (int i = 0; i < words.size(); i += 2) {
            if (i + 1 >= words.size()) {
                return Optional.empty();
            }
            switch (words.get(i)) {
                case "-F" -> sshConfig = directory.resolve(words.get(i + 1));
                case "-c" -> settings = directory.resolve(words.get(i + 1));
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(of(locations.defaultControlDirectory(), sshConfig, settings));
    }

    /** The server found at {@code socket} (its pair unknown: for stopping it). */
    public static ServerAddress at(Path socket) {
        return new ServerAddress(socket, socket.resolveSibling(socket.getFileName() + ".lock"), "");
    }

    /**
     * The named pipe where the launcher asks for a picker's first frame on its terminal while
     * its client's JVM starts ({@link PreviewRequests}).
     */
    public Path previews() {
        return socket.resolveSibling(socket.getFileName() + ".preview");
    }

    public Path directory() {
        return socket.getParent();
    }

    /** Sixteen hex digits, zero-padded, without java.util.Formatter (a client's start pays for it). */
    private static String hex16(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}

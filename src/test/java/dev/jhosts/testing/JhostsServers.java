package dev.jhosts.testing;

import dev.jhosts.client.ServerClient;
import dev.jhosts.master.OwnSockets;
import dev.jhosts.server.ServerAddress;
import dev.jhosts.server.ToServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The jhosts servers a test started, found by their sockets in a control directory. */
public final class JhostsServers {
    private static final long STOP_MILLIS = 10_000;

    private JhostsServers() {}

    /** The server sockets in {@code directory} (none when it does not exist). */
    public static List<Path> in(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> OwnSockets.isOwn(path)
                    && path.getFileName().toString().startsWith("jhosts-server-")
                    && !path.getFileName().toString().endsWith(".lock")
                    && !path.getFileName().toString().endsWith(".preview")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Stops every server in {@code directory}, sessions and all, and waits (bounded) until their sockets are gone. */
    public static void stopAll(Path directory) {
        for (Path socket : in(directory)) {
            try {
                ServerClient.ask(ServerAddress.at(socket), "",
                        ToServer.Purpose.STOP, List.of("--force"));
            } catch (IOException e) {
                // a server that cannot be reached ends when its directory is removed
            }
        }
        long deadline = System.nanoTime() + STOP_MILLIS * 1_000_000;
        while (!in(directory).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

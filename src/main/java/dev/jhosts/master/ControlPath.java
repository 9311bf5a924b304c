package dev.jhosts.master;

import java.nio.file.Path;

/**
 * Where a host's master listens.
 *
 * @param socket the expanded socket path
 * @param hostsOwn true when the user's ssh config sets it (so other tools share the master),
 *     false when it is in jhosts' control directory
 */
public record ControlPath(Path socket, boolean hostsOwn) {}

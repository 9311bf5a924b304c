package dev.jhosts.master;

import java.nio.file.Path;

/**
 * jhosts' own sockets in the control directory that are not masters: the askpass helpers'
 * channel now, the per-user server's socket next. They carry a reserved prefix that no master
 * socket jhosts names there can have ({@code %C} is hex digits), so that whatever looks for
 * masters in the directory (discovery, the status pane, {@code jhosts doctor}) passes them by:
 * asked MUX_C_ALIVE_CHECK, such a socket never answers and would pass for a frozen master.
 */
public final class OwnSockets {
    private static final String PREFIX = "jhosts-";

    private OwnSockets() {}

    /** The socket for {@code purpose} ({@code askpass}, {@code server}) in {@code directory}, told apart by {@code unique}. */
    public static Path in(Path directory, String purpose, String unique) {
        return directory.resolve(PREFIX + purpose + "-" + unique);
    }

    /** Whether {@code socket}, found in the control directory, is one of jhosts' own and no master. */
    public static boolean isOwn(Path socket) {
        Path name = socket.getFileName();
        return name != null && name.toString().startsWith(PREFIX);
    }
}

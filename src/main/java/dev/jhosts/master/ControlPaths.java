package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Chooses a host's ControlPath: the host's own when its ssh config sets one (as {@code ssh -G}
 * prints it, expanded), else a file in jhosts' control directory named like OpenSSH's {@code %C}:
 * the SHA-1 of local host, host name, port, user and ProxyJump, so that aliases reaching the same
 * place share one master.
 *
 * <p>For a host without ProxyJump that is exactly {@code %C} (readconf.c ssh_connection_hash:
 * SHA-1 of {@code %l%h%p%r}). For a host with one it is not: OpenSSH before 9.6 leaves the jump
 * out of {@code %C}, so hosts of one name and port behind two different bastions would share a
 * socket — a session meant for one would open on the other; 9.6 adds only the last hop's host
 * name. jhosts keeps its names (they never change under a running master) and {@link
 * SshConfigSnippet} names those sockets for plain ssh host by host.
 */
public final class ControlPaths {
    /**
     * Linux's sun_path holds 108 bytes; the master binds a temporary name 17 bytes longer than the
     * ControlPath first, so a longer path fails only after authentication.
     */
    public static final int MAX_BYTES = 90;

    private final ControlDirectory directory;
    private final String localHost;

    public ControlPaths(ControlDirectory directory) {
        this.directory = directory;
        this.localHost = localHostName();
    }

    /** The ControlPath for a host, checked against {@link #MAX_BYTES}. */
    public ControlPath forHost(EffectiveOptions options) throws MasterException {
        ControlPath path = options.controlPath()
                .map(own -> new ControlPath(Path.of(own), true))
                .orElseGet(() -> new ControlPath(jhostsSocket(options), false));
        checkLength(path.socket());
        return path;
    }

    /** The socket jhosts gives a host whose ssh config sets no ControlPath (whether or not this one's does). */
    public Path jhostsSocket(EffectiveOptions options) {
        return directory.path().resolve(digest(
                localHost + options.hostname() + options.port() + options.user() + options.proxyJump()));
    }

    /** jhosts' control directory. */
    public Path directory() {
        return directory.path();
    }

    /** Refuses a socket path OpenSSH could not bind. */
    public static void checkLength(Path socket) throws MasterException {
        int bytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new MasterException("ControlPath " + socket + " is " + bytes + " bytes, over OpenSSH's limit of "
                    + MAX_BYTES + " (the master adds 17 bytes to it and Linux allows 108): "
                    + "use a shorter ControlPath, such as one ending in %C, or a shorter control-directory");
        }
    }

    /** Hex SHA-1, as OpenSSH's %C. */
    static String digest(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** The kernel's host name; no resolver lookup, which can stall on a badly set up machine. */
    private static String localHostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | UncheckedIOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }
}

package dev.jhosts.demo;

import dev.jhosts.master.ControlPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The demo's directory: {@code jhosts-demo-XXXXXX} in the temporary directory ({@code
 * java.io.tmpdir}), created 0700 under a random name; files in it are written 0600 and
 * directories 0700. The name is short on purpose: the control sockets in it must stay within
 * OpenSSH's ControlPath limit (a temporary directory whose path is too long for that is
 * replaced by {@code /tmp}).
 */
final class DemoDirectory {
    private static final String PREFIX = "jhosts-demo-";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NAME_CHARACTERS = 6;
    /** A control socket's name in it: {@code /c/} and a 40-digit %C. */
    private static final int SOCKET_SUFFIX = "/c/".length() + 40;
    /** The ControlPath limit the master package checks (ControlPaths.MAX_BYTES). */
    private static final int CONTROL_PATH_LIMIT = ControlPaths.MAX_BYTES;
    private static final int ATTEMPTS = 20;
    private static final int DELETE_ATTEMPTS = 3;
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path root;

    private DemoDirectory(Path root) {
        this.root = root;
    }

    static DemoDirectory create() throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir", "/tmp")).toAbsolutePath().normalize();
        if (bytes(base) + 1 + PREFIX.length() + NAME_CHARACTERS + SOCKET_SUFFIX > CONTROL_PATH_LIMIT) {
            base = Path.of("/tmp");
        }
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StringBuilder name = new StringBuilder(PREFIX);
            for (int i = 0; i < NAME_CHARACTERS; i++) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            Path root = base.resolve(name.toString());
            try {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            // the umask may have taken bits away; 0700 exactly
            Files.setPosixFilePermissions(root, PRIVATE_DIRECTORY);
            return new DemoDirectory(root);
        }
        throw new IOException("cannot make a directory for the demo in " + base);
    }

    private static int bytes(Path path) {
        return path.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    Path root() {
        return root;
    }

    /** A new directory {@code name} in it, 0700. */
    Path mkdir(String name) throws IOException {
        Path directory = root.resolve(name);
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
        Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY);
        return directory;
    }

    /** Writes a new file (0600; never through an existing file or link). */
    void write(Path file, String text) throws IOException {
        Files.write(Files.createFile(file, PRIVATE_FILE), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Removes the directory and everything in it (links are removed, never followed). Files
     * that vanish meanwhile (a master removing its socket as it dies) are no trouble; the walk
     * is tried again a few times before a path that cannot be removed is reported.
     */
    void delete() {
        for (int attempt = 0; attempt < DELETE_ATTEMPTS && Files.exists(root, LinkOption.NOFOLLOW_LINKS); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException changedMeanwhile) {
                if (attempt == DELETE_ATTEMPTS - 1) {
                    System.err.println("jhosts: demo: cannot remove " + root + ": " + changedMeanwhile.getMessage());
                }
            }
        }
    }
}

package dev.jhosts.master;

import dev.jhosts.mux.LocalUser;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * jhosts' directory for control sockets, master logs and launch records. Created 0700; refused
 * when another user owns it, when it is a symbolic link, or when others can write it, since
 * whoever can write there can plant a socket that jhosts would hand a terminal to.
 */
public record ControlDirectory(Path path) {
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OTHERS_ENTER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    /** Creates the directory if needed and checks that only this user can use it. */
    public static ControlDirectory prepare(Path path) throws MasterException {
        Path dir = path.toAbsolutePath().normalize();
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                createPrivate(dir);
            }
            if (Files.isSymbolicLink(dir)) {
                throw new MasterException("control directory " + dir + " is a symbolic link; refusing to use it");
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new MasterException("control directory " + dir + " is not a directory");
            }
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int me = currentUid();
            if (owner != me) {
                throw new MasterException("control directory " + dir + " belongs to uid " + owner
                        + ", not to you (uid " + me + "); refusing to use it");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
                throw new MasterException("control directory " + dir + " can be written by others ("
                        + PosixFilePermissions.toString(permissions) + "); refusing to use it: chmod 700 " + dir);
            }
            if (permissions.stream().anyMatch(OTHERS_ENTER::contains)) {
                // Ours and not writable by others: only tighten what others may read or enter.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return new ControlDirectory(dir);
        } catch (IOException e) {
            throw new MasterException("control directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivate(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent)) {
            createPrivate(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // another jhosts made it first; the checks that follow still apply
        }
        // The umask may have taken bits away; set exactly 0700.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    static int currentUid() {
        return Math.toIntExact(LocalUser.uid());
    }

    /** The file for jhosts' records about the master at {@code socket} ({@code .log}, {@code .master}). */
    public Path recordFor(Path socket, String suffix) {
        return path.resolve(ControlPaths.digest(socket.toString()).substring(0, 16) + suffix);
    }
}

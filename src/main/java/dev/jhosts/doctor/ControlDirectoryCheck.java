package dev.jhosts.doctor;

import dev.jhosts.master.ControlPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * jhosts' control directory, looked at and left as it is: it must be a real directory of this
 * user's that nobody else can write (whoever can write there can plant a socket jhosts would
 * hand a terminal to), and short enough for a socket name within OpenSSH's 90 bytes. The
 * doctor never creates or changes it; {@code master.ControlDirectory} does that on first use.
 */
final class ControlDirectoryCheck {
    static final String NAME = "control directory";
    /** A socket in it: the directory, a slash, 40 hex digits; OpenSSH's limit is 90 bytes. */
    private static final int SOCKET_NAME_BYTES = 41;
    private static final int MAX_SOCKET_BYTES = ControlPaths.MAX_BYTES;
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private ControlDirectoryCheck() {}

    static List<Finding> check(Path directory, int myUid) {
        Path dir = directory.toAbsolutePath().normalize();
        int bytes = dir.toString().getBytes(StandardCharsets.UTF_8).length + SOCKET_NAME_BYTES;
        if (bytes > MAX_SOCKET_BYTES) {
            return List.of(new Finding(NAME, Severity.PROBLEM, dir + ": its sockets would be " + bytes
                    + " bytes, over OpenSSH's limit of " + MAX_SOCKET_BYTES, "set control-directory to a shorter path"));
        }
        PosixFileAttributes attributes;
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return List.of(Finding.ok(NAME, dir + " does not exist yet; jhosts creates it 0700 when it first needs it"));
            }
            attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return List.of(new Finding(NAME, Severity.PROBLEM, dir + " is a symbolic link; jhosts refuses it",
                        "replace the link with a directory: rm " + dir + " && mkdir -m 700 " + dir));
            }
            if (!attributes.isDirectory()) {
                return List.of(new Finding(NAME, Severity.PROBLEM, dir + " is not a directory", "move it away"));
            }
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != myUid) {
                return List.of(new Finding(NAME, Severity.PROBLEM, dir + " belongs to uid " + owner + ", not to you (uid "
                        + myUid + "); jhosts refuses it", "set control-directory to a directory of yours"));
            }
        } catch (IOException e) {
            return List.of(new Finding(NAME, Severity.PROBLEM, dir + ": " + e.getMessage(), "check the directory's permissions"));
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        String mode = PosixFilePermissions.toString(permissions);
        if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
            return List.of(new Finding(NAME, Severity.PROBLEM, dir + " can be written by others (" + mode
                    + "); jhosts refuses to use it", "chmod 700 " + dir));
        }
        if (!mode.equals("rwx------")) {
            return List.of(new Finding(NAME, Severity.NOTE, dir + " can be read by others (" + mode
                    + "); jhosts sets it to 0700 when it next uses it", "chmod 700 " + dir));
        }
        return List.of(Finding.ok(NAME, dir + " (rwx------)"));
    }
}

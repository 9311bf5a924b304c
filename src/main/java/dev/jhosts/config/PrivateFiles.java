package dev.jhosts.config;

import dev.jhosts.mux.LocalUser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one way jhosts creates the files it keeps (history, the debug log, master logs, the
 * completion cache): mode 0600 in a directory of mode 0700, whatever the umask, and never
 * through a symbolic link, so that nobody else can read them, and a link planted where jhosts
 * writes cannot make it write somewhere else.
 *
 * <ul>
 *   <li>{@link #directory} creates a directory (and its missing parents) 0700, or checks an
 *       existing one: a real directory, this user's, that nobody else can write;
 *   <li>{@link #open} opens a file for writing ({@code O_NOFOLLOW}; created 0600);
 *   <li>{@link #replace} replaces a file's content atomically (a new 0600 file beside it,
 *       written, synced and renamed over it; the rename replaces a link, never follows it).
 * </ul>
 *
 * <p>Each refusal is an {@link IOException} whose message is one line saying what to do.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_MODE =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY);
    private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {}

    /**
     * Makes {@code dir} usable for private files and returns it: creates it and any missing
     * parent with mode 0700 (set exactly, since the umask applies to {@code mkdir}); an existing
     * directory must not be a symbolic link, must belong to this user and must not be writable
     * by group or others (whoever can write it can swap jhosts' files); read or search rights
     * of others on it are taken away.
     */
    public static Path directory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            create(absolute);
        }
        PosixFileAttributes attributes =
                Files.readAttributes(absolute, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new IOException(absolute + " is a symbolic link; jhosts keeps its files only in a real "
                    + "directory: replace the link with a directory (mkdir -m 700 " + absolute + ")");
        }
        if (!attributes.isDirectory()) {
            throw new IOException(absolute + " is not a directory: move it away");
        }
        requireOwner(absolute, "directory");
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
            throw new IOException(absolute + " can be written by others (" + PosixFilePermissions.toString(permissions)
                    + "); jhosts keeps no files there: chmod 700 " + absolute);
        }
        if (!permissions.equals(OWNER_ONLY_DIRECTORY)) {
            Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIRECTORY);
        }
        return absolute;
    }

    /**
     * Opens {@code file} for writing, creating it with mode 0600 when it does not exist, never
     * through a symbolic link ({@code O_NOFOLLOW}); {@code extra} adds options such as {@code
     * APPEND} or {@code TRUNCATE_EXISTING}. An existing file must be a regular file of this
     * user's (a FIFO would block the open); its mode is set to 0600. The directory is not
     * checked: make it with {@link #directory} first.
     */
    public static FileChannel open(Path file, OpenOption... extra) throws IOException {
        refuseLinkOrSpecial(file);
        Set<OpenOption> options = new LinkedHashSet<>(Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        options.addAll(Set.of(extra));
        FileChannel channel;
        try {
            channel = FileChannel.open(file, options, FILE_MODE);
        } catch (FileSystemException e) {
            refuseLinkOrSpecial(file);  // planted since the look above: say so
            throw e;
        }
        try {
            refuseLinkOrSpecial(file);
            requireOwner(file, "file");
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Replaces {@code file}'s content with {@code content} atomically: readers see the old
     * content or the new, never a part. The new file is created 0600 ({@code O_CREAT|O_EXCL},
     * no link followed) beside it, synced, and renamed over it.
     */
    public static void replace(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = directory.resolve("." + file.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextLong())
                + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), FILE_MODE)) {
                Files.setPosixFilePermissions(temporary, OWNER_ONLY_FILE);
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void create(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            create(parent);
        }
        try {
            Files.createDirectory(dir, DIRECTORY_MODE);
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
        } catch (FileAlreadyExistsException raced) {
            // another jhosts made it first; the caller's checks still apply
        }
    }

    private static void refuseLinkOrSpecial(Path file) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(file + " is a symbolic link; jhosts does not write through links: remove it");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file; jhosts does not write to it: move it away");
        }
    }

    private static void requireOwner(Path path, String what) throws IOException {
        int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int me = currentUid();
        if (owner != me) {
            throw new IOException(path + ": the " + what + " belongs to uid " + owner + ", not to you (uid " + me
                    + "); jhosts does not use it: remove it, or choose a directory of your own");
        }
    }

    /** This process' uid (whom the files must belong to); one lookup for all of jhosts ({@link LocalUser}). */
    public static int currentUid() {
        return Math.toIntExact(LocalUser.uid());
    }
}

package dev.jhosts.catalog;

import dev.jhosts.config.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces an ssh config file the way a careful editor does: through a symbolic link to its
 * target (the link stays), with the target's mode, owner and group, atomically (a temporary
 * file in the same directory, then rename), keeping the previous version under the backup
 * directory, and only when the file is still what was read.
 */
final class ConfigFileWriter {
    /** How many previous versions of one file are kept. */
    static final int KEPT_VERSIONS = 10;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * A file as it was read: {@code named} as the config names it, {@code target} where its bytes
     * are (a link followed), {@code exists} false for a file a new host will create.
     */
    record Snapshot(Path named, Path target, boolean exists, byte[] bytes, String digest) {
        Snapshot {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The file could not be replaced; nothing was written. One line. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final Path backupDirectory;

    /** {@code backupDirectory}: where previous versions go, beside no ssh config (no Include glob reads it). */
    ConfigFileWriter(Path backupDirectory) {
        this.backupDirectory = backupDirectory;
    }

    static Snapshot read(Path named) throws IOException {
        Path target = target(named);
        if (!Files.exists(target)) {
            return new Snapshot(named, target, false, new byte[0], digest(new byte[0]));
        }
        if (!Files.isRegularFile(target)) {
            throw new IOException(named + " is not a regular file");
        }
        byte[] bytes = Files.readAllBytes(target);
        return new Snapshot(named, target, true, bytes, digest(bytes));
    }

    /** Where the bytes of {@code named} are: the end of its chain of links (it may not exist yet). */
    static Path target(Path named) throws IOException {
        Path path = named.toAbsolutePath();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(path); hops++) {
            Path link = Files.readSymbolicLink(path);
            path = path.resolveSibling(link).normalize();
        }
        if (Files.isSymbolicLink(path)) {
            throw new IOException(named + ": too many levels of symbolic links");
        }
        return path;
    }

    /**
     * Writes {@code bytes} in place of the snapshot's file; returns the backup of the previous
     * version (empty path when the file is new). Refused when the file changed since the snapshot.
     */
    Path replace(Snapshot snapshot, byte[] bytes) throws Refused, IOException {
        checkUnchanged(snapshot);
        Path target = snapshot.target();
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            throw new IOException("the directory " + directory + " does not exist: create it first");
        }
        Set<PosixFilePermission> permissions;
        PosixFileAttributes attributes = null;
        if (snapshot.exists()) {
            attributes = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            permissions = attributes.permissions();
        } else {
            permissions = PosixFilePermissions.fromString("rw-------");
        }
        Path backup = snapshot.exists() ? backup(snapshot) : Path.of("");
        // A dot name: no "Include config.d/*" reads it while it exists (glob(3) skips dot files).
        Path temporary = directory.resolve("." + target.getFileName() + ".jhosts-"
                + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (attributes != null) {
                keepOwner(temporary, attributes);
            }
            Files.setPosixFilePermissions(temporary, permissions);
            // Checked again right before the rename: the window for another editor is this one step.
            checkUnchanged(snapshot);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically: " + e.getMessage());
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return backup;
    }

    /** The owner and group of the original: a root user editing someone's config must not take it over. */
    private static void keepOwner(Path temporary, PosixFileAttributes original) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        PosixFileAttributes made = view.readAttributes();
        UserPrincipal owner = original.owner();
        GroupPrincipal group = original.group();
        try {
            if (!made.owner().equals(owner)) {
                view.setOwner(owner);
            }
            if (!made.group().equals(group)) {
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new IOException("cannot keep the owner " + owner.getName() + ":" + group.getName() + " of the file: "
                    + e.getMessage());
        }
    }

    /** Refused when the file's bytes (or its existence) differ from the snapshot's. */
    static void checkUnchanged(Snapshot snapshot) throws Refused, IOException {
        Path now = target(snapshot.named());
        if (!now.equals(snapshot.target())) {
            throw new Refused(snapshot.named() + " now links to " + now + " (changed since jhosts read it); nothing written");
        }
        boolean exists = Files.exists(now);
        if (exists != snapshot.exists()) {
            throw new Refused(snapshot.named() + (exists ? " was created" : " was removed")
                    + " since jhosts read it; nothing written");
        }
        if (exists) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(now);
            } catch (NoSuchFileException e) {
                throw new Refused(snapshot.named() + " was removed since jhosts read it; nothing written");
            }
            if (!digest(bytes).equals(snapshot.digest())) {
                throw new Refused(snapshot.named() + " changed since jhosts read it (another editor?); nothing "
                        + "written: run the command again");
            }
        }
    }

    /**
     * Copies the previous version to {@code BACKUPS/<the file's absolute path>/<UTC time>}, 0600 in
     * 0700 directories, never through a link ({@link PrivateFiles}); the oldest beyond
     * {@link #KEPT_VERSIONS} go.
     */
    private Path backup(Snapshot snapshot) throws IOException {
        Path target = snapshot.target().toAbsolutePath().normalize();
        Path directory = backupDirectory;
        for (Path part : target.getParent()) {
            directory = directory.resolve(part.toString());
        }
        directory = directory.resolve(target.getFileName().toString());
        PrivateFiles.directory(directory);
        Path backup = directory.resolve(STAMP.format(Instant.now()));
        for (int i = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); i++) {
            backup = directory.resolve(STAMP.format(Instant.now()) + "-" + i);
        }
        try (FileChannel channel = PrivateFiles.open(backup, StandardOpenOption.CREATE_NEW)) {
            ByteBuffer buffer = ByteBuffer.wrap(snapshot.bytes());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        prune(directory);
        return backup;
    }

    private static void prune(Path directory) throws IOException {
        List<Path> versions;
        try (Stream<Path> entries = Files.list(directory)) {
            versions = new ArrayList<>(entries.filter(Files::isRegularFile).sorted().toList());
        }
        while (versions.size() > KEPT_VERSIONS) {
            Files.deleteIfExists(versions.remove(0));
        }
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

}

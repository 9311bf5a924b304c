package dev.jhosts.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The local file system as a copy's side. */
final class LocalSide implements Side {
    private static final int BATCH = 512;

    private final Path here;

    /** @param here what relative paths are relative to (the empty path: this process's working directory) */
    LocalSide(Path here) {
        this.here = here;
    }

    /** {@code path} as meant where the copy was asked for. */
    Path at(String path) {
        return here.resolve(path);
    }

    @Override
    public String label() {
        return "local";
    }

    @Override
    public Optional<Node> stat(String path) throws IOException {
        return node(at(path));
    }

    @Override
    public Optional<Node> lstat(String path) throws IOException {
        return node(at(path), LinkOption.NOFOLLOW_LINKS);
    }

    static Optional<Node> node(Path path, LinkOption... options) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int mode = mode(attributes.permissions());
        long atime = attributes.lastAccessTime().to(TimeUnit.SECONDS);
        long mtime = attributes.lastModifiedTime().to(TimeUnit.SECONDS);
        if (attributes.isSymbolicLink()) {
            return Optional.of(new Node.Link());
        }
        if (attributes.isDirectory()) {
            return Optional.of(new Node.Directory(mode, atime, mtime));
        }
        if (attributes.isRegularFile()) {
            return Optional.of(new Node.File(attributes.size(), mode, atime, mtime));
        }
        return Optional.of(new Node.Other());
    }

    @Override
    public void list(String directory, Consumer<List<Entry>> batch) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(at(directory))) {
            for (Path path : stream) {
                Optional<Node> node = node(path, LinkOption.NOFOLLOW_LINKS);
                if (node.isPresent()) {
                    entries.add(new Entry(path.getFileName().toString(), node.get()));
                }
                if (entries.size() == BATCH) {
                    batch.accept(entries);
                    entries = new ArrayList<>();
                }
            }
        }
        if (!entries.isEmpty()) {
            batch.accept(entries);
        }
    }

    @Override
    public String readLink(String path) throws IOException {
        return Files.readSymbolicLink(at(path)).toString();
    }

    @Override
    public Optional<String> child(String directory, String name) {
        return EntryNames.localChild(at(directory), name).map(Path::toString);
    }

    @Override
    public String baseName(String path) {
        Path name = at(path).toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }

    @Override
    public Optional<String> parent(String path) {
        return Optional.ofNullable(at(path).toAbsolutePath().normalize().getParent()).map(Path::toString);
    }

    @Override
    public void makeDirectory(String path, int mode) throws IOException {
        Path directory = at(path);
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(permissions(mode | 0700)));
        } catch (FileAlreadyExistsException e) {
            // a directory there is fine; a link to one is not (it could lead anywhere)
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(path, null, "exists and is not a directory");
            }
        }
    }

    @Override
    public void makeLink(String target, String link) throws IOException {
        Path path = at(link);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(link, null, "a directory is there");
        }
        Files.deleteIfExists(path);
        Files.createSymbolicLink(path, at(target));
    }

    @Override
    public void remove(String path) throws IOException {
        Files.deleteIfExists(at(path));
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(at(from), at(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void keepModeAndTimes(String path, int mode, long accessTime, long modifyTime) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(at(path), PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setPermissions(permissions(mode));
        view.setTimes(FileTime.from(modifyTime, TimeUnit.SECONDS), FileTime.from(accessTime, TimeUnit.SECONDS), null);
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & 1 << bit) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= switch (permission) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return mode;
    }
}

package dev.jhosts.sources;

import dev.jhosts.config.PrivateFiles;
import dev.jhosts.config.SourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The last output each source gave, for the next start: {@code DIR/NAME-DIGEST.json} (0600 in a
 * 0700 directory, see {@link PrivateFiles}), where DIGEST covers the source's type and command,
 * so that a changed command never reads the old one's hosts. The file holds the output as the
 * source printed it (read again with the same checks); its modification time is when.
 */
final class SourceCache {
    private final Path directory;

    SourceCache(Path directory) {
        this.directory = directory;
    }

    /** What was cached, with when the source printed it. */
    record Entry(String text, Instant fetchedAt) {}

    /**
     * The cached output of {@code spec}, when there is one in a directory only this user can
     * write (one that others could write is not trusted: it is no cache).
     */
    Optional<Entry> read(SourceSpec spec) {
        Path file = file(spec);
        try {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            PrivateFiles.directory(directory);
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() > SourceCommand.MAX_OUTPUT) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes(SourceCommand.MAX_OUTPUT);
                return Optional.of(new Entry(new String(bytes, StandardCharsets.UTF_8),
                        attributes.lastModifiedTime().toInstant()));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code text}, printed at {@code at}; a cache that cannot be written costs the next start its hosts only. */
    void write(SourceSpec spec, String text, Instant at) throws IOException {
        PrivateFiles.directory(directory);
        Path file = file(spec);
        PrivateFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.from(at));
    }

    Path file(SourceSpec spec) {
        return directory.resolve(spec.name() + "-" + digest(spec) + ".json");
    }

    private static String digest(SourceSpec spec) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(spec.type().name().getBytes(StandardCharsets.UTF_8));
            for (String word : spec.command()) {
                sha.update((byte) 0);
                sha.update(word.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}

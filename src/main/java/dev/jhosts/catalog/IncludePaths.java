package dev.jhosts.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an Include argument into files as OpenSSH 9.x does: {@code ~/} is the home directory;
 * a relative path lives in {@code ~/.ssh} for a user config (this includes a file given with
 * {@code -F}) and in {@code /etc/ssh} for the system config, which may not use {@code ~}; the
 * result is expanded as glob(3) does and sorted by bytes (ssh leaves LC_COLLATE at "C").
 */
final class IncludePaths {
    private final Path home;
    private final Path systemDirectory;

    IncludePaths(Path home, Path systemDirectory) {
        this.home = home;
        this.systemDirectory = systemDirectory;
    }

    /** What an Include argument names. */
    sealed interface Expansion {
        /** The files, sorted. */
        record Files(List<Path> files) implements Expansion {
            public Files {
                files = List.copyOf(files);
            }
        }

        /**
         * Nothing matched; {@code wildcard} tells a pattern (matching nothing is ordinary, as
         * for an empty {@code config.d}) from a plain path (likely a mistake).
         */
        record Nothing(String anchored, boolean wildcard, boolean directoryMissing) implements Expansion {}

        /** ssh refuses the argument. */
        record Refused(String problem) implements Expansion {}
    }

    Expansion expand(String argument, boolean userConfig) {
        String anchored;
        if (argument.startsWith("~")) {
            if (!userConfig) {
                return new Expansion.Refused("bad include path " + argument
                        + " (the system config may not use ~)");
            }
            if (!argument.equals("~") && !argument.startsWith("~/")) {
                return new Expansion.Refused("Include " + argument + ": ~user paths are not read by jhosts");
            }
            anchored = home + argument.substring(1);
        } else if (argument.startsWith("/")) {
            anchored = argument;
        } else {
            anchored = (userConfig ? home.resolve(".ssh") : systemDirectory) + "/" + argument;
        }
        try {
            return glob(anchored);
        } catch (InvalidPathException e) {
            return new Expansion.Refused("Include " + argument + ": not a usable path");
        }
    }

    private static Expansion glob(String anchored) {
        String[] components = anchored.split("/+");
        boolean wildcard = Arrays.stream(components).anyMatch(GlobPattern::hasWildcards);
        List<Path> current = List.of(Path.of("/"));
        for (String component : components) {
            if (component.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            if (GlobPattern.hasWildcards(component)) {
                GlobPattern pattern = GlobPattern.compile(component);
                for (Path directory : current) {
                    addMatches(directory, pattern, next);
                }
            } else {
                String literal = GlobPattern.literal(component);
                for (Path directory : current) {
                    next.add(directory.resolve(literal));
                }
            }
            current = next;
        }
        List<Path> existing = new ArrayList<>(current.size());
        for (Path path : current) {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                existing.add(path);
            }
        }
        if (existing.isEmpty()) {
            int slash = anchored.lastIndexOf('/');
            String parent = slash <= 0 ? "/" : anchored.substring(0, slash);
            boolean directoryMissing = !GlobPattern.hasWildcards(parent) && !Files.isDirectory(Path.of(GlobPattern.literal(parent)));
            return new Expansion.Nothing(anchored, wildcard, directoryMissing);
        }
        existing.sort((a, b) -> Arrays.compareUnsigned(
                a.toString().getBytes(StandardCharsets.UTF_8), b.toString().getBytes(StandardCharsets.UTF_8)));
        return new Expansion.Files(existing);
    }

    private static void addMatches(Path directory, GlobPattern pattern, List<Path> into) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (pattern.matches(entry.getFileName().toString())) {
                    into.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // glob(3) skips directories it cannot read (no GLOB_ERR), and so does ssh.
        }
    }
}

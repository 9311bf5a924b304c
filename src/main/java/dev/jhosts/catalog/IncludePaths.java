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

    /**
     * Whether the Include argument names {@code file} (an absolute, normalised path), whether
     * or not it exists yet: a new file in an Included folder is read once it is written.
     */
    boolean names(String argument, boolean userConfig, Path file) {
        String anchored;
        if (argument.startsWith("~/") && userConfig) {
            anchored = home + argument.substring(1);
        } else if (argument.startsWith("/")) {
            anchored = argument;
        } else if (!argument.startsWith("~")) {
            anchored = (userConfig ? home.resolve(".ssh") : systemDirectory) + "/" + argument;
        } else {
            return false;
        }
        String[] components = Arrays.stream(anchored.split("/+")).filter(part -> !part.isEmpty()).toArray(String[]::new);
        if (components.length != file.getNameCount()) {
            return false;
        }
        for (int i = 0; i < components.length; i++) {
            String name = file.getName(i).toString();
            boolean matches = GlobPattern.hasWildcards(components[i])
                    ? GlobPattern.compile(components[i]).matches(name)
                            && (!name.startsWith(".") || components[i].startsWith("."))
                    : GlobPattern.literal(components[i]).equals(name);
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** Paths in the order glob(3) gives them (by bytes: ssh leaves LC_COLLATE at "C"). */
    static void sort(List<Path> paths) {
        paths.sort((a, b) -> Arrays.compareUnsigned(
                a.toString().getBytes(StandardCharsets.UTF_8), b.toString().getBytes(StandardCharsets.UTF_8)));
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
        sort(existing);
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

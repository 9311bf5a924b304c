package dev.jhosts.files;

import dev.jhosts.config.Printable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checks on a name a server sent in a directory listing before it becomes part of a path
 * here or there: one component, never "." or "..", no '/' or NUL. A download then also checks
 * that the local path it made is still under its destination.
 */
public final class EntryNames {
    private EntryNames() {}

    /** Why {@code name} cannot be a file's name inside a directory; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("an empty name");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("the name " + Printable.quoted(name));
        }
        if (name.indexOf('/') >= 0) {
            return Optional.of("a name with '/': " + Printable.quoted(name));
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("a name with a NUL byte: " + Printable.quoted(name));
        }
        if (name.indexOf('\uFFFD') >= 0) {
            return Optional.of("a name that is not UTF-8: " + Printable.quoted(name));
        }
        return Optional.empty();
    }

    /**
     * {@code directory/name} for a name {@link #problem} passed, refused (empty) if it would
     * still land outside {@code directory}.
     */
    public static Optional<Path> localChild(Path directory, String name) {
        if (problem(name).isPresent()) {
            return Optional.empty();
        }
        Path base = directory.toAbsolutePath().normalize();
        Path child = base.resolve(name).normalize();
        return child.getParent() != null && child.getParent().equals(base) ? Optional.of(child) : Optional.empty();
    }

    /** {@code directory/name} on the remote side ("/" is not doubled). */
    public static String remoteChild(String directory, String name) {
        if (directory.isEmpty() || directory.equals(".")) {
            return name;
        }
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    /** A name or path as it may be shown: control characters and escape sequences escaped. */
    public static String shown(String name) {
        return Printable.escaped(name);
    }
}

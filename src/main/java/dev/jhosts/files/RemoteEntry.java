package dev.jhosts.files;

/**
 * One entry of a remote directory, as the server named it. The name may be anything a hostile
 * server sends (slashes, "..", escape sequences): {@link EntryNames} says whether it can be used,
 * and shows it safely.
 */
public record RemoteEntry(String name, FileAttributes attributes) {
    public boolean isDirectory() {
        return attributes.isDirectory();
    }

    public boolean isSymbolicLink() {
        return attributes.isSymbolicLink();
    }

    /** "." and "..", which every listing of OpenSSH's server holds. */
    public boolean isSelfOrParent() {
        return name.equals(".") || name.equals("..");
    }
}

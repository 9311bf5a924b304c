package dev.jhosts.files;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One end of a copy, the local file system or a remote one over SFTP: what planning reads
 * and what executing writes, with paths as strings in the side's own syntax.
 */
interface Side {
    /** An entry of a listing: its name as the side gave it, and what it is (not following links). */
    record Entry(String name, Node node) {}

    /** "local" or the host's alias, for messages. */
    String label();

    /** What {@code path} is, following symbolic links; empty when it does not exist. */
    Optional<Node> stat(String path) throws IOException;

    /** As {@link #stat} without following a last symbolic link. */
    Optional<Node> lstat(String path) throws IOException;

    /** The entries of a directory ("." and ".." left out), in batches. */
    void list(String directory, Consumer<List<Entry>> batch) throws IOException;

    String readLink(String path) throws IOException;

    /** {@code directory/name}; empty when the name cannot be used here (it would leave the directory). */
    Optional<String> child(String directory, String name);

    /** The last component of {@code path} as a copy names it in its destination (the login directory's for "."). */
    String baseName(String path) throws IOException;

    /** The parent of {@code path}, or empty at the top. */
    Optional<String> parent(String path);

    /** Makes the directory (with {@code mode}, the umask applies); nothing when a directory is there. */
    void makeDirectory(String path, int mode) throws IOException;

    /** Makes {@code link} a symbolic link to {@code target}, replacing a file or link there. */
    void makeLink(String target, String link) throws IOException;

    void remove(String path) throws IOException;

    /** Renames {@code from} onto {@code to}, replacing it. */
    void rename(String from, String to) throws IOException;

    /** Sets the mode and times (as -p keeps them) of a file or directory. */
    void keepModeAndTimes(String path, int mode, long accessTime, long modifyTime) throws IOException;
}

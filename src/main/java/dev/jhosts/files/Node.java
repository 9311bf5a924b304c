package dev.jhosts.files;

/** What a path is, on either side, as a copy needs to know it. */
public sealed interface Node {
    /** A directory; {@code mode} its permission bits. */
    record Directory(int mode, long accessTime, long modifyTime) implements Node {}

    /** A regular file. */
    record File(long size, int mode, long accessTime, long modifyTime) implements Node {}

    /** A symbolic link (as lstat sees it). */
    record Link() implements Node {}

    /** A device, socket, fifo, or a type the server did not tell. */
    record Other() implements Node {}

    /** What {@code attributes} from an SFTP server describe. */
    static Node of(FileAttributes attributes) {
        if (attributes.isDirectory()) {
            return new Directory(attributes.mode(), attributes.accessTime(), attributes.modifyTime());
        }
        if (attributes.isRegularFile()) {
            return new File(attributes.knownSize().orElse(0), attributes.mode(), attributes.accessTime(),
                    attributes.modifyTime());
        }
        if (attributes.isSymbolicLink()) {
            return new Link();
        }
        return new Other();
    }
}

package dev.jhosts.probe;

import java.nio.file.Path;

/** A key in a known_hosts file, and where: the file and its 1-based line number. */
public record KnownKey(KeyFingerprint key, Path file, int line) {

    /** {@code FILE:LINE}, as OpenSSH's messages name an entry. */
    public String where() {
        return file + ":" + line;
    }
}

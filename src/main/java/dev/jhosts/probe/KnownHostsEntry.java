package dev.jhosts.probe;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One valid line of a known_hosts file.
 *
 * @param marker the line's marker
 * @param hosts the host field as written (patterns, or one hashed name)
 * @param blob the public key in SSH wire format
 * @param file the file
 * @param line its 1-based line number
 */
record KnownHostsEntry(Marker marker, String hosts, byte[] blob, Path file, int line) {

    enum Marker {
        /** A plain host key. */
        NONE,
        /** {@code @cert-authority}: a CA whose host certificates are trusted; not a host key. */
        CERT_AUTHORITY,
        /** {@code @revoked}: this key must never be accepted. */
        REVOKED
    }

    boolean holds(byte[] key) {
        return Arrays.equals(blob, key);
    }

    KnownKey known() {
        return new KnownKey(KeyFingerprint.of(blob), file, line);
    }
}

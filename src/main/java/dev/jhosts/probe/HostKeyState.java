package dev.jhosts.probe;

import java.nio.file.Path;
import java.util.List;

/**
 * The server's host key compared with the known_hosts files {@code ssh -G} names for the host,
 * with OpenSSH's rules (hostfile.c check_hostkeys_by_key_or_type): a plain entry with the same
 * key is a match; plain entries for the host with other keys and none the same mean the key has
 * changed, whatever their types; a {@code @revoked} entry with the key overrides everything.
 */
public sealed interface HostKeyState {

    /** The key is in known_hosts, at {@code entry}. */
    record Known(KnownKey entry) implements HostKeyState {}

    /**
     * No plain entry names the host. {@code certAuthorities} lists {@code @cert-authority}
     * entries that match it: ssh may accept a certificate signed by one, which a probe does not
     * check.
     */
    record Unknown(KeyFingerprint offered, List<KnownKey> certAuthorities) implements HostKeyState {
        public Unknown {
            certAuthorities = List.copyOf(certAuthorities);
        }
    }

    /**
     * Known_hosts holds other keys for the host and not this one: ssh refuses to connect
     * ("REMOTE HOST IDENTIFICATION HAS CHANGED"). {@code known} lists those entries in file
     * order (ssh's "Offending key" line names the last of them).
     */
    record Changed(KeyFingerprint offered, List<KnownKey> known) implements HostKeyState {
        public Changed {
            known = List.copyOf(known);
            if (known.isEmpty()) {
                throw new IllegalArgumentException("a changed key has known entries");
            }
        }
    }

    /** The key is marked {@code @revoked} at {@code file}:{@code line}: ssh refuses it. */
    record Revoked(KeyFingerprint offered, Path file, int line) implements HostKeyState {}

    /** The key was not seen; {@code reason} says why. */
    record NotChecked(String reason) implements HostKeyState {}

    /** The lower-case word the command line and JSON use. */
    default String word() {
        if (this instanceof Known) {
            return "known";
        } else if (this instanceof Unknown) {
            return "unknown";
        } else if (this instanceof Changed) {
            return "changed";
        } else if (this instanceof Revoked) {
            return "revoked";
        }
        return "not-checked";
    }
}

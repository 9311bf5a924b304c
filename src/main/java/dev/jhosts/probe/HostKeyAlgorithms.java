package dev.jhosts.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host key algorithms a probe offers, in the order OpenSSH's sshconnect2.c order_hostkeyalgs
 * would offer them for the host, so that a server with a key of a type known_hosts holds uses
 * that one (offered another, a probe would report a "changed" key where ssh connects).
 *
 * <p>Certificate algorithms are left out (the probe compares plain keys), and so are the ones
 * JSch cannot verify (the FIDO {@code sk-} types).
 */
final class HostKeyAlgorithms {
    /** What JSch 2.x verifies, most preferred first (its own default order). */
    static final List<String> SUPPORTED = List.of(
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "rsa-sha2-512", "rsa-sha2-256", "ssh-ed448", "ssh-rsa", "ssh-dss");

    private HostKeyAlgorithms() {}

    /**
     * {@code configured} (ssh -G hostkeyalgorithms; empty means OpenSSH's default, which JSch's
     * order follows) reduced to what can be negotiated, then reordered: when the first one's key
     * type is known, the list as it is; otherwise the algorithms of known types first, each group
     * in its configured order.
     */
    static List<String> forProbe(List<String> configured, Set<String> knownTypes) {
        List<String> usable = new ArrayList<>();
        for (String algorithm : configured.isEmpty() ? SUPPORTED : configured) {
            if (SUPPORTED.contains(algorithm) && !usable.contains(algorithm)) {
                usable.add(algorithm);
            }
        }
        if (usable.isEmpty()) {
            usable.addAll(SUPPORTED);
        }
        if (knownTypes.contains(keyType(usable.get(0)))) {
            return usable;
        }
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String algorithm : usable) {
            (knownTypes.contains(keyType(algorithm)) ? first : last).add(algorithm);
        }
        first.addAll(last);
        return first;
    }

    /** The key type an algorithm signs with: the RSA SHA-2 signatures use {@code ssh-rsa} keys. */
    static String keyType(String algorithm) {
        return algorithm.startsWith("rsa-sha2-") ? "ssh-rsa" : algorithm;
    }
}

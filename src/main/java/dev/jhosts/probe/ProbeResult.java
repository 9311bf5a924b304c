package dev.jhosts.probe;

import java.time.Instant;

/**
 * One probe of one host.
 *
 * @param target what was probed
 * @param reachability whether the SSH port answered
 * @param hostKey the server's host key against known_hosts ({@link HostKeyState.NotChecked} when
 *     the key exchange did not get as far as the key)
 * @param finishedAt when the probe ended
 */
public record ProbeResult(ProbeTarget target, Reachability reachability, HostKeyState hostKey, Instant finishedAt) {

    /**
     * Whether ssh would connect without a question: reachable, and the key known. (The command
     * line's exit status 0.)
     */
    public boolean reachableWithKnownKey() {
        return reachability instanceof Reachability.Reachable && hostKey instanceof HostKeyState.Known;
    }
}

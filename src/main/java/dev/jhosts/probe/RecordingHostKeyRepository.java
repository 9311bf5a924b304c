package dev.jhosts.probe;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.util.Optional;

/**
 * A host key repository that knows no key: it keeps the key the server proved it holds and
 * answers NOT_INCLUDED, so that with StrictHostKeyChecking=yes JSch's Session.connect fails right
 * after the key exchange (Session.checkHost, before SSH_MSG_SERVICE_REQUEST), and no user name or
 * credential is ever sent. The comparison with known_hosts is jhosts' own ({@link KnownHosts}).
 */
final class RecordingHostKeyRepository implements HostKeyRepository {
    private volatile byte[] offered;

    /** The server's host key blob, once the key exchange has got that far. */
    Optional<byte[]> offered() {
        byte[] key = offered;
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    @Override
    public int check(String host, byte[] key) {
        offered = key.clone();
        return NOT_INCLUDED;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // never: a probe records nothing anywhere
    }

    @Override
    public void remove(String host, String type) {
        // nothing is stored
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // nothing is stored
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return "jhosts probe";
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return new HostKey[0];
    }
}

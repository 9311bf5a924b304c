package dev.jhosts.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads known_hosts files (never writes them) and answers, for one name, what OpenSSH's
 * hostfile.c would: which entries match it, which key types are known for it, and how a key
 * the server offered compares. Each file is parsed once per version (modification time and size)
 * and shared by every probe.
 */
public final class KnownHosts {
    private final Map<Path, Cached> files = new ConcurrentHashMap<>();

    private record Cached(FileTime modified, long size, KnownHostsFile file) {}

    /** The entries of {@code paths} (in order) whose host field names {@code name}. */
    List<KnownHostsEntry> matching(List<Path> paths, String name) {
        List<KnownHostsEntry> found = new ArrayList<>();
        for (Path path : paths) {
            for (KnownHostsEntry entry : file(path).entries()) {
                if (HostPatterns.match(entry.hosts(), name) == HostPatterns.Match.YES) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    /**
     * The key types of the plain entries for {@code name}: the types ssh moves to the front of
     * HostKeyAlgorithms (sshconnect2.c order_hostkeyalgs).
     */
    public Set<String> knownKeyTypes(List<Path> paths, String name) {
        Set<String> types = new LinkedHashSet<>();
        for (KnownHostsEntry entry : matching(paths, name)) {
            if (entry.marker() == KnownHostsEntry.Marker.NONE) {
                KeyFingerprint.typeOf(entry.blob()).ifPresent(types::add);
            }
        }
        return types;
    }

    /** How {@code offered} (an SSH wire-format public key) compares with the entries for {@code name}. */
    public HostKeyState compare(List<Path> paths, String name, byte[] offered) {
        return compare(matching(paths, name), offered);
    }

    /**
     * hostfile.c check_hostkeys_by_key_or_type for a plain key: the first plain entry with the
     * key makes it known; plain entries without it make it changed, whatever their key types;
     * none, unknown. A matching {@code @revoked} entry with the key overrides all of these.
     */
    static HostKeyState compare(List<KnownHostsEntry> matching, byte[] offered) {
        KeyFingerprint key = KeyFingerprint.of(offered);
        for (KnownHostsEntry entry : matching) {
            if (entry.marker() == KnownHostsEntry.Marker.REVOKED && entry.holds(offered)) {
                return new HostKeyState.Revoked(key, entry.file(), entry.line());
            }
        }
        List<KnownKey> others = new ArrayList<>();
        List<KnownKey> authorities = new ArrayList<>();
        for (KnownHostsEntry entry : matching) {
            if (entry.marker() == KnownHostsEntry.Marker.NONE) {
                if (entry.holds(offered)) {
                    return new HostKeyState.Known(entry.known());
                }
                others.add(entry.known());
            } else if (entry.marker() == KnownHostsEntry.Marker.CERT_AUTHORITY) {
                authorities.add(entry.known());
            }
        }
        return others.isEmpty() ? new HostKeyState.Unknown(key, authorities) : new HostKeyState.Changed(key, others);
    }

    private KnownHostsFile file(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            files.remove(path);
            return new KnownHostsFile(path, List.of(), 0); // missing or unreadable: ssh skips it too
        }
        Cached cached = files.get(path);
        if (cached != null && cached.modified().equals(attributes.lastModifiedTime()) && cached.size() == attributes.size()) {
            return cached.file();
        }
        try {
            KnownHostsFile read = KnownHostsFile.read(path);
            files.put(path, new Cached(attributes.lastModifiedTime(), attributes.size(), read));
            return read;
        } catch (IOException e) {
            return new KnownHostsFile(path, List.of(), 0);
        }
    }
}

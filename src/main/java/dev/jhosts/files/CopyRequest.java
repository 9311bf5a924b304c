package dev.jhosts.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A copy between here and one or many hosts.
 *
 * @param upload local sources to the hosts, else the hosts' sources here
 * @param sources paths on the source side (remote ones relative to the login directory)
 * @param destination a path on the destination side ("" on a host: its login directory)
 * @param gather downloads from several hosts: each host's files go to {@code destination/ALIAS/}
 * @param here what relative local paths are relative to: where the copy was asked for (the
 *     empty path: this process's working directory)
 */
public record CopyRequest(boolean upload, List<String> sources, String destination, boolean gather,
                          CopyOptions options, Path here) {
    /** A copy asked for in this process's working directory. */
    public CopyRequest(boolean upload, List<String> sources, String destination, boolean gather, CopyOptions options) {
        this(upload, sources, destination, gather, options, Path.of(""));
    }

    public CopyRequest {
        sources = List.copyOf(sources);
        if (gather && upload) {
            throw new IllegalArgumentException("gathering is for downloads");
        }
    }

    /** Where {@code alias}'s copy goes: the destination, or its own directory in it when gathering; empty for an alias that cannot be a directory's name. */
    public Optional<String> destinationFor(String alias) {
        if (!gather) {
            return Optional.of(upload && destination.isEmpty() ? "." : destination);
        }
        return EntryNames.localChild(here.resolve(destination), alias).map(Path::toString);
    }
}

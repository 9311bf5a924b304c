package dev.jhosts.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Wildcards in a remote source's last component ({@code host:/var/log/*.log}), matched here
 * against the directory's listing as OpenSSH's sftp does (SFTP has no globbing and an
 * SFTP-only server no shell). A name that exists as written is taken as written; names starting
 * with '.' match only a pattern that starts with '.', as in the shell. No match leaves the
 * source as written (the copy then says it does not exist).
 */
final class RemoteGlobs {
    private RemoteGlobs() {}

    static List<String> expand(SftpClient client, List<String> sources) throws IOException {
        List<String> expanded = new ArrayList<>();
        for (String source : sources) {
            int slash = source.lastIndexOf('/');
            String pattern = source.substring(slash + 1);
            if (!hasWildcard(pattern) || exists(client, source)) {
                expanded.add(source);
                continue;
            }
            String directory = slash < 0 ? "." : slash == 0 ? "/" : source.substring(0, slash);
            PathMatcher matcher;
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            } catch (IllegalArgumentException e) {
                expanded.add(source);
                continue;
            }
            List<String> matches = new ArrayList<>();
            try {
                for (RemoteEntry entry : client.list(directory)) {
                    String name = entry.name();
                    if (entry.isSelfOrParent() || EntryNames.problem(name).isPresent()
                            || name.startsWith(".") && !pattern.startsWith(".")) {
                        continue;
                    }
                    if (matcher.matches(Path.of(name))) {
                        matches.add(slash < 0 ? name : EntryNames.remoteChild(directory, name));
                    }
                }
            } catch (SftpException e) {
                if (e.sessionLost()) {
                    throw e;
                }
            }
            matches.sort(null);
            expanded.addAll(matches.isEmpty() ? List.of(source) : matches);
        }
        return expanded;
    }

    private static boolean hasWildcard(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    private static boolean exists(SftpClient client, String path) throws IOException {
        try {
            client.lstat(path);
            return true;
        } catch (SftpException e) {
            if (e.sessionLost()) {
                throw e;
            }
            return false;
        }
    }
}

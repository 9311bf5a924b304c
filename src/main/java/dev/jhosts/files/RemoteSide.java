package dev.jhosts.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A host's file system over SFTP as a copy's side; relative paths are from the login directory. */
final class RemoteSide implements Side {
    private final String alias;
    private final SftpClient client;

    RemoteSide(String alias, SftpClient client) {
        this.alias = alias;
        this.client = client;
    }

    SftpClient client() {
        return client;
    }

    @Override
    public String label() {
        return alias;
    }

    @Override
    public Optional<Node> stat(String path) throws IOException {
        return existing(() -> client.stat(path));
    }

    @Override
    public Optional<Node> lstat(String path) throws IOException {
        return existing(() -> client.lstat(path));
    }

    private interface AttributesRequest {
        FileAttributes ask() throws IOException;
    }

    /** What the request found; empty for NO_SUCH_FILE. */
    private static Optional<Node> existing(AttributesRequest request) throws IOException {
        try {
            return Optional.of(Node.of(request.ask()));
        } catch (SftpException e) {
            if (e.status() == SftpStatus.NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void list(String directory, Consumer<List<Entry>> batch) throws IOException {
        client.readDirectory(directory, entries -> {
            List<Entry> named = new ArrayList<>(entries.size());
            for (RemoteEntry entry : entries) {
                if (!entry.isSelfOrParent()) {
                    // a server that sends no type (no permissions) makes the entry Other: reported, not guessed
                    named.add(new Entry(entry.name(), Node.of(entry.attributes())));
                }
            }
            batch.accept(named);
        });
    }

    @Override
    public String readLink(String path) throws IOException {
        return client.readLink(path);
    }

    @Override
    public Optional<String> child(String directory, String name) {
        return EntryNames.problem(name).isPresent() ? Optional.empty()
                : Optional.of(EntryNames.remoteChild(directory, name));
    }

    @Override
    public String baseName(String path) throws IOException {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (last.isEmpty() || last.equals(".") || last.equals("..")) {
            String real = client.realPath(path.isEmpty() ? "." : path);
            return real.substring(real.lastIndexOf('/') + 1);
        }
        return last;
    }

    @Override
    public Optional<String> parent(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return path.isEmpty() || path.equals(".") ? Optional.empty() : Optional.of(".");
        }
        return slash == 0 ? (path.length() > 1 ? Optional.of("/") : Optional.empty())
                : Optional.of(path.substring(0, slash));
    }

    @Override
    public void makeDirectory(String path, int mode) throws IOException {
        try {
            client.mkdir(path, FileAttributes.permissions(mode | 0700));
        } catch (SftpException e) {
            // sftp-server answers FAILURE for EEXIST: a directory there is fine
            Optional<Node> there = lstat(path);
            if (there.isEmpty() || !(there.get() instanceof Node.Directory)) {
                throw e;
            }
        }
    }

    @Override
    public void makeLink(String target, String link) throws IOException {
        Optional<Node> there = lstat(link);
        if (there.isPresent()) {
            if (there.get() instanceof Node.Directory) {
                throw new SftpException(SftpStatus.FAILURE, link + ": a directory is there");
            }
            client.remove(link);
        }
        client.symlink(target, link);
    }

    @Override
    public void remove(String path) throws IOException {
        client.remove(path);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        if (!client.supports(SftpMessages.POSIX_RENAME) && lstat(to).isPresent()) {
            client.remove(to);
        }
        client.rename(from, to);
    }

    @Override
    public void keepModeAndTimes(String path, int mode, long accessTime, long modifyTime) throws IOException {
        client.setStat(path, FileAttributes.modeAndTimes(mode, accessTime, modifyTime));
    }
}

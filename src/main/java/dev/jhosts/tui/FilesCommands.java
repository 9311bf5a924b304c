package dev.jhosts.tui;

import dev.jhosts.files.Cancellation;
import dev.jhosts.files.CopyOptions;
import dev.jhosts.files.CopyProgress;
import dev.jhosts.files.CopyRequest;
import dev.jhosts.files.CopyResult;
import dev.jhosts.files.CopyText;
import dev.jhosts.files.EntryNames;
import dev.jhosts.files.HostCopy;
import dev.jhosts.files.RemoteDirectory;
import dev.jhosts.files.RemoteEntry;
import dev.jhosts.files.SftpClient;
import dev.jhosts.files.SftpSessions;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.run.MasterText;
import dev.jhosts.tui.state.FileEntry;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.WorkNews;
import dev.jhosts.tui.state.WorkRequest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Carries out the files pane's work: listings, deletes, new folders and renames one at a time on
 * one thread, through an SFTP session kept per host on its master (made if needed, never
 * prompting); copies each on a thread of their own, over a session of their own, their progress
 * posted a few times a second. Every outcome, failures included, comes back as {@link WorkNews}.
 */
final class FilesCommands implements AutoCloseable {
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);
    private static final Duration MASTER_LIMIT = Duration.ofMinutes(2);
    /** How long quitting waits for a stopped copy to remove the file it was writing. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    private static final Comparator<FileEntry> ORDER = Comparator.comparing((FileEntry entry) -> !entry.directory())
            .thenComparing(FileEntry::name);

    private final Masters masters;
    private final Duration muxTimeout;
    private final Consumer<UiEvent> events;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-files");
        thread.setDaemon(true);
        return thread;
    });
    /** The browsing sessions, used on the worker thread only. */
    private final Map<String, SftpClient> sessions = new HashMap<>();
    private final Map<String, Cancellation> copies = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Thread> copyThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Where the local side starts: the directory of the terminal's shell (the client's, for a server). */
    private final Path localStart;

    FilesCommands(Masters masters, Duration muxTimeout, Consumer<UiEvent> events, Path localStart) {
        this.localStart = localStart;
        this.masters = masters;
        this.muxTimeout = muxTimeout;
        this.events = events;
    }

    static boolean handles(WorkRequest request) {
        return request instanceof WorkRequest.ListFiles || request instanceof WorkRequest.CopyFiles
                || request instanceof WorkRequest.StopCopy
                || request instanceof WorkRequest.DeleteFiles || request instanceof WorkRequest.MakeFolder
                || request instanceof WorkRequest.RenameFile;
    }

    void run(WorkRequest request) {
        if (request instanceof WorkRequest.CopyFiles copy) {
            Thread thread = new Thread(() -> {
                try {
                    copy(copy);
                } finally {
                    copyThreads.remove(Thread.currentThread());
                }
            }, "jhosts-files-copy");
            thread.setDaemon(true);
            copyThreads.add(thread);
            thread.start();
        } else if (request instanceof WorkRequest.StopCopy stop) {
            // the copy's thread sees it between two requests, removes the part, and says how it ended
            Cancellation cancellation = copies.get(stop.alias());
            if (cancellation != null) {
                cancellation.cancel();
            }
        } else {
            worker.execute(() -> onWorker(request));
        }
    }

    private void onWorker(WorkRequest request) {
        if (request instanceof WorkRequest.ListFiles list) {
            try {
                String[] path = new String[1];
                List<FileEntry> entries = list.remote() ? listRemote(list.alias(), list.path(), path)
                        : listLocal(list.path().isEmpty() ? localStart : Path.of(list.path()), path);
                post(new WorkNews.FilesListed(list.alias(), list.remote(), path[0], entries, list.select()));
            } catch (IOException | RuntimeException e) {
                post(new WorkNews.FilesUnavailable(list.alias(), list.remote(), reason(e)));
            }
        } else if (request instanceof WorkRequest.DeleteFiles delete) {
            changed(delete.alias(), delete.remote(), () -> {
                for (String path : delete.paths()) {
                    if (delete.remote()) {
                        deleteRemote(session(delete.alias()), path);
                    } else {
                        deleteLocal(Path.of(path));
                    }
                }
                return "deleted " + (delete.paths().size() == 1 ? EntryNames.shown(delete.paths().get(0))
                        : delete.paths().size() + " entries");
            });
        } else if (request instanceof WorkRequest.MakeFolder make) {
            changed(make.alias(), make.remote(), () -> {
                if (make.remote()) {
                    session(make.alias()).mkdir(make.path(), dev.jhosts.files.FileAttributes.NONE);
                } else {
                    Files.createDirectory(Path.of(make.path()));
                }
                return "made " + EntryNames.shown(make.path());
            });
        } else if (request instanceof WorkRequest.RenameFile rename) {
            changed(rename.alias(), rename.remote(), () -> {
                if (rename.remote()) {
                    session(rename.alias()).rename(rename.from(), rename.to());
                } else {
                    Path to = Path.of(rename.to());
                    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException(EntryNames.shown(rename.to()) + " exists");
                    }
                    Files.move(Path.of(rename.from()), to);
                }
                return "renamed to " + EntryNames.shown(rename.to());
            });
        }
    }

    private interface Change {
        String run() throws IOException;
    }

    private void changed(String alias, boolean remote, Change change) {
        String summary;
        try {
            summary = change.run();
        } catch (IOException | RuntimeException e) {
            summary = "failed: " + reason(e);
        }
        post(new WorkNews.FilesChanged(alias, remote, summary));
    }

    private List<FileEntry> listRemote(String alias, String path, String[] listed) throws IOException {
        SftpClient client = session(alias);
        RemoteDirectory.Listing listing;
        try {
            listing = RemoteDirectory.read(client, path, batch -> { });
        } catch (IOException e) {
            if (client.open()) {
                throw e;
            }
            // the session went away (the master was ended and made again): once more on a new one
            client = session(alias);
            listing = RemoteDirectory.read(client, path, batch -> { });
        }
        listed[0] = listing.path();
        List<FileEntry> entries = new ArrayList<>();
        for (RemoteEntry entry : listing.entries()) {
            boolean directory = entry.isDirectory();
            if (entry.isSymbolicLink()) {
                try {
                    directory = client.stat(EntryNames.remoteChild(listing.path(), entry.name())).isDirectory();
                } catch (IOException dangling) {
                    directory = false;
                }
            }
            entries.add(new FileEntry(entry.name(), directory, entry.attributes().knownSize().orElse(-1)));
        }
        entries.sort(ORDER);
        return entries;
    }

    private static List<FileEntry> listLocal(Path path, String[] listed) throws IOException {
        Path directory = path.toAbsolutePath().normalize();
        listed[0] = directory.toString();
        List<FileEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (EntryNames.problem(name).isPresent()) {
                    continue;
                }
                boolean isDirectory = Files.isDirectory(child);
                long size = -1;
                try {
                    size = isDirectory ? -1 : Files.size(child);
                } catch (IOException unreadable) {
                    // shown without a size
                }
                entries.add(new FileEntry(name, isDirectory, size));
            }
        }
        entries.sort(ORDER);
        return entries;
    }

    /** The browsing session of {@code alias}: kept while it is open, else a new one on its master. */
    private SftpClient session(String alias) throws IOException {
        SftpClient client = sessions.get(alias);
        if (client != null && client.open()) {
            return client;
        }
        if (client != null) {
            client.close();
        }
        SftpClient opened = SftpSessions.open(liveSocket(alias), muxTimeout);
        sessions.put(alias, opened);
        return opened;
    }

    /** The socket of {@code alias}'s master, made if needed (without prompting: a prompt is the list's Enter). */
    private Path liveSocket(String alias) throws IOException {
        MasterState state;
        try {
            state = masters.start(alias).get(MASTER_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no master: " + reason(e));
        }
        if (!(state instanceof MasterState.Live)) {
            throw new IOException(MasterText.describe(alias, state));
        }
        try {
            return masters.live(alias).map(LiveMaster::socket)
                    .orElseThrow(() -> new IOException("its master went away"));
        } catch (MasterException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void copy(WorkRequest.CopyFiles copy) {
        Cancellation cancellation = new Cancellation();
        copies.put(copy.alias(), cancellation);
        CopyProgress progress = new CopyProgress(System.nanoTime());
        ScheduledFuture<?> reporter = worker.scheduleWithFixedDelay(() -> {
            CopyProgress.Snapshot now = progress.snapshot(System.nanoTime());
            if (now.files() > 0) {
                // nothing to show before the copy is planned
                post(new WorkNews.CopyProgressed(copy.alias(), shown(now)));
            }
        }, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        String summary;
        try {
            CopyRequest request = new CopyRequest(copy.upload(), copy.sources(), copy.destination(), false,
                    new CopyOptions(true, false, false, false, false));
            HostCopy.Result result = HostCopy.run(copy.alias(), liveSocket(copy.alias()), request, cancellation,
                    progress, muxTimeout);
            summary = summary(copy.upload(), result.outcome());
        } catch (IOException | RuntimeException e) {
            summary = "copy failed: " + reason(e);
        } finally {
            reporter.cancel(false);
            copies.remove(copy.alias());
        }
        post(new WorkNews.CopyEnded(copy.alias(), copy.upload(), summary));
    }

    /** "1.2 MiB of 4.0 MiB 30% (2 of 5 files)". */
    static String shown(CopyProgress.Snapshot now) {
        String files = now.files() > 1 ? " (" + now.filesDone() + " of " + now.files() + " files)" : "";
        return (now.currentPath().isEmpty() ? "" : EntryNames.shown(Path.of(now.currentPath()).getFileName() + "") + " ")
                + CopyText.bytes(now.bytesDone()) + " of " + CopyText.bytes(now.bytes()) + " " + now.percent() + "%"
                + files;
    }

    private static String summary(boolean upload, HostCopy.Outcome outcome) {
        String direction = upload ? "copied up: " : "copied down: ";
        if (outcome instanceof HostCopy.Outcome.Copied copied) {
            CopyResult result = copied.result();
            String done = result.files() + (result.files() == 1 ? " file, " : " files, ") + CopyText.bytes(result.bytes());
            if (result.cancelled()) {
                return "copy stopped after " + done + "; the file being written was removed";
            }
            if (result.failures().isEmpty()) {
                return direction + done;
            }
            CopyResult.Failure first = result.failures().get(0);
            return direction + done + "; " + result.failures().size() + " failed: "
                    + EntryNames.shown(first.path()) + ": " + first.reason();
        } else if (outcome instanceof HostCopy.Outcome.Unreachable unreachable) {
            return "copy failed: " + unreachable.reason();
        } else if (outcome instanceof HostCopy.Outcome.NoSession none) {
            return "copy failed: " + none.reason();
        } else if (outcome instanceof HostCopy.Outcome.NotBegun notBegun) {
            return "copy failed: " + notBegun.reason();
        }
        return "copy stopped";
    }

    private static void deleteRemote(SftpClient client, String path) throws IOException {
        if (client.lstat(path).isDirectory()) {
            for (RemoteEntry entry : client.list(path)) {
                if (!entry.isSelfOrParent() && EntryNames.problem(entry.name()).isEmpty()) {
                    deleteRemote(client, EntryNames.remoteChild(path, entry.name()));
                }
            }
            client.rmdir(path);
        } else {
            client.remove(path);
        }
    }

    private static void deleteLocal(Path path) throws IOException {
        // links are removed, never followed
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private void post(WorkNews news) {
        events.accept(new UiEvent.Work(news));
    }

    /** Stops the copies (each removes the file it was writing) and closes the sessions. */
    @Override
    public void close() {
        copies.values().forEach(Cancellation::cancel);
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        for (Thread thread : copyThreads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        worker.execute(() -> {
            sessions.values().forEach(SftpClient::close);
            sessions.clear();
        });
        worker.shutdown();
    }
}

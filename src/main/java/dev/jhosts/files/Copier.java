package dev.jhosts.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Carries out a {@link CopyPlan} between the local side and one host, up or down, telling a
 * listener each step. A file's bytes move with up to {@link SftpClient#OUTSTANDING} requests in
 * flight. A failure of one path is reported and the rest goes on; the loss of the session ends
 * the copy (every remaining path failed with the reason).
 */
public final class Copier {
    private final Side from;
    private final Side to;
    private final SftpClient client;
    private final boolean upload;
    private final CopyOptions options;
    private final Cancellation cancellation;
    private final CopyListener listener;
    private final String host;
    private final Set<String> made = new HashSet<>();
    private final List<Step.MakeDirectory> directoryTimes = new ArrayList<>();
    private final List<CopyResult.Failure> failures = new ArrayList<>();
    private int done;
    private long bytes;
    private int skipped;
    /** Whether the current file's destination was opened (only then is it removed after a failure). */
    private boolean opened;

    private Copier(Side from, Side to, RemoteSide remote, boolean upload, CopyOptions options,
            Cancellation cancellation, CopyListener listener) {
        this.from = from;
        this.to = to;
        this.client = remote.client();
        this.upload = upload;
        this.options = options;
        this.cancellation = cancellation;
        this.listener = listener;
        this.host = remote.label();
    }

    /** Local {@code sources} to {@code destination} on the host. */
    public static CopyResult upload(String alias, SftpClient client, List<String> sources, String destination,
            CopyOptions options, Cancellation cancellation, CopyListener listener) throws IOException {
        RemoteSide remote = new RemoteSide(alias, client);
        LocalSide local = new LocalSide();
        return new Copier(local, remote, remote, true, options, cancellation, listener)
                .run(CopyPlan.make(local, remote, sources, destination, options));
    }

    /** The host's {@code sources} to {@code destination} here. */
    public static CopyResult download(String alias, SftpClient client, List<String> sources, String destination,
            CopyOptions options, Cancellation cancellation, CopyListener listener) throws IOException {
        RemoteSide remote = new RemoteSide(alias, client);
        LocalSide local = new LocalSide();
        return new Copier(remote, local, remote, false, options, cancellation, listener)
                .run(CopyPlan.make(remote, local, RemoteGlobs.expand(client, sources), destination, options));
    }

    private CopyResult run(CopyPlan plan) {
        tell(new CopyEvent.Planned(host, plan.files(), plan.bytes()));
        boolean cancelled = false;
        String lost = null;
        try {
            for (Step step : plan.steps()) {
                if (lost != null) {
                    failed(step.from(), lost);
                    continue;
                }
                if (cancellation.cancelled()) {
                    cancelled = true;
                    break;
                }
                try {
                    perform(step);
                } catch (Cancellation.CopyCancelledException e) {
                    cancelled = true;
                    break;
                } catch (SftpException e) {
                    failed(step.from(), reason(e));
                    if (e.sessionLost()) {
                        lost = "not copied: " + e.getMessage();
                    }
                } catch (IOException | RuntimeException e) {
                    failed(step.from(), reason(e));
                }
            }
        } finally {
            if (lost == null) {
                keepDirectoryTimes();
            }
        }
        return new CopyResult(done, bytes, skipped, failures, cancelled);
    }

    private void perform(Step step) throws IOException {
        if (!step.within().isEmpty() && !made.contains(step.within())) {
            failed(step.from(), "not copied: its directory could not be made");
            return;
        }
        if (step instanceof Step.Refused refused) {
            failed(refused.from(), refused.reason());
        } else if (step instanceof Step.MakeDirectory directory) {
            to.makeDirectory(directory.to(), directory.node().mode());
            made.add(directory.to());
            if (options.preserve()) {
                directoryTimes.add(directory);
            }
            done++;
        } else if (step instanceof Step.CopyLink link) {
            if (options.noClobber() && to.lstat(link.to()).isPresent()) {
                skip(link.from());
                return;
            }
            to.makeLink(link.target(), link.to());
            done++;
            tell(new CopyEvent.FileFinished(host, link.from(), 0));
        } else if (step instanceof Step.CopyFile file) {
            copyFile(file);
        }
    }

    private void copyFile(Step.CopyFile file) throws IOException {
        if (options.noClobber() && to.lstat(file.to()).isPresent()) {
            skip(file.from());
            return;
        }
        String writing = options.partial() ? file.to() + CopyOptions.PART_SUFFIX : file.to();
        long size = file.node().size();
        long start = 0;
        if (options.resume()) {
            Optional<Node> part = to.lstat(writing);
            if (part.isPresent() && part.get() instanceof Node.File existing && existing.size() <= size) {
                start = existing.size();
            }
        }
        tell(new CopyEvent.FileStarted(host, file.from(), size, start));
        boolean finished = false;
        opened = false;
        try {
            long written = upload ? pumpUp(file, writing, start) : pumpDown(file, writing, start);
            if (!writing.equals(file.to())) {
                to.rename(writing, file.to());
            }
            if (options.preserve()) {
                to.keepModeAndTimes(file.to(), file.node().mode(), file.node().accessTime(), file.node().modifyTime());
            }
            finished = true;
            done++;
            tell(new CopyEvent.FileFinished(host, file.from(), written));
        } finally {
            if (!finished && opened && !options.partial()) {
                removeQuietly(writing);
            }
        }
    }

    /** Local file to remote, writes pipelined; returns the bytes written. */
    private long pumpUp(Step.CopyFile file, String remotePath, long start) throws IOException {
        int chunk = client.writeChunk();
        ArrayDeque<Pending> window = new ArrayDeque<>();
        long offset = start;
        long written = 0;
        boolean end = false;
        try (FileChannel in = FileChannel.open(Path.of(file.from()), StandardOpenOption.READ);
             RemoteFile out = start > 0
                     ? client.open(remotePath, SftpMessages.SSH_FXF_WRITE | SftpMessages.SSH_FXF_CREAT,
                             FileAttributes.permissions(file.node().mode()))
                     : client.openForWriting(remotePath, file.node().mode(), false, false)) {
            opened = true;
            byte[] buffer = new byte[chunk];
            while (true) {
                while (!end && window.size() < SftpClient.OUTSTANDING) {
                    int n = readFully(in, buffer, offset);
                    if (n <= 0) {
                        end = true;
                        break;
                    }
                    window.add(new Pending(out.write(offset, buffer, 0, n), offset, n));
                    offset += n;
                }
                Pending next = window.poll();
                if (next == null) {
                    break;
                }
                client.ok(client.await(next.reply, remotePath), remotePath);
                written += next.length;
                transferred(next.length);
                cancellation.check();
            }
        }
        return written;
    }

    /** Remote file to local, reads pipelined (a short read asks again for the rest); returns the bytes written. */
    private long pumpDown(Step.CopyFile file, String localPath, long start) throws IOException {
        int chunk = client.readChunk();
        ArrayDeque<Pending> window = new ArrayDeque<>();
        long size = file.node().size();
        long next = start;
        long written = 0;
        Path target = Path.of(localPath);
        Set<java.nio.file.OpenOption> open = new HashSet<>(List.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
        if (start == 0) {
            open.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if (!file.within().isEmpty()) {
            // inside a copied tree a file is never reached through a link (one a listing put there);
            // a destination the user named is followed, as scp does
            open.add(LinkOption.NOFOLLOW_LINKS);
        }
        try (RemoteFile in = client.openForReading(file.from());
             FileChannel out = FileChannel.open(target, open,
                     PosixFilePermissions.asFileAttribute(LocalSide.permissions(file.node().mode() & 0777)))) {
            opened = true;
            while (true) {
                while (next < size && window.size() < SftpClient.OUTSTANDING) {
                    int length = (int) Math.min(chunk, size - next);
                    window.add(read(in, out, next, length));
                    next += length;
                }
                Pending reply = window.poll();
                if (reply == null) {
                    break;
                }
                int n = client.data(client.await(reply.reply, file.from()), file.from());
                if (n < 0) {
                    // the file is shorter than it was: nothing past here
                    size = Math.min(size, reply.offset);
                } else {
                    if (n < reply.length && reply.offset + n < size) {
                        window.add(read(in, out, reply.offset + n, reply.length - n));
                    }
                    written += n;
                    transferred(n);
                }
                cancellation.check();
            }
        }
        return written;
    }

    /** A READ whose data the SFTP reader thread writes to {@code out} at its offset as it arrives. */
    private static Pending read(RemoteFile in, FileChannel out, long offset, int length) throws SftpException {
        return new Pending(in.read(offset, length, (data, from, count) -> writeFully(out, data, from, count, offset)),
                offset, length);
    }

    private record Pending(CompletableFuture<SftpClient.Reply> reply, long offset, int length) {}

    private static int readFully(FileChannel in, byte[] buffer, long position) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer);
        while (target.hasRemaining()) {
            int n = in.read(target, position + target.position());
            if (n < 0) {
                break;
            }
        }
        return target.position();
    }

    private static void writeFully(FileChannel out, byte[] data, int offset, int length, long position)
            throws IOException {
        ByteBuffer source = ByteBuffer.wrap(data, offset, length);
        long at = position;
        while (source.hasRemaining()) {
            at += out.write(source, at);
        }
    }

    private void keepDirectoryTimes() {
        // deepest first: setting a directory's times after its contents were written is what keeps them
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            Step.MakeDirectory directory = directoryTimes.get(i);
            try {
                to.keepModeAndTimes(directory.to(), directory.node().mode(), directory.node().accessTime(),
                        directory.node().modifyTime());
            } catch (IOException e) {
                failed(directory.from(), "times not kept: " + reason(e));
            }
        }
    }

    private void removeQuietly(String path) {
        try {
            to.remove(path);
        } catch (IOException ignored) {
            // nothing was written, or the session is gone; the failure is reported already
        }
    }

    private void transferred(long count) {
        bytes += count;
        tell(new CopyEvent.Transferred(host, count));
    }

    private void skip(String path) {
        skipped++;
        tell(new CopyEvent.Skipped(host, path, "exists (--no-clobber)"));
    }

    private void failed(String path, String reason) {
        failures.add(new CopyResult.Failure(path, reason));
        tell(new CopyEvent.Failed(host, path, reason));
    }

    private void tell(CopyEvent event) {
        try {
            listener.event(event);
        } catch (RuntimeException ignored) {
            // a display's bug must not stop the copy
        }
    }

    private static String reason(Exception e) {
        if (e instanceof SftpException sftp && !sftp.sessionLost()) {
            return sftp.status().words();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return exists.getReason() != null ? exists.getReason() : "exists";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

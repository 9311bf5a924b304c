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
    /** Small files whose requests are in flight together (each has an OPEN, a WRITE or READ, a CLOSE). */
    private static final int SMALL_FILES = 64;
    private final LocalSide local;
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
    /**
     * What an upload's data passes through, made at the first big file and kept for the copy's
     * others: a direct buffer goes back to the system only when the collector finds it unused.
     */
    private ByteBuffer uploadBuffer;

    private Copier(Side from, Side to, RemoteSide remote, LocalSide local, boolean upload, CopyOptions options,
            Cancellation cancellation, CopyListener listener) {
        this.local = local;
        this.from = from;
        this.to = to;
        this.client = remote.client();
        this.upload = upload;
        this.options = options;
        this.cancellation = cancellation;
        this.listener = listener;
        this.host = remote.label();
    }

    /** Local {@code sources} (relative ones to {@code here}) to {@code destination} on the host. */
    public static CopyResult upload(String alias, SftpClient client, Path here, List<String> sources,
            String destination, CopyOptions options, Cancellation cancellation, CopyListener listener)
            throws IOException {
        RemoteSide remote = new RemoteSide(alias, client);
        LocalSide local = new LocalSide(here);
        return new Copier(local, remote, remote, local, true, options, cancellation, listener)
                .run(CopyPlan.make(local, remote, sources, destination, options));
    }

    /** The host's {@code sources} to {@code destination} here (relative to {@code here}). */
    public static CopyResult download(String alias, SftpClient client, Path here, List<String> sources,
            String destination, CopyOptions options, Cancellation cancellation, CopyListener listener)
            throws IOException {
        RemoteSide remote = new RemoteSide(alias, client);
        LocalSide local = new LocalSide(here);
        return new Copier(remote, local, remote, local, false, options, cancellation, listener)
                .run(CopyPlan.make(remote, local, RemoteGlobs.expand(client, sources), destination, options));
    }

    private CopyResult run(CopyPlan plan) {
        tell(new CopyEvent.Planned(host, plan.files(), plan.bytes()));
        boolean cancelled = false;
        String lost = null;
        List<Step> steps = plan.steps();
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (lost != null) {
                    failed(step.from(), lost);
                    continue;
                }
                if (cancellation.cancelled()) {
                    cancelled = true;
                    break;
                }
                List<Step.CopyFile> small = smallFiles(steps, i);
                if (small.size() > 1) {
                    i += small.size() - 1;
                    try {
                        copySmallFiles(small);
                    } catch (Cancellation.CopyCancelledException e) {
                        cancelled = true;
                        break;
                    } catch (SftpException e) {
                        lost = "not copied: " + e.getMessage();
                    }
                    continue;
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
        try (FileChannel in = FileChannel.open(local.at(file.from()), StandardOpenOption.READ);
             RemoteFile out = start > 0
                     ? client.open(remotePath, SftpMessages.SSH_FXF_WRITE | SftpMessages.SSH_FXF_CREAT,
                             FileAttributes.permissions(file.node().mode()))
                     : client.openForWriting(remotePath, file.node().mode(), false, false)) {
            opened = true;
            // direct: the file's bytes go from the kernel to the socket with no copy in the JVM
            if (uploadBuffer == null || uploadBuffer.capacity() != chunk) {
                uploadBuffer = ByteBuffer.allocateDirect(chunk);
            }
            ByteBuffer buffer = uploadBuffer;
            while (true) {
                while (!end && window.size() < SftpClient.OUTSTANDING) {
                    buffer.clear();
                    int n = readFully(in, buffer, offset);
                    if (n <= 0) {
                        end = true;
                        break;
                    }
                    buffer.flip();
                    window.add(new Pending(out.write(offset, buffer), offset, n));
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
        Path target = local.at(localPath);
        try (RemoteFile in = client.openForReading(file.from());
             FileChannel out = FileChannel.open(target, localOpenOptions(file, start),
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

    private static Set<java.nio.file.OpenOption> localOpenOptions(Step.CopyFile file, long start) {
        Set<java.nio.file.OpenOption> open = new HashSet<>(List.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
        if (start == 0) {
            open.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if (!file.within().isEmpty()) {
            // inside a copied tree a file is never reached through a link (one a listing put there);
            // a destination the user named is followed, as scp does
            open.add(LinkOption.NOFOLLOW_LINKS);
        }
        return open;
    }

    /** A READ whose data the SFTP reader thread writes to {@code out} at its offset as it arrives. */
    private static Pending read(RemoteFile in, FileChannel out, long offset, int length) throws SftpException {
        return new Pending(in.read(offset, length, data -> writeFully(out, data, offset)), offset, length);
    }

    /**
     * The small files (one request's worth of data each) from {@code steps[first]} on, at most
     * {@link #SMALL_FILES} of them, when their copy can be pipelined: without --partial,
     * --resume or --no-clobber (which each need requests of their own per file), into a
     * destination directory that is there.
     */
    private List<Step.CopyFile> smallFiles(List<Step> steps, int first) {
        if (options.partial() || options.resume() || options.noClobber()) {
            return List.of();
        }
        int chunk = upload ? client.writeChunk() : client.readChunk();
        List<Step.CopyFile> small = new ArrayList<>();
        for (int i = first; i < steps.size() && small.size() < SMALL_FILES; i++) {
            if (!(steps.get(i) instanceof Step.CopyFile file) || file.node().size() > chunk
                    || !file.within().isEmpty() && !made.contains(file.within())) {
                break;
            }
            small.add(file);
        }
        return small;
    }

    /** One small file's copy in a pipelined batch: its requests, sent, and what became of it. */
    private static final class SmallCopy {
        final Step.CopyFile file;
        final CompletableFuture<SftpClient.Reply> open;
        final List<Pending> data = new ArrayList<>();
        CompletableFuture<SftpClient.Reply> close;
        /** With -p, an upload's SETSTAT of mode and times, sent after its CLOSE. */
        CompletableFuture<SftpClient.Reply> keep;
        FileChannel local;
        /** Whether the destination was opened (then a failure removes it). */
        boolean opened;
        String failure;
        boolean reported;
        /** Copied, or failed and discarded already. */
        boolean settled;

        SmallCopy(Step.CopyFile file, CompletableFuture<SftpClient.Reply> open) {
            this.file = file;
            this.open = open;
        }
    }

    /**
     * Copies small files with their requests pipelined, as one big file's are: every OPEN is
     * sent at once, then as each handle comes back its WRITE (or READ) and its CLOSE (which
     * sftp-server answers after the requests before it on the handle), and only then are the
     * replies awaited, in order. Without this, a tree of small files costs three round trips per
     * file. A short read (the file changed) copies that file again on its own. The loss of the
     * session is thrown, after every file of the batch not done is reported.
     */
    private void copySmallFiles(List<Step.CopyFile> files) throws SftpException, Cancellation.CopyCancelledException {
        List<SmallCopy> copies = new ArrayList<>(files.size());
        boolean finished = false;
        try {
            for (Step.CopyFile file : files) {
                copies.add(new SmallCopy(file, upload
                        ? client.openRequest(file.to(), SftpMessages.SSH_FXF_WRITE | SftpMessages.SSH_FXF_CREAT
                                | SftpMessages.SSH_FXF_TRUNC, FileAttributes.permissions(file.node().mode()))
                        : client.openRequest(file.from(), SftpMessages.SSH_FXF_READ, FileAttributes.NONE)));
            }
            byte[] buffer = upload ? new byte[client.writeChunk()] : null;
            for (SmallCopy copy : copies) {
                cancellation.check();
                send(copy, buffer);
            }
            for (SmallCopy copy : copies) {
                finish(copy);
            }
            finished = true;
        } catch (SftpException e) {
            if (e.sessionLost()) {
                for (SmallCopy copy : copies) {
                    if (!copy.reported) {
                        copy.reported = true;
                        failed(copy.file.from(), "not copied: " + e.getMessage());
                    }
                }
            }
            throw e;
        } finally {
            if (!finished) {
                for (SmallCopy copy : copies) {
                    if (!copy.settled) {
                        discard(copy);
                    }
                }
            }
        }
    }

    /** A small file's OPEN awaited, then its data and CLOSE sent; its own failure is kept, the session's thrown. */
    private void send(SmallCopy copy, byte[] buffer) throws SftpException {
        Step.CopyFile file = copy.file;
        String remotePath = upload ? file.to() : file.from();
        RemoteFile remote = null;
        try {
            remote = client.opened(client.await(copy.open, remotePath), remotePath);
            copy.opened = upload;
            tell(new CopyEvent.FileStarted(host, file.from(), file.node().size(), 0));
            if (upload) {
                try (FileChannel in = FileChannel.open(local.at(file.from()), StandardOpenOption.READ)) {
                    long offset = 0;
                    int n;
                    while ((n = readFully(in, buffer, offset)) > 0) {
                        copy.data.add(new Pending(remote.write(offset, buffer, 0, n), offset, n));
                        offset += n;
                    }
                }
            } else {
                copy.local = FileChannel.open(local.at(file.to()), localOpenOptions(file, 0),
                        PosixFilePermissions.asFileAttribute(LocalSide.permissions(file.node().mode() & 0777)));
                copy.opened = true;
                int size = (int) file.node().size();
                if (size > 0) {
                    copy.data.add(read(remote, copy.local, 0, size));
                }
            }
        } catch (SftpException e) {
            if (e.sessionLost()) {
                throw e;
            }
            copy.failure = reason(e);
        } catch (IOException | RuntimeException e) {
            copy.failure = reason(e);
        } finally {
            if (remote != null) {
                copy.close = remote.closeRequest();
                if (upload && options.preserve() && copy.failure == null) {
                    // after the CLOSE: the server answers in order, and nothing written after it changes the times
                    copy.keep = client.setStatRequest(file.to(), FileAttributes.modeAndTimes(file.node().mode(),
                            file.node().accessTime(), file.node().modifyTime()));
                }
            }
        }
    }

    /** A small file's replies awaited: done, failed (its destination removed), or copied again on its own. */
    private void finish(SmallCopy copy) throws SftpException, Cancellation.CopyCancelledException {
        Step.CopyFile file = copy.file;
        String remotePath = upload ? file.to() : file.from();
        boolean again = false;
        long written = 0;
        try {
            if (copy.failure == null) {
                for (Pending pending : copy.data) {
                    SftpClient.Reply reply = client.await(pending.reply, remotePath);
                    if (upload) {
                        client.ok(reply, remotePath);
                        written += pending.length;
                    } else {
                        int n = client.data(reply, remotePath);
                        again = n >= 0 && n < pending.length;
                        written += Math.max(n, 0);
                    }
                }
            }
            if (copy.close != null) {
                client.ok(client.await(copy.close, remotePath), remotePath);
            }
            if (copy.keep != null) {
                client.ok(client.await(copy.keep, remotePath), remotePath);
            }
            if (copy.local != null) {
                copy.local.close();
                if (options.preserve() && !again && copy.failure == null) {
                    to.keepModeAndTimes(file.to(), file.node().mode(), file.node().accessTime(),
                            file.node().modifyTime());
                }
            }
        } catch (SftpException e) {
            if (e.sessionLost()) {
                throw e;
            }
            copy.failure = copy.failure != null ? copy.failure : reason(e);
        } catch (IOException | RuntimeException e) {
            copy.failure = copy.failure != null ? copy.failure : reason(e);
        }
        copy.reported = true;
        copy.settled = true;
        if (copy.failure != null) {
            failed(file.from(), copy.failure);
            discard(copy);
        } else if (again) {
            // the file was shorter than planned or the server sent less: its own copy reads until the end
            try {
                copyFile(file);
            } catch (Cancellation.CopyCancelledException e) {
                throw e;
            } catch (SftpException e) {
                failed(file.from(), reason(e));
                if (e.sessionLost()) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                failed(file.from(), reason(e));
            }
        } else {
            transferred(written);
            done++;
            tell(new CopyEvent.FileFinished(host, file.from(), written));
        }
    }

    /** A small file that will not be complete: its local channel closed, its destination removed when opened. */
    private void discard(SmallCopy copy) {
        copy.settled = true;
        if (copy.local != null) {
            try {
                copy.local.close();
            } catch (IOException ignored) {
                // it goes anyway
            }
        }
        if (copy.opened) {
            removeQuietly(copy.file.to());
        }
    }

    private record Pending(CompletableFuture<SftpClient.Reply> reply, long offset, int length) {}

    private static int readFully(FileChannel in, byte[] buffer, long position) throws IOException {
        return readFully(in, ByteBuffer.wrap(buffer), position);
    }

    /** Fills {@code target} from {@code position} on, short only at the end of the file; the bytes read. */
    private static int readFully(FileChannel in, ByteBuffer target, long position) throws IOException {
        int start = target.position();
        while (target.hasRemaining()) {
            int n = in.read(target, position + target.position() - start);
            if (n < 0) {
                break;
            }
        }
        return target.position() - start;
    }

    private static void writeFully(FileChannel out, ByteBuffer source, long position) throws IOException {
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

package dev.jhosts.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** An open remote file (an SFTP handle). Close it: servers limit open handles. */
public final class RemoteFile implements AutoCloseable {
    private final SftpClient client;
    private final String path;
    private final byte[] handle;
    private boolean closed;

    RemoteFile(SftpClient client, String path, byte[] handle) {
        this.client = client;
        this.path = path;
        this.handle = handle;
    }

    public String path() {
        return path;
    }

    public FileAttributes stat() throws IOException {
        return client.fstat(handle, path);
    }

    public void setStat(FileAttributes attributes) throws IOException {
        client.fsetstat(handle, path, attributes);
    }

    CompletableFuture<SftpClient.Reply> read(long offset, int length, SftpClient.DataSink sink) throws SftpException {
        return client.read(handle, offset, length, sink);
    }

    CompletableFuture<SftpClient.Reply> write(long offset, byte[] data, int from, int length) throws SftpException {
        return client.write(handle, offset, data, from, length);
    }

    /** Writes {@code data}'s remaining bytes at {@code offset}; the buffer may be reused when this returns. */
    CompletableFuture<SftpClient.Reply> write(long offset, ByteBuffer data) throws SftpException {
        return client.write(handle, offset, data);
    }

    /** SSH_FXP_CLOSE sent without waiting (its reply says whether the file was written back); once. */
    CompletableFuture<SftpClient.Reply> closeRequest() throws SftpException {
        closed = true;
        return client.closeRequest(handle);
    }

    /** SSH_FXP_CLOSE; the server reports a failed write-back here (a full disk on an NFS home…). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        client.closeHandle(handle, path);
    }
}

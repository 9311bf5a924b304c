package dev.jhosts.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One of a served command's client's streams: what is written is buffered and sent as {@link
 * ToClient.Output} frames on flush (and when the buffer fills), so that output and errors reach
 * the client in the order they were flushed. A client that went away loses what follows.
 */
final class ClientOutput extends OutputStream {
    private static final int CHUNK = 64 * 1024;

    private final ClientLink link;
    private final ToClient.Stream stream;
    private final byte[] buffer = new byte[CHUNK];
    private int count;

    ClientOutput(ClientLink link, ToClient.Stream stream) {
        this.link = link;
        this.stream = stream;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (count == buffer.length) {
            flush();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                flush();
            }
            int part = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, part);
            count += part;
            offset += part;
            length -= part;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (count == 0) {
            return;
        }
        byte[] frame = Arrays.copyOf(buffer, count);
        count = 0;
        link.send(new ToClient.Output(stream, frame));
    }
}

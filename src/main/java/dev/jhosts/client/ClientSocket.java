package dev.jhosts.client;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The client's end of the server's socket, by one library or the other ({@link ServerConnection}). */
sealed interface ClientSocket permits JdkSocket, PassingSocket {
    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** The terminal for the server: passed with the next write, or left for the server to open. */
    void passWithNextWrite(FileDescriptor terminal) throws IOException;

    void close();
}

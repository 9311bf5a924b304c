package dev.jhosts.mux;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.WritableByteChannel;

/**
 * A command's session through a master with its stdin, stdout and stderr on socket pairs of this
 * process: the master is handed one end of each (MUX_C_NEW_SESSION, one fd per one-byte
 * sendmsg), this object keeps the other ends as streams, and the control connection. Made by
 * {@link MuxClient#openPipedSession}.
 *
 * <p>Closing {@link #input()} (a half-close of the stdin pair) is the command's end of input:
 * the master reads EOF and sends the channel's EOF. {@link #output()} and {@link #errors()} end
 * when the master closes the channel. {@link #close()} ends the session from this side, as
 * killing {@code ssh host cmd} does: sshd then closes the command's pipes, but does not signal a
 * command that has no terminal (session.c session_close_by_channel), so a command that neither
 * reads nor writes keeps running on the host.
 */
public final class PipedSession implements AutoCloseable {
    private final Pipes pipes;
    private final MuxSession session;

    private PipedSession(Pipes pipes, MuxSession session) {
        this.pipes = pipes;
        this.session = session;
    }

    /** The command's standard input; close it to send EOF. */
    public OutputStream input() throws IOException {
        return pipes.stdin.ours().socket().getOutputStream();
    }

    /**
     * The command's standard input as a channel (the same socket as {@link #input}): a direct
     * buffer written to it goes to the socket without a copy in this process.
     */
    public WritableByteChannel inputChannel() {
        return pipes.stdin.ours();
    }

    /** Ends the command's input (EOF) without a byte of it. */
    public void endInput() throws IOException {
        pipes.stdin.ours().shutdownOutput();
    }

    /** The command's standard output; -1 once the channel closed. */
    public InputStream output() throws IOException {
        return pipes.stdout.ours().socket().getInputStream();
    }

    /** The command's standard error; -1 once the channel closed. */
    public InputStream errors() throws IOException {
        return pipes.stderr.ours().socket().getInputStream();
    }

    /** Blocks until the session ends (see {@link MuxSession#awaitEnd}); returns at once after {@link #close}. */
    public SessionEnd awaitEnd() throws MuxException {
        return session.awaitEnd();
    }

    /** Ends the session from this side: the control connection and this process' ends of the pipes. */
    @Override
    public void close() {
        session.close();
        pipes.close();
    }

    /** The three socket pairs before and after they are handed over. */
    static final class Pipes implements AutoCloseable {
        private final SocketPair stdin;
        private final SocketPair stdout;
        private final SocketPair stderr;

        private Pipes(SocketPair stdin, SocketPair stdout, SocketPair stderr) {
            this.stdin = stdin;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        static Pipes open() throws MuxException {
            SocketPair in = SocketPair.open();
            try {
                SocketPair out = SocketPair.open();
                try {
                    return new Pipes(in, out, SocketPair.open());
                } catch (MuxException e) {
                    out.close();
                    throw e;
                }
            } catch (MuxException e) {
                in.close();
                throw e;
            }
        }

        FileDescriptor masterStdin() throws MuxException {
            return stdin.theirs();
        }

        FileDescriptor masterStdout() throws MuxException {
            return stdout.theirs();
        }

        FileDescriptor masterStderr() throws MuxException {
            return stderr.theirs();
        }

        /** After MUX_S_SESSION_OPENED: this process lets go of the master's ends, or EOF would never come. */
        PipedSession opened(MuxSession session) {
            stdin.letGoOfTheirs();
            stdout.letGoOfTheirs();
            stderr.letGoOfTheirs();
            return new PipedSession(this, session);
        }

        @Override
        public void close() {
            stdin.close();
            stdout.close();
            stderr.close();
        }
    }
}

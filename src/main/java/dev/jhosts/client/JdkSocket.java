package dev.jhosts.client;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The JDK's Unix socket: no descriptor passing, so the server opens this process's standard
 * input itself as {@code /proc/PID/fd/0}, the pid being the one the kernel gives it for the
 * socket's peer (SO_PEERCRED). The server's user is checked the same way before a byte is sent.
 */
final class JdkSocket implements ClientSocket {
    private static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";

    static {
        // The platform's own provider, named: left to find, the JDK looks for another through
        // ServiceLoader, which opens every jar on the class path. JdkSocket runs on Linux only.
        if (System.getProperty(SELECTOR_PROVIDER) == null) {
            System.setProperty(SELECTOR_PROVIDER, "sun.nio.ch.EPollSelectorProvider");
        }
    }

    private final SocketChannel channel;

    private JdkSocket(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Gets the JDK's socket classes ready while the caller works out where the server is. Their
     * first use does two slow things one after the other: the selector provider (the run's first
     * lambda) and a SecureRandom (for the names of sockets a channel binds itself, which loads
     * the security providers). Two threads do them side by side; the channel's options, which
     * the peer's check reads, come after.
     */
    static void prepareInBackground() {
        // classes, not lambdas: the first lambda of a run is one of the slow things
        start("jhosts-client-random", new Runnable() {
            @Override
            public void run() {
                try {
                    SecureRandom.getInstance("NativePRNGNonBlocking");
                } catch (GeneralSecurityException | RuntimeException ignored) {
                    // the channel takes another SecureRandom
                }
            }
        });
        start("jhosts-client-socket", new Runnable() {
            @Override
            public void run() {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED);
                } catch (IOException | RuntimeException ignored) {
                    // the connect says what is wrong
                }
            }
        });
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Connected; empty when the socket is stale (connection refused). */
    static Optional<ClientSocket> connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException stale) {
            channel.close();
            return Optional.empty();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            UserPrincipal me = Files.getOwner(Path.of("/proc/self"));
            if (!peer.user().equals(me)) {
                throw new IOException("the jhosts server at " + socket + " runs as " + peer.user().getName()
                        + ", not as you");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return Optional.of(new JdkSocket(channel));
    }

    /**
     * The channel read directly: the streams of {@code Channels} hold the channel's blocking lock
     * through a read, and a signal handler's write would wait for the server's next word.
     */
    @Override
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                return channel.read(ByteBuffer.wrap(buffer, offset, length));
            }
        };
    }

    @Override
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    @Override
    public void passWithNextWrite(FileDescriptor terminal) {
        // the server opens /proc/PID/fd/0 of the peer
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a Unix socket does not fail in a way that matters
        }
    }
}

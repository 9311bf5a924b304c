package dev.jhosts.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback between ssh clients (the masters) and a test sshd, which the test
 * controls as a network that drops and a laptop that sleeps: {@link #cut} closes every
 * connection through it (a drop), {@link #freeze} stops it passing anything (connections are
 * accepted and then wait, as with a relay process under SIGSTOP) until {@link #thaw}, and
 * {@link #refuse} closes each new connection at once (a host that never comes back), counting
 * those that spoke first as ssh does ({@link #spoken}); {@link #down} stops listening, so that a
 * connect is refused by the system (a host or network that is gone).
 */
public final class TcpRelay implements AutoCloseable {
    private final int port;
    private volatile ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger spoken = new AtomicInteger();
    private final Object listening = new Object();
    private boolean down; // guarded by listening
    private final Object gate = new Object();
    private boolean frozen; // guarded by gate
    private volatile boolean refusing;
    private volatile boolean closed;

    public TcpRelay(int targetPort) {
        this.target = targetPort;
        try {
            listener = listen(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = listener.getLocalPort();
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return port;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return socket;
    }

    /** Connections refused in {@link #refuse} mode that sent a byte first, as ssh does (a bare connect does not). */
    public int spoken() {
        return spoken.get();
    }

    /** Stops listening on the port (a connect is refused), or listens again on it. */
    public void down(boolean goDown) {
        synchronized (listening) {
            if (goDown == down) {
                return;
            }
            if (goDown) {
                down = true;
                closeQuietly(listener);
            } else {
                try {
                    listener = listen(port);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                down = false;
                listening.notifyAll();
            }
        }
    }

    /** How many connections came in so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Closes every connection through the relay (both sides). */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Nothing passes from now on (connections still come in, and wait) until {@link #thaw}. */
    public void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    public void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /** Each new connection is closed at once (or, with false, relayed again). */
    public void refuse(boolean refuse) {
        refusing = refuse;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!awaitListening()) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            if (refusing) {
                refuse(client);
                continue;
            }
            open.add(client);
            Thread connector = new Thread(() -> connect(client), "relay-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    /** After the listener closed: true once it listens again, false when the relay is closed. */
    private boolean awaitListening() {
        synchronized (listening) {
            while (down && !closed) {
                try {
                    listening.wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !closed;
        }
    }

    private void refuse(Socket client) {
        Thread refuser = new Thread(() -> {
            try {
                client.setSoTimeout(1_000);
                if (client.getInputStream().read() >= 0) {
                    spoken.incrementAndGet();
                }
            } catch (IOException silent) {
                // a bare connect: nothing said
            } finally {
                closeQuietly(client);
            }
        }, "relay-refuse");
        refuser.setDaemon(true);
        refuser.start();
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        open.add(server);
        try {
            awaitThaw();
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5_000);
            pump(client, server);
            pump(server, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[1 << 14];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    awaitThaw();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // cut, or the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait(1_000);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    @Override
    public void close() {
        closed = true;
        thaw();
        synchronized (listening) {
            listening.notifyAll();
        }
        closeQuietly(listener);
        cut();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}

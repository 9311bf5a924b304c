package dev.jhosts.probe;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import dev.jhosts.mux.StdioForward;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probes with JSch: TCP (or a stdio forward through a jump host's live master), the server's
 * banner, and the key exchange as far as the server's host key, which is then compared with
 * known_hosts by {@link KnownHosts}. The handshake stops right after the key exchange (see
 * {@link RecordingHostKeyRepository}): no user name, no authentication.
 *
 * <p>Each probe runs on a worker thread and is given up after the timeout: a resolver that does
 * not answer or a server that trickles bytes cannot hold the caller longer.
 */
public final class JschHostProber implements HostProber, AutoCloseable {
    /** How long past the timeout a caller waits for a probe's own timeout to fire before giving up on it. */
    private static final Duration MARGIN = Duration.ofMillis(500);
    /**
     * The user name JSch's Session carries. It never leaves this process (the handshake ends
     * before SSH_MSG_USERAUTH_REQUEST); a placeholder keeps the real one out of it regardless.
     */
    private static final String PLACEHOLDER_USER = "jhosts-probe";

    private final Duration timeout;
    private final KnownHosts knownHosts;
    private final ExecutorService workers;

    /** Probes that each take at most {@code timeout} (connect, banner and key exchange together). */
    public JschHostProber(Duration timeout) {
        this(timeout, new KnownHosts());
    }

    /** As {@link #JschHostProber(Duration)}, sharing parsed known_hosts files with other probers. */
    public JschHostProber(Duration timeout, KnownHosts knownHosts) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.knownHosts = knownHosts;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "jhosts-probe-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ProbeResult probe(ProbeTarget target) {
        if (target.transport() instanceof Transport.Unavailable unavailable) {
            return result(target, new Reachability.NotProbed(unavailable.reason()),
                    new HostKeyState.NotChecked("not probed"));
        }
        Attempt attempt = new Attempt(target);
        Future<ProbeResult> running;
        try {
            running = workers.submit(attempt::run);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return result(target, new Reachability.NotProbed("the prober is closed"), new HostKeyState.NotChecked("not probed"));
        }
        try {
            return running.get(timeout.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.abandon();
            return attempt.timedOut();
        } catch (ExecutionException e) {
            attempt.abandon();
            return result(target, new Reachability.Unreachable(Reachability.Kind.OTHER, "probe failed: " + e.getCause()),
                    new HostKeyState.NotChecked("probe failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.abandon();
            return result(target, new Reachability.NotProbed("interrupted"), new HostKeyState.NotChecked("not probed"));
        }
    }

    /** Stops the worker threads; probes still running are given up. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ProbeResult result(ProbeTarget target, Reachability reachability, HostKeyState hostKey) {
        return new ProbeResult(target, reachability, hostKey, Instant.now());
    }

    private enum Stage { RESOLVING, CONNECTING, OPENING_FORWARD, HANDSHAKE }

    /** An open byte stream to the server, and what closes it. */
    private record Opened(InputStream in, OutputStream out, Socket socket, AutoCloseable closer) {}

    /** One probe of one host, on a worker thread; what it opens is closed by it, or by {@link #abandon}. */
    private final class Attempt {
        private final ProbeTarget target;
        private final long deadline;
        private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
        private volatile Stage stage = Stage.RESOLVING;
        private volatile Duration connectRtt = Duration.ZERO;
        private volatile long forwardStartedNanos;
        private volatile BannerRecorder banner;
        private volatile boolean abandoned;

        Attempt(ProbeTarget target) {
            this.target = target;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        ProbeResult run() {
            try {
                Opened opened;
                try {
                    opened = open();
                } catch (TcpConnector.Failure e) {
                    return result(target, e.unreachable(), new HostKeyState.NotChecked("unreachable"));
                } catch (NotProbed e) {
                    return result(target, new Reachability.NotProbed(e.getMessage()), new HostKeyState.NotChecked("not probed"));
                }
                stage = Stage.HANDSHAKE;
                BannerRecorder recorder = new BannerRecorder(opened.in());
                banner = recorder;
                HostKeyState hostKey = handshake(recorder, opened);
                return result(target, reachable(), hostKey);
            } finally {
                closeAll();
            }
        }

        private Opened open() throws TcpConnector.Failure, NotProbed {
            if (target.transport() instanceof Transport.ThroughMaster through) {
                return openForward(through);
            }
            InetAddress[] addresses = TcpConnector.resolve(target.hostname());
            stage = Stage.CONNECTING;
            TcpConnector.Connected connected = TcpConnector.connect(addresses, target.port(), remaining());
            Socket socket = connected.socket();
            register(socket);
            connectRtt = connected.rtt();
            try {
                return new Opened(socket.getInputStream(), socket.getOutputStream(), socket, socket);
            } catch (IOException e) {
                throw new TcpConnector.Failure(Reachability.Kind.OTHER, "connected but the socket failed: " + e.getMessage());
            }
        }

        private Opened openForward(Transport.ThroughMaster through) throws TcpConnector.Failure, NotProbed {
            stage = Stage.OPENING_FORWARD;
            String via = "via " + through.jump() + ": ";
            String destination = target.hostname() + " port " + target.port();
            try {
                MuxClient client = MuxClient.connect(through.jumpSocket(), remaining());
                register(client);
                forwardStartedNanos = System.nanoTime();
                StdioForward forward = client.openStdioForward(target.hostname(), target.port());
                register(forward);
                connectRtt = Duration.ofNanos(System.nanoTime() - forwardStartedNanos);
                return new Opened(forward.input(), forward.output(), forward.socket(), forward);
            } catch (MuxException.NoSocket | MuxException.Refused e) {
                throw new NotProbed("jump host " + through.jump() + " has no live master (" + e.getMessage() + ")");
            } catch (MuxException.Failure e) {
                // the master tells no more than "Session open refused by peer": the jump host could
                // not connect, or does not allow forwarding
                throw new TcpConnector.Failure(Reachability.Kind.FORWARD_FAILED,
                        via + "the jump host opened no connection to " + destination + " (" + e.reason() + ")");
            } catch (MuxException.PermissionDenied e) {
                throw new TcpConnector.Failure(Reachability.Kind.FORWARD_FAILED, via + e.getMessage());
            } catch (MuxException.Timeout e) {
                throw new TcpConnector.Failure(Reachability.Kind.TIMEOUT,
                        via + "no connection to " + destination + " within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                throw new TcpConnector.Failure(Reachability.Kind.OTHER, via + e.getMessage());
            }
        }

        private HostKeyState handshake(BannerRecorder in, Opened opened) {
            RecordingHostKeyRepository repository = new RecordingHostKeyRepository();
            List<String> algorithms = HostKeyAlgorithms.forProbe(target.hostKeyAlgorithms(),
                    knownHosts.knownKeyTypes(target.knownHostsFiles(), target.knownHostsName()));
            JSch jsch = new JSch();
            jsch.setHostKeyRepository(repository);
            try {
                Session session = jsch.getSession(PLACEHOLDER_USER, target.hostname(), target.port());
                session.setConfig("StrictHostKeyChecking", "yes");
                session.setConfig("server_host_key", String.join(",", algorithms));
                session.setProxy(new StreamProxy(in, opened.out(), opened.socket(), opened.closer()));
                session.connect(remainingMillis());
                // unreachable: the repository knows no key, so connect fails before authentication
                session.disconnect();
                return new HostKeyState.NotChecked("the server let a probe in without checking its key");
            } catch (JSchException e) {
                Optional<byte[]> offered = repository.offered();
                if (offered.isPresent()) {
                    return knownHosts.compare(target.knownHostsFiles(), target.knownHostsName(), offered.get());
                }
                if (abandoned) {
                    return new HostKeyState.NotChecked("given up after " + timeout.toMillis() + " ms");
                }
                if (in.banner().isEmpty()) {
                    return new HostKeyState.NotChecked("no SSH banner: " + reason(e));
                }
                return new HostKeyState.NotChecked("key exchange failed: " + reason(e));
            }
        }

        private Reachability reachable() {
            BannerRecorder recorder = banner;
            Optional<String> line = recorder == null ? Optional.empty() : recorder.banner();
            Duration rtt = connectRtt;
            if (target.transport() instanceof Transport.ThroughMaster && line.isPresent()) {
                rtt = Duration.ofNanos(recorder.arrivedNanos() - forwardStartedNanos);
            }
            return new Reachability.Reachable(rtt, line.orElse(""));
        }

        /** What a probe that overran its time says, from how far it got. */
        ProbeResult timedOut() {
            String within = " within " + timeout.toMillis() + " ms";
            return switch (stage) {
                case RESOLVING -> result(target, new Reachability.Unreachable(Reachability.Kind.DNS,
                        "no answer from the resolver for " + target.hostname() + within), new HostKeyState.NotChecked("unreachable"));
                case CONNECTING -> result(target, new Reachability.Unreachable(Reachability.Kind.TIMEOUT,
                        "connect to host " + target.hostname() + " port " + target.port() + ": no answer" + within),
                        new HostKeyState.NotChecked("unreachable"));
                case OPENING_FORWARD -> result(target, new Reachability.Unreachable(Reachability.Kind.TIMEOUT,
                        "via " + target.via().orElse("the jump host") + ": no connection to " + target.hostname()
                                + " port " + target.port() + within), new HostKeyState.NotChecked("unreachable"));
                case HANDSHAKE -> result(target, reachable(), new HostKeyState.NotChecked(
                        banner != null && banner.banner().isPresent() ? "key exchange did not finish" + within
                                : "no SSH banner" + within));
            };
        }

        void abandon() {
            abandoned = true;
            closeAll();
        }

        private void register(AutoCloseable closeable) {
            open.add(closeable);
            if (abandoned) {
                closeAll();
            }
        }

        private void closeAll() {
            for (AutoCloseable closeable : open) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing is all that is left to do
                }
            }
        }

        private Duration remaining() {
            return Duration.ofMillis(remainingMillis());
        }

        private int remainingMillis() {
            long millis = (deadline - System.nanoTime()) / 1_000_000;
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
        }
    }

    /** JSch's exception in a few words: the closed connection said once, whichever way it showed. */
    private static String reason(JSchException e) {
        Throwable cause = e.getCause();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (cause instanceof java.net.SocketTimeoutException) {
            return "no answer in time";
        }
        String lower = (message + " " + (cause == null ? "" : cause.getMessage())).toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("closed by foreign host") || lower.contains("broken pipe")
                || lower.contains("connection reset") || lower.contains("socket closed")) {
            return "the server closed the connection";
        }
        if (message.isBlank()) {
            message = cause == null ? e.getClass().getSimpleName() : String.valueOf(cause.getMessage());
        }
        return BannerRecorder.printable(message.replace("java.net.", "").replace("java.io.", ""));
    }

    /** The transport exists but leads nowhere a probe may go. */
    private static final class NotProbed extends Exception {
        private static final long serialVersionUID = 1L;

        NotProbed(String reason) {
            super(reason);
        }
    }
}

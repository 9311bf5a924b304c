package dev.jhosts.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens the TCP connection a probe uses, as ssh's sshconnect.c ssh_connect_direct does: every
 * address the name resolves to, in order, until one accepts; the last failure is the one
 * reported, classified by the operating system's reason.
 */
final class TcpConnector {
    private TcpConnector() {}

    /** An open connection and the round trip of its connect. */
    record Connected(Socket socket, Duration rtt) {}

    /** A failure with its class. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final Reachability.Kind kind;

        Failure(Reachability.Kind kind, String detail) {
            super(detail);
            this.kind = kind;
        }

        Reachability.Unreachable unreachable() {
            return new Reachability.Unreachable(kind, getMessage());
        }
    }

    /** Resolves {@code host} (blocking; the caller bounds it). */
    static InetAddress[] resolve(String host) throws Failure {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return failDns(host, e);
        } catch (SecurityException e) {
            throw new Failure(Reachability.Kind.OTHER, "could not resolve hostname " + host + ": " + e.getMessage());
        }
    }

    private static InetAddress[] failDns(String host, UnknownHostException e) throws Failure {
        String reason = String.valueOf(e.getMessage());
        // the JDK's message is "host: reason"; ssh says "Could not resolve hostname host: reason"
        String prefix = host + ": ";
        if (reason.startsWith(prefix)) {
            reason = reason.substring(prefix.length());
        }
        throw new Failure(Reachability.Kind.DNS, "could not resolve hostname " + host + ": " + reason);
    }

    /** Connects to {@code port} on each address in turn within {@code timeout} in all. */
    static Connected connect(InetAddress[] addresses, int port, Duration timeout) throws Failure {
        long deadline = System.nanoTime() + timeout.toNanos();
        Failure last = new Failure(Reachability.Kind.DNS, "the host name resolves to no address");
        for (InetAddress address : addresses) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                break;
            }
            Socket socket = new Socket();
            long started = System.nanoTime();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE, remainingMillis));
                Duration rtt = Duration.ofNanos(System.nanoTime() - started);
                socket.setTcpNoDelay(true);
                return new Connected(socket, rtt);
            } catch (IOException e) {
                StreamProxy.closeQuietly(socket);
                last = classify(address, port, e, remainingMillis);
            }
        }
        throw last;
    }

    /** ssh's wording: "connect to host H port P: REASON". */
    static Failure classify(InetAddress address, int port, IOException e, long waitedMillis) {
        String where = "connect to host " + address.getHostAddress() + " port " + port + ": ";
        if (e instanceof SocketTimeoutException) {
            return new Failure(Reachability.Kind.TIMEOUT, where + "no answer within " + waitedMillis + " ms");
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = reason.toLowerCase(Locale.ROOT);
        Reachability.Kind kind;
        if (lower.contains("connection refused")) {
            kind = Reachability.Kind.REFUSED;
        } else if (e instanceof NoRouteToHostException || lower.contains("no route to host")
                || lower.contains("network is unreachable") || lower.contains("host is down")
                || lower.contains("host is unreachable")) {
            kind = Reachability.Kind.NO_ROUTE;
        } else if (lower.contains("timed out")) {
            kind = Reachability.Kind.TIMEOUT;
        } else {
            kind = Reachability.Kind.OTHER;
        }
        return new Failure(kind, where + reason);
    }
}

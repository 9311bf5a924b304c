package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The operating system's connect errors (as the JDK raises them, sun.nio.ch Net.c) sorted into kinds. */
class TcpConnectorTest {
    private static Reachability.Unreachable classify(IOException e) {
        return TcpConnector.classify(InetAddress.getLoopbackAddress(), 2222, e, 5000).unreachable();
    }

    @Test
    void eachErrnoHasItsKindAndTheOsWords() {
        assertThat(classify(new ConnectException("Connection refused")))
                .isEqualTo(new Reachability.Unreachable(Reachability.Kind.REFUSED,
                        "connect to host 127.0.0.1 port 2222: Connection refused"));
        // EHOSTUNREACH is NoRouteToHostException; ENETUNREACH a plain SocketException
        assertThat(classify(new NoRouteToHostException("No route to host")).kind()).isEqualTo(Reachability.Kind.NO_ROUTE);
        assertThat(classify(new SocketException("Network is unreachable")).kind()).isEqualTo(Reachability.Kind.NO_ROUTE);
        assertThat(classify(new SocketTimeoutException("Connect timed out")))
                .isEqualTo(new Reachability.Unreachable(Reachability.Kind.TIMEOUT,
                        "connect to host 127.0.0.1 port 2222: no answer within 5000 ms"));
        // ETIMEDOUT from the kernel's own SYN retries
        assertThat(classify(new ConnectException("Connection timed out")).kind()).isEqualTo(Reachability.Kind.TIMEOUT);
        assertThat(classify(new SocketException("Protocol not available")).kind()).isEqualTo(Reachability.Kind.OTHER);
    }

    @Test
    void anAddressResolvesWithoutALookup() throws Exception {
        assertThat(TcpConnector.resolve("127.0.0.1")).containsExactly(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    }
}

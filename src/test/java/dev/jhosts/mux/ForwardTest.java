package dev.jhosts.mux;

import static dev.jhosts.mux.Forward.Kind.DYNAMIC;
import static dev.jhosts.mux.Forward.Kind.LOCAL;
import static dev.jhosts.mux.Forward.Kind.REMOTE;
import static dev.jhosts.mux.Forward.SOCKET_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardTest {

    @Test
    void localWithAndWithoutBindAddress() {
        assertThat(Forward.parse(LOCAL, "8080:db:5432")).isEqualTo(new Forward(LOCAL, "", 8080, "db", 5432));
        assertThat(Forward.parse(LOCAL, "127.0.0.1:8080:db:5432")).isEqualTo(new Forward(LOCAL, "127.0.0.1", 8080, "db", 5432));
        assertThat(Forward.parse(LOCAL, "*:8080:db:5432")).isEqualTo(new Forward(LOCAL, "*", 8080, "db", 5432));
        assertThat(Forward.parse(LOCAL, "localhost:8080:db:5432").listenHost()).isEqualTo("localhost");
    }

    @Test
    void anEmptyBindAddressMeansAllInterfacesAsInSsh() {
        assertThat(Forward.parse(LOCAL, ":8080:db:5432")).isEqualTo(new Forward(LOCAL, "*", 8080, "db", 5432));
        assertThat(Forward.parse(DYNAMIC, ":1080")).isEqualTo(new Forward(DYNAMIC, "*", 1080, "", 0));
    }

    @Test
    void ipv6InBrackets() {
        assertThat(Forward.parse(LOCAL, "[::1]:8080:[fe80::2]:22")).isEqualTo(new Forward(LOCAL, "::1", 8080, "fe80::2", 22));
        assertThat(Forward.parse(DYNAMIC, "[::1]:1080")).isEqualTo(new Forward(DYNAMIC, "::1", 1080, "", 0));
        assertThat(Forward.parse(REMOTE, "9000:[2001:db8::1]:80")).isEqualTo(new Forward(REMOTE, "", 9000, "2001:db8::1", 80));
    }

    @Test
    void unixSocketsOnEitherSide() {
        assertThat(Forward.parse(LOCAL, "/tmp/l.sock:db:5432")).isEqualTo(new Forward(LOCAL, "/tmp/l.sock", SOCKET_PATH, "db", 5432));
        assertThat(Forward.parse(LOCAL, "8080:/run/app.sock")).isEqualTo(new Forward(LOCAL, "", 8080, "/run/app.sock", SOCKET_PATH));
        assertThat(Forward.parse(LOCAL, "127.0.0.1:8080:/run/app.sock"))
                .isEqualTo(new Forward(LOCAL, "127.0.0.1", 8080, "/run/app.sock", SOCKET_PATH));
        assertThat(Forward.parse(REMOTE, "/tmp/r.sock:/run/app.sock"))
                .isEqualTo(new Forward(REMOTE, "/tmp/r.sock", SOCKET_PATH, "/run/app.sock", SOCKET_PATH));
        assertThat(Forward.parse(LOCAL, "[/tmp/with:colon.sock]:db:1"))
                .isEqualTo(new Forward(LOCAL, "/tmp/with:colon.sock", SOCKET_PATH, "db", 1));
    }

    @Test
    void backslashEscapesAColonOrASlash() {
        assertThat(Forward.parse(LOCAL, "/tmp/a\\:b.sock:db:1").listenHost()).isEqualTo("/tmp/a:b.sock");
        // an escaped slash does not make a path (as in ssh)
        assertThat(Forward.parse(LOCAL, "8080:a\\/b:80")).isEqualTo(new Forward(LOCAL, "", 8080, "a/b", 80));
    }

    @Test
    void remoteMayAskForPortZeroAndMayBeDynamic() {
        assertThat(Forward.parse(REMOTE, "0:localhost:80")).isEqualTo(new Forward(REMOTE, "", 0, "localhost", 80));
        Forward remoteSocks = Forward.parse(REMOTE, "1080");
        assertThat(remoteSocks).isEqualTo(new Forward(REMOTE, "", 1080, "", 0));
        assertThat(remoteSocks.isDynamic()).isTrue();
        assertThat(Forward.parse(REMOTE, "0.0.0.0:1080")).isEqualTo(new Forward(REMOTE, "0.0.0.0", 1080, "", 0));
    }

    @Test
    void dynamic() {
        assertThat(Forward.parse(DYNAMIC, "1080")).isEqualTo(new Forward(DYNAMIC, "", 1080, "", 0));
        assertThat(Forward.parse(DYNAMIC, "localhost:1080")).isEqualTo(new Forward(DYNAMIC, "localhost", 1080, "", 0));
        assertThat(Forward.parse(DYNAMIC, "1080").isDynamic()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LOCAL|8080|expected [bind_address:]port:host:hostport",
        "LOCAL|8080:db|expected [bind_address:]port:host:hostport",
        "LOCAL|0:db:80|expected",
        "LOCAL|8080:db:0|expected",
        "LOCAL|8080::80|expected",
        "LOCAL|a:b:c:d:e|too many fields",
        "LOCAL|http:db:80|bad port 'http'",
        "LOCAL|8080:db:70000|bad port '70000'",
        "LOCAL|-1:db:80|bad port '-1'",
        "LOCAL|[::1:8080:db:80|unbalanced",
        "LOCAL|[::1]x:8080:db:80|unbalanced",
        "LOCAL|8080:db:80\\|trailing backslash",
        "DYNAMIC|0|port 0 is only allowed for remote forwards",
        "DYNAMIC|a:b:1080|expected [bind_address:]port",
        "DYNAMIC|/tmp/socks.sock|cannot listen on a Unix socket",
        "REMOTE|a:b:c:d:e|too many fields",
        "REMOTE|''|expected",
    })
    void rejectsWithAClearMessage(Forward.Kind kind, String spec, String message) {
        assertThatThrownBy(() -> Forward.parse(kind, spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("'");
    }

    @Test
    void rejectsOverlongSocketPaths() {
        String path = "/tmp/" + "x".repeat(120);
        assertThatThrownBy(() -> Forward.parse(LOCAL, path + ":db:80")).hasMessageContaining("Unix socket path longer");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LOCAL|8080:db:5432",
        "LOCAL|127.0.0.1:8080:db:5432",
        "LOCAL|*:8080:db:5432",
        "LOCAL|[::1]:8080:[fe80::2]:22",
        "LOCAL|/tmp/l.sock:db:5432",
        "LOCAL|8080:/run/app.sock",
        "LOCAL|[/tmp/with:colon.sock]:db:1",
        "REMOTE|0:localhost:80",
        "REMOTE|/tmp/r.sock:/run/app.sock",
        "REMOTE|1080",
        "REMOTE|0.0.0.0:1080",
        "DYNAMIC|1080",
        "DYNAMIC|[::1]:1080",
        "LOCAL|8080:a\\/b:80",
    })
    void describeReadsBackToTheSameForward(Forward.Kind kind, String spec) {
        Forward forward = Forward.parse(kind, spec);
        assertThat(forward.describe()).isEqualTo(spec);
        assertThat(Forward.parse(kind, forward.describe())).isEqualTo(forward);
    }

    @Test
    void recordRejectsImpossibleValues() {
        assertThatThrownBy(() -> new Forward(LOCAL, "", 70000, "db", 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Forward(LOCAL, "", SOCKET_PATH, "db", 80)).hasMessageContaining("needs a path");
        assertThatThrownBy(() -> new Forward(DYNAMIC, "", 1080, "db", 80)).hasMessageContaining("no target");
    }

    @Test
    void toStringNamesTheOption() {
        assertThat(Forward.parse(REMOTE, "0:localhost:80")).hasToString("-R 0:localhost:80");
    }
}

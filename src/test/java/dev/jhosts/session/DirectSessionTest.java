package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DirectSession hands over its own process's fds 0/1/2, so it runs in a child JVM whose stdio
 * are pipes and files here (stdin is not a terminal: no pty, no raw mode).
 */
class DirectSessionTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "d.sock", "-o", "SendEnv=JHOSTS_TEST_*");

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void carriesStdinAndStdoutAndReturnsTheRemoteStatus() {
        Processes.Result result = run(Map.of(), "hello\nworld\n", "auto", "cat; echo err >&2; exit 5");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(5);
        assertThat(result.stdout()).isEqualTo("hello\nworld\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @Test
    void withoutATerminalNoPtyIsRequestedEvenWhenAsked() {
        Processes.Result result = run(Map.of(), "", "always", "tty");
        assertThat(result.stdout()).isEqualTo("not a tty\n");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
    }

    @Test
    void sendsTheSelectedEnvironment() {
        Processes.Result result = run(Map.of("JHOSTS_TEST_Y", "from jhosts"), "", "never", "printf %s \"$JHOSTS_TEST_Y\"");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("from jhosts");
    }

    @Test
    void noExitStatusIs255() {
        Processes.Result result = run(Map.of(), "", "auto", "kill -KILL $$");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(255);
    }

    private static Processes.Result run(Map<String, String> env, String stdin, String tty, String command) {
        return Processes.run(TestJava.command(DirectSessionMain.class, MASTER.master().socket().toString(),
                Long.toString(MASTER.master().pid()), tty, command), env, LIMIT, stdin.getBytes(StandardCharsets.UTF_8));
    }
}

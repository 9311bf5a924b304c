package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PtyBridgeMain on JLine's real system terminal, inside tmux: typing, resizing, exit status. */
class PtyBridgeTmuxTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "x.sock");

    private static final Duration STEP = Duration.ofSeconds(20);

    @Test
    void sessionInARealTerminal() throws Exception {
        Requirements.requireCommand("tmux", "tmux");
        String server = SSHD.dir().resolve("tmux.sock").toString();
        String program = TestJava.command(PtyBridgeMain.class, MASTER.master().socket().toString(),
                Long.toString(MASTER.master().pid())).stream().map(PtyBridgeTmuxTest::quote).collect(Collectors.joining(" "));
        tmux(server, "new-session", "-d", "-x", "100", "-y", "30", "-s", "t", program + "; echo EXIT=$?; sleep 600");
        try {
            tmux(server, "send-keys", "-t", "t", "stty size; echo $((6*7))", "Enter");
            assertThat(awaitPane(server, "\n42")).contains("30 100");

            tmux(server, "resize-window", "-t", "t", "-x", "120", "-y", "40");
            boolean resized = false;
            for (int attempt = 0; attempt < 20 && !resized; attempt++) {
                tmux(server, "send-keys", "-t", "t", "clear; stty size", "Enter");
                resized = pane(server).contains("40 120");
                Thread.sleep(500);
            }
            assertThat(resized).as(pane(server)).isTrue();

            tmux(server, "send-keys", "-t", "t", "exit 5", "Enter");
            assertThat(awaitPane(server, "EXIT=5")).contains("[PtyBridgeMain: status 5]");
        } finally {
            Processes.run(List.of("tmux", "-S", server, "kill-server"), Map.of(), STEP);
        }
    }

    private static String awaitPane(String server, String needle) throws InterruptedException {
        String pane = "";
        for (int attempt = 0; attempt < 100 && !pane.contains(needle); attempt++) {
            Thread.sleep(200);
            pane = pane(server);
        }
        assertThat(pane).contains(needle);
        return pane;
    }

    private static String pane(String server) {
        return tmux(server, "capture-pane", "-p", "-t", "t").stdout();
    }

    private static Processes.Result tmux(String server, String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", server));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, Map.of(), STEP);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

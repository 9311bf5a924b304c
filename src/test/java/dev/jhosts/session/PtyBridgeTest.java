package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.mux.SessionEnd;
import dev.jhosts.mux.SessionRequest;
import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.SshdFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.utils.NonBlockingInputStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge on a "user terminal" that is a PTY this test opens: JLine's PosixSysTerminal (the
 * class of the real system terminal) on its slave; the test types into its master and reads
 * the screen from it.
 */
class PtyBridgeTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "b.sock");

    private static final Duration LIMIT = TerminalDriver.LIMIT;

    @Test
    void shellSessionThroughTheBridge() throws Exception {
        try (JniNativePty user = (JniNativePty) new JniTerminalProvider().open(null, new Size(101, 33));
             Terminal terminal = new PosixSysTerminal("user", "xterm", user, StandardCharsets.UTF_8, false,
                     Terminal.SignalHandler.SIG_DFL)) {
            TerminalDriver driver = new TerminalDriver(user);
            int[] tuiResizes = {0};
            terminal.handle(Signal.WINCH, signal -> tuiResizes[0]++);
            Attributes cooked = terminal.enterRawMode(); // what the TUI does
            Attributes tuiModes = terminal.getAttributes();

            SessionSpec spec = new SessionSpec("", SessionRequest.NO_ESCAPE, "xterm", List.of());
            PtyBridge bridge = new PtyBridge(terminal, cooked, MASTER.master().socket(), MASTER.master().pid(), LIMIT);
            CompletableFuture<SessionEnd> end = CompletableFuture.supplyAsync(() -> {
                try {
                    return bridge.run(spec);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            driver.type("stty size; echo \"=$((6*7))=\"\r");
            assertThat(driver.await("=42=")).as(driver.screen()).isTrue(); // not the 42 of the login banner's clock
            assertThat(driver.screen()).contains("33 101");

            // a resize: the PTY gets the new size and the master a SIGWINCH; the remote learns it
            // asynchronously, so ask until it answers with the new size
            user.setSize(new Size(120, 40));
            terminal.raise(Signal.WINCH);
            assertThat(driver.askUntil("stty size\r", "40 120")).as(driver.screen()).isTrue();

            // Ctrl-C, Ctrl-S, Ctrl-Q reach the remote as bytes, not as signals or flow control
            assertThat(driver.controlCharactersPassUnchanged()).as(driver.screen()).isTrue();

            // output written just before the end is drained, not lost
            driver.type("seq 1 50000; exit 3\r");
            assertThat(end.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new SessionEnd(3, true, false));
            assertThat(driver.await("\n50000\r\n")).isTrue();

            // the terminal is as the TUI left it, and its own WINCH handler heard of the resize
            assertThat(terminal.getAttributes().toString()).isEqualTo(tuiModes.toString());
            assertThat(tuiResizes[0]).isEqualTo(1);
            // a key pressed after the session is for the TUI, not lost in the bridge
            driver.type("q");
            assertThat(((NonBlockingInputStream) terminal.input()).read(LIMIT.toMillis())).isEqualTo('q');
        }
    }

    /**
     * What was typed before the session opened goes first, in order; jhosts' own escapes then
     * act on the keyboard: ~? is answered by jhosts, ~. closes the session (255, no exit message).
     */
    @Test
    void typeaheadGoesFirstAndTheEscapesAreJhostsOwn() throws Exception {
        try (JniNativePty user = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24));
             Terminal terminal = new PosixSysTerminal("user", "xterm", user, StandardCharsets.UTF_8, false,
                     Terminal.SignalHandler.SIG_DFL)) {
            TerminalDriver driver = new TerminalDriver(user);
            Attributes cooked = terminal.enterRawMode();
            SessionSpec spec = new SessionSpec("", '~', "xterm", List.of());
            BridgedSession opened = new PtyBridge(terminal, cooked, MASTER.master().socket(), MASTER.master().pid(), LIMIT)
                    .open(spec, SessionKeys.NONE);
            opened.start(BridgedSession.Listener.NONE);
            byte[] typeahead = "echo \"=$((6*7))=\"\r".getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<BridgeEnd> end = CompletableFuture.supplyAsync(() -> {
                try {
                    return ((AttachEnd.Ended) opened.attach(typeahead, false)).end();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(driver.await("=42=")).as(driver.screen()).isTrue();
            driver.type("~?");
            assertThat(driver.await("~.  close this session")).as(driver.screen()).isTrue();
            driver.type("~.");
            BridgeEnd ended = end.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(ended.closedByEscape()).isTrue();
            assertThat(ended.session()).isEqualTo(new SessionEnd(255, false, false));
        }
    }
}

package dev.jhosts.tui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.terminal.OwnProcess;
import dev.jhosts.terminal.TerminalDevice;
import dev.jhosts.tui.state.Key;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C typed while a client's terminal was still in its normal modes reaches the server as the
 * client's SIGINT: before the picker has first taken the terminal, it is the picker's Ctrl-C.
 */
class TerminalOwnerInterruptTest {
    private static final long LIMIT_NANOS = Duration.ofSeconds(10).toNanos();

    @Test
    void anInterruptBeforeThePickerTookTheTerminalIsItsFirstKey() throws Exception {
        try (JniNativePty pty = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24))) {
            TerminalOwner owner = TerminalOwner.open(TerminalDevice.received(pty.getSlaveFD(), pty.getSlave()), true,
                    "xterm", new OwnProcess());
            try {
                owner.raiseInterrupt();
                List<Key> keys = new CopyOnWriteArrayList<>();
                owner.startScreen();
                pty.getMasterOutput().write('x');
                pty.getMasterOutput().flush();
                KeyReader reader = owner.keyReader(Duration.ofMillis(50), keys::add, () -> { });
                reader.resume();
                long deadline = System.nanoTime() + LIMIT_NANOS;
                while (keys.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(keys).startsWith(Key.ctrl('c'), Key.typed('x'));
                // once the picker has the terminal, an interrupt is the signal's (a lent terminal's), no key
                owner.raiseInterrupt();
                Thread.sleep(200);
                assertThat(keys).hasSize(2);
                reader.stop();
            } finally {
                owner.close();
            }
        }
    }
}

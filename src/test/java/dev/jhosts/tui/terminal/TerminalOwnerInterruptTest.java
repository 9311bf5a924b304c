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
 * client's SIGINT: until the picker first lends the terminal, it is the picker's Ctrl-C, also
 * when the client's word comes after the picker took the terminal.
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
                // the client's word crossed the take: the picker reads it, its reader waiting or not
                owner.raiseInterrupt();
                deadline = System.nanoTime() + LIMIT_NANOS;
                while (keys.size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(keys).containsExactly(Key.ctrl('c'), Key.typed('x'), Key.ctrl('c'));
                // once the terminal has been lent, an interrupt is the signal's (the lent terminal's), no key
                owner.stopScreen();
                owner.raiseInterrupt();
                owner.startScreen();
                Thread.sleep(200);
                assertThat(keys).hasSize(3);
                reader.stop();
            } finally {
                owner.close();
            }
        }
    }
}

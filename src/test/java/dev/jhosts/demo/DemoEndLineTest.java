package dev.jhosts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo's last line clears what the picker left on the terminal, and only on a terminal. */
class DemoEndLineTest {
    private static final Path ROOT = Path.of("/tmp/jhosts-demo-qw1ymc");

    @Test
    void onATerminalTheLineAndTheScreenBelowAreClearedFirst() {
        assertThat(Demo.endLine(ROOT, true))
                .isEqualTo("\r\033[Jjhosts demo: ended; its servers and masters are gone, /tmp/jhosts-demo-qw1ymc removed");
    }

    @Test
    void elsewhereTheLineIsPlainText() {
        assertThat(Demo.endLine(ROOT, false))
                .isEqualTo("jhosts demo: ended; its servers and masters are gone, /tmp/jhosts-demo-qw1ymc removed");
    }

    @Test
    void aFileOrPipeIsNoTerminal() {
        // surefire gives the test JVM pipes or files, never a terminal
        assertThat(ProcFs.isTerminal(1)).isFalse();
        assertThat(ProcFs.isTerminal(99_999)).isFalse();
    }
}

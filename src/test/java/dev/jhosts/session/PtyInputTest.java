package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.Test;

/** The remote program's input on a real PTY whose slave nobody reads. */
class PtyInputTest {
    private static JniNativePty unreadPty() throws Exception {
        return (JniNativePty) new JniTerminalProvider().open(TerminalModes.raw(new Attributes()), new Size(80, 24));
    }

    @Test
    void answersNobodyReadsAreDroppedPastTheBoundAndNothingWaits() throws Exception {
        try (JniNativePty pty = unreadPty()) {
            PtyInput input = new PtyInput(pty.getMasterOutput());
            input.start();
            byte[] answer = "\033[?62;22c".getBytes(StandardCharsets.US_ASCII);
            int accepted = 0;
            // 9 MB of answers: far more than a PTY holds; every call returns at once
            for (int i = 0; i < 1_000_000; i++) {
                accepted += input.answer(answer) ? 1 : 0;
            }
            assertThat((long) accepted * answer.length).as("answers taken").isLessThan(1_000_000L * answer.length / 2);
            assertThat(input.waitingBytes()).isLessThanOrEqualTo(PtyInput.ANSWERS_LIMIT);
            // keys still wait for the program (up to their own, larger bound)
            assertThat(input.keys(new byte[] {'~', '.'}, 0, 2)).isTrue();
            // (more than the bound at once: what else waits depends on how much the writer got
            // into the PTY meanwhile, all of it where the slave's line discipline drops the rest)
            assertThat(input.keys(new byte[PtyInput.KEYS_LIMIT + 1], 0, PtyInput.KEYS_LIMIT + 1)).as("past the bound")
                    .isFalse();

            // the session is over: the write under way is read off the slave and the writer ends
            input.close(pty.getSlaveFD());
            assertThat(input.writerAlive()).isFalse();
            assertThat(input.answer(answer)).as("closed").isFalse();
        }
    }
}

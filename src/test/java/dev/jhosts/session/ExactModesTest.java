package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.RandomAccessFile;
import org.jline.nativ.CLibrary;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A terminal's modes as the server sends them to its client (one line of text): the same modes
 * come back from the text, and written back they undo what changed, byte for byte.
 */
class ExactModesTest {
    @Test
    void theModesAsTextComeBackExactlyAndRestoreTheTerminal() throws Exception {
        Pty pty = new JniTerminalProvider().open(null, new Size(80, 24));
        try (RandomAccessFile slave = new RandomAccessFile(new File(((JniNativePty) pty).getName()), "rw")) {
            int fd = FileDescriptorCast.using(slave.getFD()).as(Integer.class);
            ExactModes found = ExactModes.capture(fd);
            String text = found.encoded();
            assertThat(ExactModes.decoded(fd, text).encoded()).isEqualTo(text);

            CLibrary.Termios raw = new CLibrary.Termios();
            assertThat(CLibrary.tcgetattr(fd, raw)).isZero();
            raw.c_lflag = 0;
            raw.c_iflag = 0;
            assertThat(CLibrary.tcsetattr(fd, CLibrary.TCSANOW, raw)).isZero();
            assertThat(ExactModes.capture(fd).encoded()).isNotEqualTo(text);

            assertThat(ExactModes.decoded(fd, text).restore()).isTrue();
            assertThat(ExactModes.capture(fd).encoded()).isEqualTo(text);
        } finally {
            pty.close();
        }
    }

    @Test
    void textThatIsNoModesIsRefused() {
        assertThatThrownBy(() -> ExactModes.decoded(0, "nonsense")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExactModes.decoded(0, "1:2:3:4:5:6:abc")).isInstanceOf(IllegalArgumentException.class);
    }
}

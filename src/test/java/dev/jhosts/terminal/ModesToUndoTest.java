package dev.jhosts.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.session.screen.ScreenModel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModesToUndoTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void nothingSetIsNothingToWrite() {
        assertThat(ModesToUndo.NONE.any()).isFalse();
        assertThat(ModesToUndo.NONE.undo()).isEmpty();
    }

    @Test
    void whatAProgramSetIsWhatTheScreenModelReportsAndItsUndoPutsTheTerminalBack() {
        ScreenModel model = new ScreenModel(80, 24);
        assertThat(model.modesToUndo()).isEqualTo(ModesToUndo.NONE);
        // tput smcup, then what the program sets, then mouse encoding, focus and bracketed paste
        model.feed(ascii("\033[?1049h\033[?1h\033=\033[?1000h\033[?25l\033[4h\033[?1006h\033[?1004h\033[?2004h"));
        ModesToUndo set = model.modesToUndo();
        assertThat(set).isEqualTo(new ModesToUndo(true, true, true, true, true, true, true, true));
        assertThat(new String(set.undo(), StandardCharsets.US_ASCII)).startsWith("\033[?1049l")
                .contains("\033[?25h", "\033[?1l", "\033>", "\033[?1000l", "\033[?1006l", "\033[?1004l", "\033[4l",
                        "\033[?2004l");
        model.feed(set.undo());
        assertThat(model.modesToUndo()).isEqualTo(ModesToUndo.NONE);
    }

    @Test
    void theMainScreenIsNotLeftWhenItIsShownAlready() {
        // leaving the alternate screen restores the cursor saved on entering it: not on the main screen
        ModesToUndo cursorOnly = new ModesToUndo(false, true, false, false, false, false, false, false);
        assertThat(new String(cursorOnly.undo(), StandardCharsets.US_ASCII)).isEqualTo("\033[?25h");
    }
}

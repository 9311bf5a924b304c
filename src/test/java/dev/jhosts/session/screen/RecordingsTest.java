package dev.jhosts.session.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model on real output of standard tools (src/test/resources/screen/, made by record.sh in an
 * 80×24 tmux pane): what it shows against what the recording must show, against tmux fed the
 * same bytes, the repaint round trip, and input split at every byte.
 */
class RecordingsTest {
    private static final int COLUMNS = 80;
    private static final int ROWS = 24;

    static byte[] recording(String name) {
        try (InputStream in = RecordingsTest.class.getResourceAsStream("/screen/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScreenModel fed(String name) {
        ScreenModel model = new ScreenModel(COLUMNS, ROWS);
        model.feed(recording(name));
        return model;
    }

    @Test
    void clearLeavesOnlyWhatCameAfterIt() {
        ScreenModel model = fed("clear.bin");
        assertThat(model.lines().get(0)).isEqualTo("after clear");
        assertThat(model.lines().subList(1, ROWS)).allMatch(String::isEmpty);
        assertThat(model.cursorRow()).isEqualTo(1);
        assertThat(model.cursorColumn()).isZero();
        // 30 lines on 24 rows scrolled 7 off before the clear (ED 3 then dropped them)
        assertThat(model.takeScrolledOff()).isEmpty();
    }

    @Test
    void scrollRegionScrollsOnlyInsideIt() {
        ScreenModel model = fed("scroll-region.bin");
        List<String> lines = model.lines();
        // rows 3–8 scrolled while 100…112 went through them, rows 1–2 and 9 on stayed; RI above
        // the region did nothing; then "done" on the last row scrolled the whole screen once
        assertThat(lines.subList(0, 10)).containsExactly("2", "108", "109", "110", "111", "112", "", "9", "10", "");
        assertThat(lines.get(22)).isEqualTo("done");
        assertThat(model.takeScrolledOff()).hasSize(1);
    }

    @Test
    void vimIsShownOnTheAlternateScreenWithItsModes() {
        ScreenModel model = fed("vim.bin");
        assertThat(model.alternateScreen()).isTrue();
        assertThat(model.lines().get(0)).isEqualTo("line number 1");
        assertThat(model.lines().get(22)).isEqualTo("line number 23");
        assertThat(model.lines().get(23)).startsWith("\"numbers.txt\" 40 lines");
        assertThat(model.cursorRow()).isZero();
        assertThat(model.cursorColumn()).isZero();
        assertThat(model.dump()).contains("decckm=true", "keypad=true", "paste=true");
    }

    @Test
    void leavingVimBringsBackTheShellScreen() {
        ScreenModel model = fed("vim-quit.bin");
        assertThat(model.alternateScreen()).isFalse();
        assertThat(model.lines().get(0)).isEqualTo("before vim");
        assertThat(model.lines().get(1)).isEqualTo("after vim");
        assertThat(model.cursorVisible()).isTrue();
    }

    @Test
    void lessShowsTheSecondPage() {
        ScreenModel model = fed("less.bin");
        assertThat(model.alternateScreen()).isTrue();
        assertThat(model.lines()).contains("line number 24", "line number 40");
    }

    @Test
    void wideAndCombiningCharacters() {
        ScreenModel model = fed("wide.bin");
        List<String> lines = model.lines();
        assertThat(lines.get(0)).isEqualTo("日本語テキスト");
        // 78 digits, then 日 fits in columns 79–80, 本 wraps to the next row
        assertThat(lines.get(1)).isEqualTo("0".repeat(78) + "日");
        assertThat(lines.get(2)).isEqualTo("本");
        assertThat(lines.get(3)).isEqualTo("e\u0301 cafe\u0301 end");
        // 日 over "ab", then its left half deleted: the right half goes too
        assertThat(lines.get(4)).isEqualTo(" x");
    }

    @Test
    void lineDrawingAndInvalidUtf8() {
        List<String> lines = fed("charsets.bin").lines();
        // a lone FF; an encoded surrogate: one for the sequence; an overlong '/' (C0 AF): two bytes
        // that cannot start or continue a character
        assertThat(lines.get(0)).isEqualTo("┌──┐ ascii │ \ufffd \ufffd \ufffd\ufffd end");
    }

    @Test
    void colouredListing() {
        ScreenModel model = fed("colours.bin");
        assertThat(model.dump()).contains("{bold,fg=i1,}red", "{fg=i208,}x{fg=i208,bg=#0a141e,}y",
                "{underline,}curly", "{fg=#010203,}z", "{bg=i4,}blue line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clear.bin", "scroll-region.bin", "colours.bin", "wide.bin", "charsets.bin", "vim.bin",
            "vim-quit.bin", "less.bin", "top.bin"})
    void repaintIntoAFreshModelGivesTheSameScreen(String name) {
        ScreenModel model = fed(name);
        ScreenModel copy = new ScreenModel(COLUMNS, ROWS);
        copy.feed(model.repaint());
        assertThat(copy.dump()).isEqualTo(model.dump());
    }

    @ParameterizedTest
    @ValueSource(strings = {"clear.bin", "scroll-region.bin", "colours.bin", "wide.bin", "charsets.bin", "vim.bin",
            "vim-quit.bin", "less.bin", "top.bin"})
    void inputSplitAtEveryByteGivesTheSameScreen(String name) {
        byte[] bytes = recording(name);
        String whole = fed(name).dump();
        for (int cut = 1; cut < bytes.length; cut++) {
            ScreenModel model = new ScreenModel(COLUMNS, ROWS);
            model.feed(bytes, 0, cut);
            model.feed(bytes, cut, bytes.length - cut);
            assertThat(model.dump()).as("cut at %d", cut).isEqualTo(whole);
        }
        ScreenModel bytewise = new ScreenModel(COLUMNS, ROWS);
        for (int i = 0; i < bytes.length; i++) {
            bytewise.feed(bytes, i, 1);
        }
        assertThat(bytewise.dump()).isEqualTo(whole);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clear.bin", "scroll-region.bin", "colours.bin", "wide.bin", "vim.bin",
            "vim-quit.bin", "less.bin", "top.bin"})
    void tmuxShowsWhatTheModelShows(String name) {
        ScreenModel model = fed(name);
        TmuxOracle.Shown tmux = TmuxOracle.show(COLUMNS, ROWS, recording(name));
        assertThat(model.lines()).isEqualTo(tmux.lines());
        assertThat(model.cursorColumn()).isEqualTo(tmux.cursorColumn());
        assertThat(model.cursorRow()).isEqualTo(tmux.cursorRow());
        assertThat(model.alternateScreen()).isEqualTo(tmux.alternateScreen());
        assertThat(model.cursorVisible()).isEqualTo(tmux.cursorVisible());
    }

    @ParameterizedTest
    @ValueSource(strings = {"colours.bin", "wide.bin", "vim.bin", "top.bin"})
    void theRepaintShowsInTmuxWhatTheRecordingShows(String name) {
        TmuxOracle.Shown original = TmuxOracle.show(COLUMNS, ROWS, recording(name));
        TmuxOracle.Shown repainted = TmuxOracle.show(COLUMNS, ROWS, fed(name).repaint());
        // the model keeps every underline style as underline (the brief's choice)
        assertThat(repainted.withAttributes()).isEqualTo(original.withAttributes().replace("\033[4:3m", "\033[4m"));
        assertThat(repainted.cursorColumn()).isEqualTo(original.cursorColumn());
        assertThat(repainted.cursorRow()).isEqualTo(original.cursorRow());
        assertThat(repainted.alternateScreen()).isEqualTo(original.alternateScreen());
    }
}

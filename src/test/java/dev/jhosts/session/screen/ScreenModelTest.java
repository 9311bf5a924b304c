package dev.jhosts.session.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model's behaviour function by function, on small hand-made inputs. */
class ScreenModelTest {
    private static ScreenModel model(int columns, int rows, String input) {
        ScreenModel model = new ScreenModel(columns, rows);
        feed(model, input);
        return model;
    }

    private static void feed(ScreenModel model, String input) {
        model.feed(input.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRoundTrip(ScreenModel model) {
        ScreenModel copy = new ScreenModel(model.columns(), model.rows());
        copy.feed(model.repaint());
        assertThat(copy.dump()).isEqualTo(model.dump());
    }

    @Test
    void theWrapWaitsForTheNextCharacter() {
        ScreenModel model = model(10, 3, "0123456789");
        assertThat(model.cursorColumn()).isEqualTo(9);
        assertThat(model.cursorRow()).isZero();
        assertThat(model.dump()).contains("pending-wrap");
        assertRoundTrip(model);
        feed(model, "\rX");
        assertThat(model.lines()).containsExactly("X123456789", "", "");
        feed(model, "\033[1;10Hyz");
        assertThat(model.lines()).containsExactly("X12345678y", "z", "");
    }

    @Test
    void withoutAutowrapTheLastColumnIsOverwritten() {
        ScreenModel model = model(5, 2, "\033[?7labcdefg");
        assertThat(model.lines()).containsExactly("abcdg", "");
        assertRoundTrip(model);
    }

    @Test
    void aWideCharacterInTheLastColumnWrapsFirst() {
        ScreenModel model = model(5, 2, "abcd日");
        assertThat(model.lines()).containsExactly("abcd", "日");
        assertThat(model.cursorColumn()).isEqualTo(2);
        assertRoundTrip(model);
    }

    @Test
    void overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        assertThat(model(6, 1, "日本\033[2Gx").lines()).containsExactly(" x本");
        assertThat(model(6, 1, "日本\033[1Gx").lines()).containsExactly("x 本");
        assertThat(model(6, 1, "日本\033[2G\033[K").lines()).containsExactly("");
        assertThat(model(5, 1, "ab日\033[1G\033[2@").lines()).containsExactly("  ab");
        assertThat(model(6, 1, "ab日\033[1G\033[2@").lines()).containsExactly("  ab日");
    }

    @Test
    void combiningMarksJoinThePreviousCell() {
        ScreenModel model = model(4, 2, "abce\u0301");
        assertThat(model.lines()).containsExactly("abce\u0301", "");
        assertThat(model.cursorColumn()).isEqualTo(3);
        feed(model, "\r\n日\u0302x");
        assertThat(model.lines().get(1)).isEqualTo("日\u0302x");
        assertRoundTrip(model);
    }

    @Test
    void selectGraphicRenditionInAllItsForms() {
        ScreenModel model = model(40, 1, "\033[1;2;3;4;5;7;8;9ma\033[0m"
                + "\033[38;5;196;48;2;1;2;3mb\033[38:2::4:5:6;48:5:17mc\033[38:2:7:8:9md"
                + "\033[22;23;24;25;27;28;29;39;49me\033[4:3mf\033[4:0mg\033[91;102mh\033[m");
        String dump = model.dump();
        assertThat(dump).contains("{bold,dim,italic,underline,blink,inverse,hidden,strike,}a",
                "{fg=i196,bg=#010203,}b", "{fg=#040506,bg=i17,}c", "{fg=#070809,bg=i17,}d", "{}e",
                "{underline,}f", "{}g", "{fg=i9,bg=i10,}h");
        assertRoundTrip(model);
    }

    @Test
    void eraseUsesTheCurrentBackground() {
        ScreenModel model = model(6, 3, "abc\033[44m\033[2K\r\n\033[41m\033[J\033[0mx");
        assertThat(model.dump()).contains("0: {bg=i4,}      ", "1: x{bg=i1,}     ", "2: {bg=i1,}      ");
        assertRoundTrip(model);
    }

    @Test
    void scrollRegionIndexReverseIndexAndLines() {
        ScreenModel model = model(4, 5, "1\r\n2\r\n3\r\n4\r\n5\033[2;4r\033[4;1H\nx\033[2;1H\033My");
        // the LF at the region's bottom scrolled "x" in, the RI at its top scrolled it out
        assertThat(model.lines()).containsExactly("1", "y", "3", "4", "5");
        feed(model, "\033[3;1H\033[L");
        assertThat(model.lines()).containsExactly("1", "y", "", "3", "5");
        feed(model, "\033[2M");
        assertThat(model.lines()).containsExactly("1", "y", "", "", "5");
        feed(model, "\033[r\033[2S");
        assertThat(model.lines()).containsExactly("", "", "5", "", "");
        feed(model, "\033[T");
        assertThat(model.lines()).containsExactly("", "", "", "5", "");
        assertRoundTrip(model);
    }

    @Test
    void editingInTheLine() {
        ScreenModel model = model(8, 1, "abcdefgh\033[3G\033[2P");
        assertThat(model.lines()).containsExactly("abefgh");
        feed(model, "\033[2@");
        assertThat(model.lines()).containsExactly("ab  efgh");
        feed(model, "\033[3X");
        assertThat(model.lines()).containsExactly("ab   fgh");
        feed(model, "\033[4hXY\033[4l");
        assertThat(model.lines()).containsExactly("abXY   f");
        feed(model, "\033[1GQ\033[3b");
        assertThat(model.lines()).containsExactly("QQQQ   f");
        assertRoundTrip(model);
    }

    @Test
    void tabStops() {
        ScreenModel model = model(20, 1, "\ta\tb");
        assertThat(model.lines()).containsExactly("        a       b");
        feed(model, "\r\033[3g\033[5G\033H\r\tc\t");
        assertThat(model.lines().get(0)).startsWith("    c");
        assertThat(model.cursorColumn()).isEqualTo(19);
        assertRoundTrip(model);
    }

    @Test
    void cursorMovesStopAtTheMargins() {
        ScreenModel model = model(10, 10, "\033[3;6r\033[5;5H\033[9A");
        assertThat(model.cursorRow()).isEqualTo(2);
        feed(model, "\033[9B");
        assertThat(model.cursorRow()).isEqualTo(5);
        feed(model, "\033[8;1H\033[9A");
        assertThat(model.cursorRow()).isEqualTo(2);
        feed(model, "\033[1;1H\033[9A\033[99C");
        assertThat(model.cursorRow()).isZero();
        assertThat(model.cursorColumn()).isEqualTo(9);
        feed(model, "\033[3d\033[4`\033[2a\033[e");
        assertThat(model.cursorRow()).isEqualTo(3);
        assertThat(model.cursorColumn()).isEqualTo(5);
        feed(model, "\033[2E");
        assertThat(model.cursorColumn()).isZero();
        assertThat(model.cursorRow()).isEqualTo(5);
    }

    @Test
    void originModeAndTheCursorReport() {
        ScreenModel model = new ScreenModel(10, 10);
        List<String> replies = new ArrayList<>();
        model.setReplies(reply -> replies.add(new String(reply, StandardCharsets.US_ASCII)));
        feed(model, "\033[3;6r\033[?6h\033[2;4H\033[6n\033[?6l\033[6n\033[5n\033[c\033[>c\033[?6n");
        assertThat(replies).containsExactly("\033[2;4R", "\033[1;1R", "\033[0n", "\033[?62;22c",
                "\033[>1;10;0c", "\033[?1;1;1R");
        feed(model, "\033[?6h\033[9;1H");
        assertThat(model.cursorRow()).isEqualTo(5); // kept inside the region
        assertRoundTrip(model);
    }

    @Test
    void noRepliesByDefault() {
        ScreenModel model = model(10, 2, "\033[6n\033[c");
        assertThat(model.lines()).containsExactly("", "");
    }

    @Test
    void saveAndRestoreTheCursorWithRenditionAndCharsets() {
        ScreenModel model = model(10, 3, "\033[2;3H\033[1;31m\033(0\0337\033[m\033(B\033[H\0338q");
        assertThat(model.lines()).containsExactly("", "  ─", "");
        assertThat(model.dump()).contains("{bold,fg=i1,}─");
        feed(model, "\033[3;1H\033[s\033[1;1H\033[ux");
        assertThat(model.lines().get(2)).isEqualTo("│"); // x, still in the graphics set restored by CSI u
        assertRoundTrip(model);
    }

    @Test
    void alternateScreen1049SavesTheCursorAndClears() {
        ScreenModel model = model(10, 3, "shell\r\n$ \033[?1049h\033[Hvim\033[2;2Hx");
        assertThat(model.alternateScreen()).isTrue();
        assertThat(model.lines()).containsExactly("vim", " x", "");
        assertRoundTrip(model);
        feed(model, "\033[?1049l");
        assertThat(model.alternateScreen()).isFalse();
        assertThat(model.lines()).containsExactly("shell", "$", "");
        assertThat(model.cursorColumn()).isEqualTo(2);
        assertThat(model.cursorRow()).isEqualTo(1);
        feed(model, "\033[?1049h");
        assertThat(model.lines()).containsExactly("", "", ""); // cleared on entry
    }

    @Test
    void alternateScreen47KeepsItsContent() {
        ScreenModel model = model(10, 2, "a\033[?47hb\033[?47lc\033[?47h");
        assertThat(model.lines()).containsExactly(" b", "");
        feed(model, "\033[?1047l");
        assertThat(model.lines()).containsExactly("a c", "");
        feed(model, "\033[?1047h");
        assertThat(model.lines()).containsExactly("", ""); // ?1047l cleared it
    }

    @Test
    void theAlternateScreenHasNoScrollback() {
        ScreenModel model = model(5, 2, "\033[?1049h1\r\n2\r\n3\r\n4");
        assertThat(model.takeScrolledOff()).isEmpty();
        feed(model, "\033[?1049l1\r\n2\r\n3");
        assertThat(model.takeScrolledOff()).hasSize(1);
    }

    @Test
    void scrolledOffLinesCarryTheirRenditionAndAreBounded() {
        ScreenModel model = model(10, 2, "\033[1mbold\033[m plain\r\n\r\n");
        List<byte[]> lines = model.takeScrolledOff();
        assertThat(lines).hasSize(1);
        assertThat(new String(lines.get(0), StandardCharsets.UTF_8)).isEqualTo("\033[0;1mbold\033[0m plain");
        assertThat(model.takeScrolledOff()).isEmpty();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < ScreenModel.SCROLLBACK_LIMIT + 50; i++) {
            many.append(i).append("\r\n");
        }
        feed(model, many.toString());
        lines = model.takeScrolledOff();
        assertThat(lines).hasSize(ScreenModel.SCROLLBACK_LIMIT);
        assertThat(new String(lines.get(lines.size() - 1), StandardCharsets.UTF_8))
                .isEqualTo(Integer.toString(ScreenModel.SCROLLBACK_LIMIT + 48));
    }

    @Test
    void eraseSavedLines() {
        ScreenModel model = model(5, 2, "1\r\n2\r\n3\033[3J");
        assertThat(model.takeScrolledOff()).isEmpty();
    }

    @Test
    void aShorterScreenKeepsTheCursorLineAndSendsTheTopToTheScrollback() {
        ScreenModel model = model(10, 6, "1\r\n2\r\n3\r\n4\r\n$ ");
        model.resize(10, 3);
        assertThat(model.lines()).containsExactly("3", "4", "$");
        assertThat(model.cursorRow()).isEqualTo(2);
        assertThat(model.takeScrolledOff()).extracting(String::new).containsExactly("1", "2");
        model.resize(4, 5);
        assertThat(model.lines()).containsExactly("3", "4", "$", "", "");
        model.resize(1, 5);
        assertThat(model.cursorColumn()).isZero();
        assertRoundTrip(model);
    }

    @Test
    void blankRowsUnderTheCursorGoFirst() {
        ScreenModel model = model(10, 6, "1\r\n2");
        model.resize(10, 3);
        assertThat(model.lines()).containsExactly("1", "2", "");
        assertThat(model.takeScrolledOff()).isEmpty();
    }

    @Test
    void narrowerScreenCutsAWideCharacterAtTheEdge() {
        ScreenModel model = model(6, 1, "ab日x");
        model.resize(3, 1);
        assertThat(model.lines()).containsExactly("ab");
        assertRoundTrip(model);
    }

    @Test
    void resizeOnTheAlternateScreenKeepsBothScreens() {
        ScreenModel model = model(10, 5, "1\r\n2\r\n3\r\n$ \033[?1049h\033[Hvim\033[5;1H~");
        model.resize(6, 3);
        assertThat(model.alternateScreen()).isTrue();
        assertThat(model.cursorRow()).isEqualTo(2);
        assertRoundTrip(model);
        feed(model, "\033[?1049l");
        assertThat(model.lines()).containsExactly("2", "3", "$");
        assertThat(model.cursorRow()).isEqualTo(2);
        assertThat(model.cursorColumn()).isEqualTo(2);
    }

    @Test
    void modesSurviveTheRepaint() {
        ScreenModel model = model(20, 4, "\033[?1h\033=\033[?2004h\033[?1002h\033[?1006h\033[?1004h\033[?7l"
                + "\033[4h\033[?25l\033[?12h\033[5 q\033]2;my title\007\033[2;3r\033[?6h\033[2;2Hx\033[44m");
        assertThat(model.cursorVisible()).isFalse();
        assertThat(model.title()).isEqualTo("my title");
        assertRoundTrip(model);
        String leave = new String(model.leave(), StandardCharsets.US_ASCII);
        assertThat(leave).contains("\033[0m", "\033[r", "\033[?25h", "\033[?1l", "\033>", "\033[?2004l",
                "\033[?1002l", "\033[?1006l", "\033[?1004l", "\033[?7h", "\033[?6l", "\033[4l").doesNotContain("1049");
        feed(model, "\033[?1049h");
        assertThat(new String(model.leave(), StandardCharsets.US_ASCII)).startsWith("\033[?1049l");
    }

    @Test
    void leavingPutsTheCursorBackWhereTheProgramLeftItAfterTheResetsThatHomeIt() {
        // a scroll region with origin mode: the cursor's row counts from the region's top
        ScreenModel region = model(20, 6, "a\r\nb\r\n\033[2;5r\033[?6h\033[1;3Hc");
        assertThat(new String(region.leave(), StandardCharsets.US_ASCII)).endsWith("\033[2;4H");
        // in the alternate screen: the main screen's cursor, as ?1049l brings it back
        ScreenModel alternate = model(20, 6, "x\r\ny\033[?1049h\033[3;3Hz");
        String leave = new String(alternate.leave(), StandardCharsets.US_ASCII);
        assertThat(leave).startsWith("\033[?1049l").endsWith("\033[2;2H");
    }

    @Test
    void theSavedCursorOfBothScreensSurvivesTheRepaint() {
        ScreenModel model = model(10, 4, "ab\033[1;31m\0337\033[m\033[?1049h\033[3;3H\033[4m\0337\033[Hz");
        assertRoundTrip(model);
        ScreenModel copy = new ScreenModel(10, 4);
        copy.feed(model.repaint());
        feed(copy, "\0338y\033[?1049lw");
        feed(model, "\0338y\033[?1049lw");
        assertThat(copy.dump()).isEqualTo(model.dump());
    }

    @Test
    void stringsAreSkippedOrBounded() {
        ScreenModel model = model(10, 2, "a\033P1$r0m\033\\b\033_apc\033\\c\033]0;t\033\\d\033]2;" + "x".repeat(10_000) + "\007e");
        assertThat(model.lines()).containsExactly("abcde", "");
        assertThat(model.title()).hasSize(VtParser.OSC_LIMIT - 2);
        assertThat(model("\033]0;one\007x", "").title()).isEqualTo("one");
    }

    private static ScreenModel model(String input, String ignored) {
        return model(10, 2, input);
    }

    @Test
    void cancelledSequencesAndControlsInsideThem() {
        ScreenModel model = model(10, 3, "\033[2\030Ax\033[2;\n3Hy");
        assertThat(model.lines()).containsExactly("Ax", "  y", "");
    }

    @Test
    void resets() {
        ScreenModel model = model(4, 2, "\033#8");
        assertThat(model.lines()).containsExactly("EEEE", "EEEE");
        feed(model, "\033[?25l\033[?1h\033[1;2r\033[31m\033[!p");
        assertThat(model.cursorVisible()).isTrue();
        assertThat(model.dump()).contains("decckm=false", "margins 0-1");
        feed(model, "\033[?1049h\033c");
        assertThat(model.alternateScreen()).isFalse();
        assertThat(model.lines()).containsExactly("", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void utf8SplitAnywhere(int chunk) {
        byte[] bytes = "é日本\uD83D\uDE00\033[31mx\033]2;t\007".getBytes(StandardCharsets.UTF_8);
        ScreenModel model = new ScreenModel(10, 1);
        for (int i = 0; i < bytes.length; i += chunk) {
            model.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        assertThat(model.lines()).containsExactly("é日本\uD83D\uDE00x");
        assertThat(model.title()).isEqualTo("t");
    }

    @Test
    void footprintCountsScrollback() {
        ScreenModel model = new ScreenModel(80, 24);
        long empty = model.footprint();
        assertThat(empty).isBetween(20_000L, 40_000L);
        feed(model, "x\r\n".repeat(2000));
        assertThat(model.footprint()).isGreaterThan(empty + ScreenModel.SCROLLBACK_LIMIT * 80 * 12L);
        model.takeScrolledOff();
        assertThat(model.footprint()).isLessThan(empty + 1000);
    }
}

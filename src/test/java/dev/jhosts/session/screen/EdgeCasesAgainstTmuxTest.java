package dev.jhosts.session.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corner cases of cursor, wrap, editing and scrolling, fed to the model and to a tmux pane of
 * the same size: the lines and the cursor must agree; and each survives the repaint round trip.
 */
class EdgeCasesAgainstTmuxTest {
    private static final int COLUMNS = 20;
    private static final int ROWS = 6;
    private static final String FULL = "abcdefghijklmnopqrst"; // exactly one row

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("carriage return while a wrap is pending", FULL + "\rx"),
                Arguments.of("tab at the end of the line", "abc\t\t\t\tx\ty"),
                Arguments.of("wrap at the bottom scrolls", "1\r\n2\r\n3\r\n4\r\n5\r\n" + FULL + "x"),
                Arguments.of("wide character at the last column", "abcdefghijklmnopqrs日x"),
                Arguments.of("combining mark after a wide character", "日\u0301x\r\n" + FULL.substring(1) + "e\u0301"),
                Arguments.of("erase above and below", "1\r\n2\r\n3\r\n4\033[2;1H\033[1Jx\033[3;1H\033[0J"),
                Arguments.of("position past the edges", "\033[99;99Hx\033[0;0Hy\033[5;0Hz"),
                Arguments.of("insert and delete characters", FULL + "\033[1;5H\033[3@\033[1;15H\033[2P\033[1;2H\033[4X"),
                Arguments.of("region scrolls and reverse index at the top",
                        "1\r\n2\r\n3\r\n4\r\n5\r\n6\033[2;5r\033[5;1H\n\nx\033[2;1H\033M\033My\033[H\033Mz"),
                Arguments.of("scroll up and down in a region", "1\r\n2\r\n3\r\n4\r\n5\r\n6\033[2;5r\033[2S\033[T"),
                Arguments.of("origin mode positions", "\033[3;5r\033[?6h\033[1;1Hx\033[9;9Hy\033[?6lz"),
                Arguments.of("an invalid region is ignored", "\033[4;4r\033[6;1H\r\n\r\nx"),
                Arguments.of("repeat", "ab\033[3b\r\n\033[b"),
                Arguments.of("screen alignment", "x\033[2;3r\033#8\033[?6lq"),
                Arguments.of("no autowrap", "\033[?7l" + FULL + "xyz\033[?7h\r\n" + FULL + "xyz"),
                Arguments.of("save and restore", "\033[2;3H\0337\033[5;5H\0338x\033[s\033[H\033[uy"),
                Arguments.of("alternate screen round trip", "shell\r\n$ \033[?1049h\033[Hfull\033[?1049lz"),
                Arguments.of("cursor up and down at the region", "\033[2;4r\033[3;1H\033[9Ax\033[9By\033[6;1H\033[9Az"),
                Arguments.of("next and previous line", "\033[3;5H\033[2Ex\033[3Fy"));
    }

    /**
     * Where tmux is not xterm: the last-column flag is reset by BS, LF, EL and CUF (DEC STD 070,
     * which xterm follows; tmux keeps it), IL/DL outside the margins do nothing (tmux works on the
     * whole screen), erasing or deleting part of a wide character blanks all of it, and CHT is
     * supported (tmux 3.3 has none). The expected screens are asserted as xterm shows them.
     */
    static Stream<Arguments> xtermOnly() {
        return Stream.of(
                Arguments.of("1\r\n" + FULL + "\by", List.of("1", "abcdefghijklmnopqryt"), 19),
                Arguments.of(FULL + "\nx", List.of(FULL, " ".repeat(19) + "x"), 19),
                Arguments.of(FULL + "\033[Kx", List.of("abcdefghijklmnopqrsx", ""), 19),
                Arguments.of(FULL + "\033[Cx", List.of("abcdefghijklmnopqrsx", ""), 19),
                Arguments.of("日本語\033[1;4Hx\033[1;1H\033[P", List.of("  x語", ""), 0),
                Arguments.of("1\r\n2\r\n3\r\n4\r\n5\r\n6\033[2;4r\033[6;1H\033[L\033[1;1H\033[M\033[3;1H\033[2L",
                        List.of("1", "2", "", "", "5", "6"), 0),
                Arguments.of("\033[1;15H\033[2Zx\033[3Iy", List.of("x" + " ".repeat(18) + "y", ""), 19),
                Arguments.of("日本語\033[1;2H\033[2Xx", List.of(" x  語", ""), 2));
    }

    @ParameterizedTest
    @MethodSource("xtermOnly")
    void whereTmuxDiffersTheModelDoesAsXtermDoes(String input, List<String> firstLines, int column) {
        ScreenModel model = new ScreenModel(COLUMNS, ROWS);
        model.feed(input.getBytes(StandardCharsets.UTF_8));
        assertThat(model.lines().subList(0, firstLines.size())).isEqualTo(firstLines);
        assertThat(model.cursorColumn()).isEqualTo(column);
        ScreenModel copy = new ScreenModel(COLUMNS, ROWS);
        copy.feed(model.repaint());
        assertThat(copy.dump()).isEqualTo(model.dump());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void modelAndTmuxAgree(String description, String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        ScreenModel model = new ScreenModel(COLUMNS, ROWS);
        model.feed(bytes);
        TmuxOracle.Shown tmux = TmuxOracle.show(COLUMNS, ROWS, bytes);
        assertThat(model.lines()).as("lines").isEqualTo(tmux.lines());
        assertThat(model.cursorColumn()).as("column").isEqualTo(tmux.cursorColumn());
        assertThat(model.cursorRow()).as("row").isEqualTo(tmux.cursorRow());
        ScreenModel copy = new ScreenModel(COLUMNS, ROWS);
        copy.feed(model.repaint());
        assertThat(copy.dump()).isEqualTo(model.dump());
    }
}

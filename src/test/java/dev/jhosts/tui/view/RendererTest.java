package dev.jhosts.tui.view;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.HelpText;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.MasterAction;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.Overlay;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.Update;
import dev.jhosts.tui.state.ViewState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final Appearance COLOUR = Appearance.of(true, true);
    private static final Appearance NO_COLOUR = Appearance.of(false, true);
    private static final Appearance ASCII = Appearance.of(true, false);

    private static final List<Host> CATALOGUE = List.of(
            host("web1", "10.0.0.1", "Production", List.of("web"), "front end"),
            host("db-main", "db.internal", "Production", List.of("db"), "postgres primary"),
            host("東京サーバ", "tokyo.example.jp", "", List.of(), "CJK alias"),
            host("🚀rocket", "rocket.example.org", "", List.of(), "emoji alias"),
            host("cafe\u0301", "cafe.example.org", "", List.of(), "combining accent"),
            host("lab", "lab.example.org", "Lab", List.of("test"), ""));

    private static ViewState state(int columns, int rows) {
        return ViewState.initial(CATALOGUE, List.of(), new ScreenSize(columns, rows), T0, Duration.ofMillis(300));
    }

    private static ViewState send(ViewState state, UiEvent... events) {
        ViewState current = state;
        for (UiEvent event : events) {
            current = Update.update(Keymap.defaults(), current, event).state();
        }
        return current;
    }

    private static ViewState typed(ViewState state, String text) {
        ViewState current = state;
        for (int c : text.codePoints().toArray()) {
            current = send(current, new UiEvent.KeyPressed(new Key.Typed(c)));
        }
        return current;
    }

    @Test
    void at80x24EveryPartIsDrawn() {
        ViewState state = send(state(80, 24),
                new UiEvent.DetailsResolved("web1", new EffectiveOptions("web1", Map.of(
                        "hostname", List.of("10.0.0.1"), "user", List.of("admin"), "port", List.of("2222"),
                        "proxyjump", List.of("bastion")))),
                new UiEvent.MasterChanged("web1", new MasterState.Live(4242)),
                new UiEvent.Notice("session ended: exit 3"));
        ScreenText screen = new ScreenText(state, COLOUR);
        String text = screen.text();
        assertThat(screen.row(0)).contains("jhosts").contains("6 hosts").contains("6 shown").contains("1 live");
        assertThat(screen.row(1)).contains("type to filter");
        assertThat(screen.row(2)).as("the first group's header").contains("▾ Production (2)");
        assertThat(screen.row(3)).startsWith("›●").contains("web1").contains("admin@10.0.0.1").contains("front end")
                .contains("#web").as("the group is its header's").doesNotContain("[Production]");
        assertThat(text).contains("HostName 10.0.0.1  User admin  Port 2222  ProxyJump bastion");
        assertThat(text).contains("Master live, pid 4242");
        assertThat(screen.row(22)).contains("session ended: exit 3");
        assertThat(screen.row(23)).contains("Enter connect").contains("Esc quit");
        assertThat(screen.cursor).contains(new CursorAt(2, 1));
    }

    @Test
    void theMasterStateColumnShowsEachState() {
        ViewState state = send(state(80, 24),
                new UiEvent.MasterChanged("db-main", new MasterState.Starting()),
                new UiEvent.MasterChanged("東京サーバ", new MasterState.Failed("Permission denied (publickey)", true)),
                new UiEvent.MasterChanged("lab", new MasterState.Unresponsive("no answer in 1.5s")));
        ScreenText unicode = new ScreenText(state, COLOUR);
        assertThat(unicode.row(unicode.rowOf("db-main")).charAt(1)).isEqualTo('⠋');
        assertThat(unicode.row(unicode.rowOf("東京サーバ")).charAt(1)).as("needs you").isEqualTo('◆');
        assertThat(unicode.row(unicode.rowOf("lab.example")).charAt(1)).isEqualTo('?');
        assertThat(unicode.row(unicode.rowOf("web1")).charAt(1)).isEqualTo(' ');
        ScreenText ascii = new ScreenText(state, ASCII);
        assertThat(ascii.row(ascii.rowOf("db-main")).charAt(1)).isEqualTo('|');
        ViewState live = send(state, new UiEvent.MasterChanged("web1", new MasterState.Live(1)));
        assertThat(new ScreenText(live, ASCII).row(3).charAt(1)).isEqualTo('*');
    }

    @Test
    void detailsShowAFailureReason() {
        ViewState state = send(state(80, 24),
                new UiEvent.MasterChanged("web1", new MasterState.Failed("Connection refused", false)));
        assertThat(new ScreenText(state, COLOUR).text()).contains("Master failed: Connection refused");
        ViewState needsYou = send(state(80, 24),
                new UiEvent.MasterChanged("web1", new MasterState.Failed("Permission denied (publickey)", true)));
        assertThat(new ScreenText(needsYou, COLOUR).text()).contains("Master needs you: Permission denied (publickey) (Enter asks)");
        ViewState failed = send(state(80, 24), new UiEvent.DetailsFailed("web1", "Bad configuration option"));
        assertThat(new ScreenText(failed, COLOUR).text()).contains("ssh -G failed: Bad configuration option");
    }

    @Test
    void matchedCharactersAreHighlighted() {
        ViewState state = typed(state(80, 24), "dbm");
        ScreenText screen = new ScreenText(state, NO_COLOUR);
        int row = screen.rowOf("db-main");
        int start = screen.columnOf("db-main", row);
        assertThat(screen.cell(start, row).getModifiers()).contains(SGR.BOLD, SGR.UNDERLINE);
        assertThat(screen.cell(start + 1, row).getModifiers()).contains(SGR.BOLD);
        assertThat(screen.cell(start + 2, row).getModifiers()).doesNotContain(SGR.UNDERLINE);
        assertThat(screen.cell(start + 3, row).getModifiers()).contains(SGR.UNDERLINE);
        assertThat(screen.row(1)).contains("dbm");
        assertThat(screen.cursor).contains(new CursorAt(5, 1));
    }

    @Test
    void noColourUsesReverseVideoForTheSelectionAndNoColourAtAll() {
        ScreenText screen = new ScreenText(state(80, 24), NO_COLOUR);
        for (int row = 0; row < screen.rows(); row++) {
            for (int column = 0; column < screen.columns(); column++) {
                TextCharacter cell = screen.cell(column, row);
                assertThat(cell.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                assertThat(cell.getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        assertThat(screen.cell(10, 3).getModifiers()).as("web1, selected").contains(SGR.REVERSE);
        assertThat(screen.cell(10, 4).getModifiers()).doesNotContain(SGR.REVERSE);
    }

    @Test
    void asciiModeWritesOnlyAscii() {
        ViewState state = send(state(80, 24), new UiEvent.KeyPressed(Key.named(Key.Name.F1)));
        for (ViewState shown : List.of(state(80, 24), state)) {
            String text = new ScreenText(shown, ASCII).text();
            assertThat(text.chars()).allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f);
        }
        String text = new ScreenText(state(80, 24), ASCII).text();
        assertThat(text).contains("?????").contains(" ?rocket").contains("cafe ");
        assertThat(new ScreenText(state(80, 24), ASCII).row(2)).startsWith(" - Production (2)");
        assertThat(new ScreenText(state(80, 24), ASCII).row(3)).startsWith(">");
    }

    @Test
    void wideGlyphsKeepTheColumnsAligned() {
        ScreenText screen = new ScreenText(state(80, 24), COLOUR);
        int expected = screen.columnOf("admin@10.0.0.1", screen.rowOf("web1"));
        assertThat(expected).isPositive();
        assertThat(screen.columnOf("admin@tokyo", screen.rowOf("東京サーバ"))).isEqualTo(expected);
        assertThat(screen.columnOf("admin@rocket", screen.rowOf("rocket"))).isEqualTo(expected);
        assertThat(screen.columnOf("admin@cafe", screen.rowOf("café"))).isEqualTo(expected);
    }

    @Test
    void wideGlyphsAreCutWholeAtTheRightEdge() {
        for (int columns = 1; columns <= 30; columns++) {
            ScreenText screen = new ScreenText(state(columns, 24), COLOUR);
            for (int row = 0; row < screen.rows(); row++) {
                TextCharacter last = screen.cell(columns - 1, row);
                if (columns > 1 && screen.cell(columns - 2, row).isDoubleWidth()) {
                    continue; // the right half of a glyph that fits
                }
                assertThat(last.isDoubleWidth()).as("%d columns, row %d: %s", columns, row, screen.row(row)).isFalse();
            }
        }
    }

    @Test
    void tinyScreensDoNotBreak() {
        ViewState withPane = send(state(80, 24), new UiEvent.MastersListed(List.of(
                new MasterRow("/run/a", List.of("web1"), new MasterState.Live(12), true, T0))));
        for (int columns : new int[] {1, 2, 5, 20, 79, 80, 200}) {
            for (int rows : new int[] {1, 2, 3, 5, 7, 24, 60}) {
                for (ViewState base : List.of(state(80, 24), withPane,
                        send(withPane, new UiEvent.KeyPressed(Key.named(Key.Name.F1))),
                        withPane.withOverlay(new Overlay.Connecting("web1")))) {
                    ViewState sized = send(base, new UiEvent.Resized(columns, rows));
                    assertThatCode(() -> new ScreenText(sized, COLOUR)).doesNotThrowAnyException();
                }
            }
        }
        ScreenText small = new ScreenText(state(20, 5), COLOUR);
        assertThat(small.text()).contains("web1");
        ScreenText one = new ScreenText(state(1, 1), COLOUR);
        assertThat(one.row(0)).isEqualTo("›");
    }

    @Test
    void statusPaneListsMasters() {
        ViewState state = send(state(80, 24),
                new UiEvent.Tick(T0.plusSeconds(754)),
                new UiEvent.MastersListed(List.of(
                        new MasterRow("/run/a", List.of("web1", "www"), new MasterState.Live(4242), true, T0),
                        new MasterRow("/run/b", List.of("db-main"), new MasterState.Unresponsive("timeout"), false,
                                T0.plusSeconds(700)))),
                new UiEvent.KeyPressed(Key.named(Key.Name.TAB)));
        ScreenText screen = new ScreenText(state, COLOUR);
        assertThat(screen.text()).contains("masters (2)");
        String first = screen.row(screen.rowOf("web1,www"));
        assertThat(first).contains("pid 4242").contains("12m").contains("live").contains("jhosts").startsWith("›●");
        assertThat(screen.row(screen.rowOf("pid -"))).contains("db-main").contains("54s").contains("unresponsive")
                .contains("found");
        assertThat(screen.row(23)).contains("c check").contains("k kill");
        assertThat(screen.cursor).isEmpty();
    }

    @Test
    void killConfirmationAndHelpAreDrawnOverTheList() {
        MasterRow row = new MasterRow("/run/a", List.of("web1"), new MasterState.Live(4242), true, T0);
        ScreenText confirm = new ScreenText(state(80, 24).withOverlay(new Overlay.Confirm(MasterAction.KILL, row)), COLOUR);
        assertThat(confirm.text()).contains("Kill the master of web1 (pid 4242)?").contains("y: kill");
        ScreenText help = new ScreenText(state(80, 24).withOverlay(new Overlay.Help()), COLOUR);
        assertThat(help.text()).contains("Esc").contains("tag:x group:y").contains("PgUp/PgDn scroll");
    }

    /** At 80x24 the help pages through every line of every key table, each in full, and ends with the warnings. */
    @Test
    void theHelpShowsEveryKeyAt80x24ByScrolling() {
        ViewState state = state(80, 24);
        List<HelpText.Line> lines = HelpText.lines(Keymap.defaults(), state);
        StringBuilder seen = new StringBuilder();
        int top = 0;
        for (int page = 0; page < 20 && top <= HelpText.maxTop(Keymap.defaults(), state); page++) {
            ScreenText screen = new ScreenText(state.withOverlay(new Overlay.Help(top)), COLOUR);
            assertThat(screen.lines()).hasSize(24);
            seen.append(screen.text());
            top += HelpText.visibleRows(state.size());
        }
        seen.append(new ScreenText(state.withOverlay(new Overlay.Help(HelpText.maxTop(Keymap.defaults(), state))), COLOUR)
                .text());
        for (HelpText.Line line : lines) {
            if (!line.text().isEmpty()) {
                String shown = String.format("%-20s %s", line.keys(), line.text());
                assertThat(seen.toString()).as("the help shows %s in full", shown).contains(shown);
            }
        }
        assertThat(seen.toString()).contains("kill its pid").contains("In a session").contains("^\\")
                .contains("Dialogs");
    }

    @Test
    void groupHeadersFoldAndTheHeaderNamesTheOrder() {
        ScreenText open = new ScreenText(state(80, 24), COLOUR);
        assertThat(open.row(0)).contains("order: recent first");
        assertThat(open.lines()).contains(
                padded(" ▾ Production (2)"), padded(" ▾ no group (3)"), padded(" ▾ Lab (1)"));
        assertThat(open.rowOf("no group")).isLessThan(open.rowOf("東京サーバ"));
        assertThat(open.cell(3, 2).getForegroundColor()).isEqualTo(TextColor.ANSI.CYAN_BRIGHT);
        ViewState folded = send(state(80, 24), new UiEvent.KeyPressed(Key.named(Key.Name.LEFT)));
        ScreenText screen = new ScreenText(folded, COLOUR);
        assertThat(screen.row(2)).startsWith("›▸ Production (2)");
        assertThat(screen.text()).contains("2 hosts, folded: Right or Enter unfolds");
        assertThat(screen.text()).doesNotContain("web1").doesNotContain("db-main").contains("lab.example.org");
        assertThat(screen.row(0)).as("hosts shown count the hidden ones").contains("6 shown");
        ViewState alphabetical = send(state(80, 24), new UiEvent.KeyPressed(Key.named(Key.Name.F3)));
        assertThat(new ScreenText(alphabetical, COLOUR).row(0)).contains("order: a-z");
    }

    @Test
    void foldedHeadersInAsciiAndWithoutColour() {
        ViewState folded = send(state(80, 24), new UiEvent.KeyPressed(Key.named(Key.Name.LEFT)));
        ScreenText ascii = new ScreenText(folded, ASCII);
        assertThat(ascii.row(2)).startsWith(">+ Production (2)");
        assertThat(ascii.lines()).contains(padded(" - Lab (1)"));
        assertThat(ascii.text().chars()).allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f);
        ScreenText plain = new ScreenText(folded, NO_COLOUR);
        assertThat(plain.cell(5, 2).getModifiers()).as("the selected header").contains(SGR.REVERSE);
        int lab = plain.rowOf("Lab (1)");
        assertThat(plain.cell(3, lab).getModifiers()).contains(SGR.BOLD).doesNotContain(SGR.REVERSE);
        for (int row = 0; row < plain.rows(); row++) {
            for (int column = 0; column < plain.columns(); column++) {
                assertThat(plain.cell(column, row).getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
    }

    @Test
    void headersOnTinyScreens() {
        ViewState onHeader = send(state(80, 24), new UiEvent.KeyPressed(Key.named(Key.Name.UP)),
                new UiEvent.KeyPressed(Key.named(Key.Name.LEFT)));
        for (int columns : new int[] {1, 2, 3, 4, 5, 20, 80}) {
            for (int rows : new int[] {1, 2, 3, 5, 24}) {
                for (Appearance look : List.of(COLOUR, ASCII, NO_COLOUR)) {
                    ViewState sized = send(onHeader, new UiEvent.Resized(columns, rows));
                    assertThatCode(() -> new ScreenText(sized, look)).doesNotThrowAnyException();
                    ViewState ended = send(sized, new UiEvent.KeyPressed(Key.named(Key.Name.END)));
                    assertThatCode(() -> new ScreenText(ended, look)).doesNotThrowAnyException();
                }
            }
        }
        assertThat(new ScreenText(send(onHeader, new UiEvent.Resized(1, 1)), COLOUR).row(0)).isEqualTo("›");
        assertThat(new ScreenText(send(onHeader, new UiEvent.Resized(20, 5)), ASCII).text()).contains(">+ Production");
        ViewState atEnd = send(onHeader, new UiEvent.Resized(20, 5), new UiEvent.KeyPressed(Key.named(Key.Name.END)));
        assertThat(new ScreenText(atEnd, COLOUR).text()).contains("lab");
    }

    private static String padded(String text) {
        return String.format("%-80s", text);
    }

    @Test
    void ageIsShort() {
        assertThat(StatusPanePainter.age(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(StatusPanePainter.age(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(StatusPanePainter.age(Duration.ofMinutes(185))).isEqualTo("3h05m");
        assertThat(StatusPanePainter.age(Duration.ofHours(52))).isEqualTo("2d4h");
        assertThat(StatusPanePainter.age(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}

package dev.jhosts.tui.view;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jhosts.catalog.Host;
import dev.jhosts.master.ForwardOrigin;
import dev.jhosts.master.ListedForward;
import dev.jhosts.master.MasterState;
import dev.jhosts.mux.Forward;
import dev.jhosts.tui.state.FileEntry;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.Update;
import dev.jhosts.tui.state.ViewState;
import dev.jhosts.tui.state.WorkNews;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The marks in the list, the results pane of a run, the forwards of a master and the files pane, drawn. */
class WorkPaintersTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final List<Host> CATALOGUE = List.of(host("web1"), host("web2"), host("db1"));

    private static ViewState send(ViewState state, UiEvent... events) {
        ViewState current = state;
        for (UiEvent event : events) {
            current = Update.update(Keymap.defaults(), current, event).state();
        }
        return current;
    }

    private static UiEvent key(Key key) {
        return new UiEvent.KeyPressed(key);
    }

    private static UiEvent[] typed(String text) {
        return text.codePoints().mapToObj(c -> key(new Key.Typed(c))).toArray(UiEvent[]::new);
    }

    private static ViewState start(int columns, int rows) {
        return ViewState.initial(CATALOGUE, List.of(), new ScreenSize(columns, rows), T0, Duration.ofMillis(300));
    }

    /** web1 and db1 marked, "uptime" run on them: web1 exited 0 after two lines, db1 still runs. */
    private static ViewState ran(int columns, int rows) {
        ViewState state = send(start(columns, rows), key(Key.typed(' ')), key(Key.named(Key.Name.DOWN)),
                key(Key.named(Key.Name.DOWN)), key(Key.typed(' ')), key(Key.ctrl('r')));
        state = send(state, typed("uptime"));
        state = send(state, key(Key.named(Key.Name.ENTER)));
        int id = state.work().run().id();
        return send(state,
                new UiEvent.Work(new WorkNews.RunHostRunning(id, "web1")),
                new UiEvent.Work(new WorkNews.RunOutput(id, "web1", List.of("first line", "\033[32m load average: 0.1\033[0m"))),
                new UiEvent.Work(new WorkNews.RunHostDone(id, "web1", "exit 0", "", true)),
                new UiEvent.Work(new WorkNews.RunHostRunning(id, "db1")));
    }

    @Test
    void markedHostsShowTheirMark() {
        ViewState marked = send(start(80, 24), key(Key.typed(' ')));
        ScreenText screen = new ScreenText(marked, Appearance.of(true, true));
        assertThat(screen.row(screen.rowOf("web1"))).contains("✓web1");
        assertThat(screen.row(screen.rowOf("web2"))).doesNotContain("✓");
        assertThat(screen.text()).contains("1 host marked: ^R runs a command on them");
        ScreenText ascii = new ScreenText(marked, Appearance.of(true, false));
        assertThat(ascii.row(ascii.rowOf("web1"))).contains("+web1");
    }

    @Test
    void theResultsPaneShowsEachHostsStateAndLastLineAndTheSelectedOnesOutput() {
        ScreenText screen = new ScreenText(ran(100, 24), Appearance.of(true, true));
        assertThat(screen.text()).contains("run on 2 hosts, 1 done: uptime");
        String web1 = screen.row(screen.rowOf("exit 0"));
        assertThat(web1).contains("web1").contains("load average: 0.1").doesNotContain("[32m");
        assertThat(screen.row(screen.rowOf("running"))).contains("db1");
        assertThat(screen.text()).contains("web1: 2 lines").contains(" first line");
        assertThat(screen.text()).contains("x stop");
        assertThat(screen.cursor).as("no cursor over the results").isEmpty();
    }

    @Test
    void theCommandInputTakesTheFilterLineAndTheCursor() {
        ViewState typing = send(send(start(80, 24), key(Key.typed(' ')), key(Key.ctrl('r'))), typed("df -h"));
        ScreenText screen = new ScreenText(typing, Appearance.of(true, true));
        assertThat(screen.row(1)).startsWith("run on web1 › df -h");
        assertThat(screen.cursor).isPresent();
        assertThat(screen.cursor.get().row()).isEqualTo(1);
        assertThat(screen.cursor.get().column()).isEqualTo("run on web1 › df -h".length());
    }

    @Test
    void theForwardsOfAMasterAndTheFormsProblem() {
        ViewState state = send(start(100, 30),
                new UiEvent.MastersListed(List.of(new MasterRow("/run/j/abc", List.of("web1"), new MasterState.Live(42), true, T0))),
                key(Key.named(Key.Name.TAB)), key(Key.typed('f')));
        state = send(state, new UiEvent.Work(new WorkNews.ForwardsListed("/run/j/abc", List.of(
                ListedForward.open(Forward.parseOption("-L 8080:db:5432"), ForwardOrigin.CONFIG, 0, Instant.EPOCH),
                ListedForward.open(Forward.parseOption("-R 0:localhost:22"), ForwardOrigin.JHOSTS, 40123, T0),
                new ListedForward(Forward.parseOption("-D 1080"), ForwardOrigin.SETTING, ListedForward.Status.REFUSED, 0, T0,
                        "Port forwarding failed (bind [127.0.0.1]:1080: Address already in use)")))));
        ScreenText screen = new ScreenText(state, Appearance.of(true, true));
        assertThat(screen.text()).contains("forwards of web1 (3)");
        assertThat(screen.row(screen.rowOf("-L 8080:db:5432"))).contains("config");
        assertThat(screen.row(screen.rowOf("-R 0:localhost:22"))).contains("jhosts").contains("port 40123 chosen by the server");
        assertThat(screen.row(screen.rowOf("-D 1080"))).contains("setting").contains("refused: Port forwarding failed");
        state = send(state, key(Key.typed('a')));
        state = send(state, typed("-L nonsense"));
        state = send(state, key(Key.named(Key.Name.ENTER)));
        screen = new ScreenText(state, Appearance.of(true, true));
        assertThat(screen.text()).contains("add › -L nonsense").contains("bad local forwarding specification 'nonsense'");
        assertThat(screen.cursor).isPresent();
    }

    @Test
    void smallScreensDoNotBreak() {
        for (int columns : new int[] {1, 5, 20, 80}) {
            for (int rows : new int[] {1, 2, 4, 8, 24}) {
                ViewState sized = send(ran(100, 24), new UiEvent.Resized(columns, rows));
                assertThatCode(() -> new ScreenText(sized, Appearance.of(true, true))).doesNotThrowAnyException();
                ViewState files = send(opened(), new UiEvent.Resized(columns, rows));
                assertThatCode(() -> new ScreenText(files, Appearance.of(true, true))).doesNotThrowAnyException();
            }
        }
    }

    /** The files pane on web1: its home with a folder and a file with an escape in its name; here unreadable. */
    private static ViewState opened() {
        return send(start(100, 24), key(Key.named(Key.Name.F6)),
                new UiEvent.Work(new WorkNews.FilesListed("web1", true, "/home/u",
                        List.of(new FileEntry("src", true, -1), new FileEntry("a\033[2Jb.txt", false, 2048)), "")),
                new UiEvent.Work(new WorkNews.FilesUnavailable("web1", false, "Permission denied")));
    }

    @Test
    void theFilesPaneDrawsBothSidesTheHostsOnTheLeftAndAnOddNameEscaped() {
        ScreenText screen = new ScreenText(opened(), Appearance.of(true, true));
        String text = screen.text();
        assertThat(text).contains("files: web1").contains("web1:/home/u").contains("src/").contains("2.0 KiB")
                .contains("Permission denied").doesNotContain("\033");
        int srcRow = -1;
        for (int row = 0; row < 24; row++) {
            if (screen.row(row).contains("src/")) {
                srcRow = row;
            }
        }
        assertThat(screen.row(srcRow)).startsWith("›");
        assertThat(screen.columnOf("Permission denied", srcRow)).isGreaterThan(50);
    }

    @Test
    void theFilesPaneShowsTheDeleteAskedAboutAndACopysProgressShowInThePaneAndOnTheHostsRow() {
        ViewState asking = send(opened(), key(Key.named(Key.Name.F8)));
        assertThat(new ScreenText(asking, Appearance.of(true, true)).text())
                .contains("delete /home/u/src on web1, folders with all they hold? (y/N)");

        ViewState copying = send(opened(), key(Key.named(Key.Name.F5)));
        // the local side failed: no copy
        assertThat(copying.message()).contains("both sides must be listed");
        ViewState listed = send(opened(), new UiEvent.Work(new WorkNews.FilesListed("web1", false, "/work", List.of(), "")),
                key(Key.named(Key.Name.F5)),
                new UiEvent.Work(new WorkNews.CopyProgressed("web1", "src 1.0 KiB of 4.0 KiB 25%")));
        assertThat(new ScreenText(listed, Appearance.of(true, true)).text()).contains("src 1.0 KiB of 4.0 KiB 25%");
        ViewState closed = send(listed, key(Key.named(Key.Name.ESCAPE)));
        ScreenText list = new ScreenText(closed, Appearance.of(true, true));
        String webRow = list.text().lines().filter(line -> line.contains("web1") && !line.contains("db1")).findFirst().orElseThrow();
        assertThat(webRow).contains("⇅ src 1.0 KiB of 4.0 KiB 25%");
        assertThat(new ScreenText(closed, Appearance.of(true, false)).text()).contains("<> src 1.0 KiB");
    }
}

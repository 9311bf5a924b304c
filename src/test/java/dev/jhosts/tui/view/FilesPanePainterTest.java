package dev.jhosts.tui.view;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import dev.jhosts.tui.state.FileEntry;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.Update;
import dev.jhosts.tui.state.ViewState;
import dev.jhosts.tui.state.WorkNews;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files pane drawn: both sides, the delete it asks about, a copy's progress in it and on the host's row. */
class FilesPanePainterTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final List<Host> CATALOGUE = List.of(host("web1"), host("db1"));

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

    private static ViewState opened() {
        ViewState state = ViewState.initial(CATALOGUE, List.of(), new ScreenSize(100, 24), T0, Duration.ofMillis(300));
        return send(state, key(Key.named(Key.Name.F6)),
                new UiEvent.Work(new WorkNews.FilesListed("web1", true, "/home/u",
                        List.of(new FileEntry("src", true, -1), new FileEntry("a\033[2Jb.txt", false, 2048)), "")),
                new UiEvent.Work(new WorkNews.FilesUnavailable("web1", false, "Permission denied")));
    }

    @Test
    void bothSidesAreDrawnTheHostsOnTheLeftAndAnOddNameEscaped() {
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
    void theDeleteAskedAboutAndACopysProgressShowInThePaneAndOnTheHostsRow() {
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

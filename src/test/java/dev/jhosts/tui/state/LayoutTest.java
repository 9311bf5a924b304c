package dev.jhosts.tui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    private static int total(Layout layout) {
        return List.of(layout.header(), layout.filter(), layout.list(), layout.pane(), layout.details(),
                layout.status(), layout.footer()).stream().mapToInt(Band::height).sum();
    }

    @Test
    void everyPartHasRoomAt80x24() {
        Layout layout = Layout.of(new ScreenSize(80, 24), 2);
        assertThat(layout.header()).isEqualTo(new Band(0, 1));
        assertThat(layout.filter()).isEqualTo(new Band(1, 1));
        assertThat(layout.list().height()).isGreaterThanOrEqualTo(10);
        assertThat(layout.pane().height()).isEqualTo(3);
        assertThat(layout.details().height()).isEqualTo(Layout.DETAILS_ROWS);
        assertThat(layout.footer()).isEqualTo(new Band(23, 1));
        assertThat(total(layout)).isEqualTo(24);
    }

    @Test
    void smallScreensDropPartsButKeepTheList() {
        for (int rows = 1; rows <= 30; rows++) {
            Layout layout = Layout.of(new ScreenSize(80, rows), 3);
            assertThat(total(layout)).as("rows %d", rows).isEqualTo(rows);
            assertThat(layout.list().height()).as("rows %d", rows).isPositive();
        }
        Layout one = Layout.of(new ScreenSize(1, 1), 3);
        assertThat(one.list()).isEqualTo(new Band(0, 1));
        assertThat(one.filter().shown()).isFalse();
        Layout five = Layout.of(new ScreenSize(20, 5), -1);
        assertThat(five.filter().shown()).isTrue();
        assertThat(five.details().shown()).isFalse();
    }

    @Test
    void aHiddenPaneTakesNoRows() {
        assertThat(Layout.of(new ScreenSize(80, 24), -1).pane().shown()).isFalse();
        assertThat(Layout.of(new ScreenSize(80, 24), 0).pane().height()).isEqualTo(2);
        assertThat(Layout.of(new ScreenSize(80, 40), 50).pane().height()).isEqualTo(1 + Layout.PANE_MAX_ROWS);
    }
}

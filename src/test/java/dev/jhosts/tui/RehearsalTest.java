package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.terminal.DrawingRehearsal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearsalTest {

    @Test
    void theRehearsalRunsWithoutATerminal() {
        assertThatCode(Rehearsal::run).doesNotThrowAnyException();
    }

    @Test
    void theDrawingRehearsalDecodesItsSampleKeys() throws Exception {
        List<Key> keys = DrawingRehearsal.run(List.of(graphics -> graphics.putString(0, 0, "frame")));
        assertThat(keys).startsWith(Key.typed('a'), Key.typed('b'), Key.named(Key.Name.UP), Key.named(Key.Name.DOWN),
                Key.named(Key.Name.PAGE_UP), Key.named(Key.Name.F1)).contains(Key.ctrl('c'), Key.typed('é'));
    }
}

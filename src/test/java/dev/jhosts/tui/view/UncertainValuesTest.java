package dev.jhosts.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.ViewState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host whose listed values may differ from ssh's is marked in its row and explained in the details. */
class UncertainValuesTest {
    private static final String WHY = "Match exec at ~/.ssh/config:12 may set User";

    private static Host host(String alias, String uncertainty) {
        return new Host(alias, alias + ".example.org", "admin", 22, "", List.of(), "", "", false, false,
                Path.of("/tmp/ssh_config"), 1, uncertainty);
    }

    @Test
    void theRowIsMarkedAndTheDetailsSayWhy() {
        ViewState state = ViewState.initial(List.of(host("maybe", WHY), host("sure", "")), List.of(),
                new ScreenSize(140, 24), Instant.parse("2026-11-22T00:00:00Z"), Duration.ofMillis(300));

        ScreenText screen = new ScreenText(state, Appearance.of(true, true));

        String maybe = rowWith(screen, "maybe");
        String sure = rowWith(screen, "sure.example.org");
        assertThat(maybe.substring(2, 3)).isEqualTo(HostRowsPainter.UNCERTAIN_MARK);
        assertThat(sure.substring(2, 3)).isEqualTo(" ");
        assertThat(screen.text()).contains("~ values may differ from the list's: " + WHY);
    }

    private static String rowWith(ScreenText screen, String text) {
        for (String line : screen.text().split("\n")) {
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no row with " + text + " in\n" + screen.text());
    }
}

package dev.jhosts.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayTextTest {

    private static String joined(List<Cell> cells) {
        StringBuilder text = new StringBuilder();
        cells.forEach(cell -> text.append(cell.text()));
        return text.toString();
    }

    @Test
    void plainTextIsOneColumnPerCharacter() {
        assertThat(DisplayText.width("web1.example.org", true)).isEqualTo(16);
        assertThat(joined(DisplayText.cells("web1", false))).isEqualTo("web1");
    }

    @Test
    void wideGlyphsCountTwoAndLanternaAgrees() {
        for (String glyph : List.of("東", "🚀", "⌚", "한")) {
            List<Cell> cells = DisplayText.cells(glyph, true);
            assertThat(cells).hasSize(1);
            assertThat(cells.get(0).width()).as(glyph).isEqualTo(2);
            TextCharacter[] lanterna = TextCharacter.fromString(cells.get(0).text());
            assertThat(lanterna).as(glyph).hasSize(1);
            assertThat(lanterna[0].isDoubleWidth()).as(glyph).isTrue();
        }
    }

    @Test
    void combiningMarksComposeOrDisappear() {
        List<Cell> cells = DisplayText.cells("cafe\u0301", true);
        assertThat(joined(cells)).isEqualTo("café");
        assertThat(cells.get(3).sourceIndex()).isEqualTo(3);
        assertThat(DisplayText.width("x\u0301\u0302\u20dd", true)).isEqualTo(1);
    }

    @Test
    void controlAndFormatCharactersCannotMoveTheCursor() {
        assertThat(joined(DisplayText.cells("a\u001b[2Jb\r\n", true))).isEqualTo("a?[2Jb??");
        assertThat(joined(DisplayText.cells("a\u200db\u202e", true))).isEqualTo("ab");
        assertThat(joined(DisplayText.cells("tab\there", true))).isEqualTo("tab here");
    }

    @Test
    void asciiModeReplacesEverythingElse() {
        assertThat(joined(DisplayText.cells("café 東🚀", false))).isEqualTo("caf? ??");
        assertThat(DisplayText.width("東🚀", false)).isEqualTo(2);
    }

    @Test
    void narrowSupplementaryCharactersAreReplaced() {
        // Lanterna would count a surrogate pair two columns; a terminal shows this one in one
        assertThat(joined(DisplayText.cells("\uD835\uDC00", true))).isEqualTo("?");
    }
}

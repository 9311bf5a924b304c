package dev.jhosts.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.graphics.BasicTextImage;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A state rendered into an off-screen text image, read back as text and cells. */
final class ScreenText {
    final BasicTextImage image;
    final Optional<CursorAt> cursor;

    ScreenText(ViewState state, Appearance look) {
        image = new BasicTextImage(new TerminalSize(state.size().columns(), state.size().rows()));
        cursor = new Renderer(look, Keymap.defaults()).render(state, image.newTextGraphics());
    }

    int columns() {
        return image.getSize().getColumns();
    }

    int rows() {
        return image.getSize().getRows();
    }

    TextCharacter cell(int column, int row) {
        return image.getCharacterAt(column, row);
    }

    /** A row as text: a wide glyph once (its right half skipped). */
    String row(int row) {
        StringBuilder text = new StringBuilder();
        for (int column = 0; column < columns(); column++) {
            TextCharacter cell = cell(column, row);
            text.append(cell.getCharacterString());
            if (cell.isDoubleWidth()) {
                column++;
            }
        }
        return text.toString();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < rows(); row++) {
            lines.add(row(row));
        }
        return lines;
    }

    String text() {
        return String.join("\n", lines());
    }

    /** The grid column where {@code text} starts on {@code row}, or -1. */
    int columnOf(String text, int row) {
        for (int column = 0; column < columns(); column++) {
            StringBuilder found = new StringBuilder();
            for (int at = column; at < columns() && found.length() < text.length(); at++) {
                found.append(cell(at, row).getCharacterString());
                if (cell(at, row).isDoubleWidth()) {
                    at++;
                }
            }
            if (found.toString().startsWith(text)) {
                return column;
            }
        }
        return -1;
    }

    /** The first row containing {@code text}, or -1. */
    int rowOf(String text) {
        for (int row = 0; row < rows(); row++) {
            if (row(row).contains(text)) {
                return row;
            }
        }
        return -1;
    }
}

package dev.jhosts.tui.view;

import java.util.List;

/**
 * The symbols the screen uses: Unicode ones for UTF-8 terminals, plain ASCII otherwise.
 *
 * @param live a live master
 * @param failed a failed launch
 * @param unresponsive a master that does not answer
 * @param needsYou a host whose master needs an answer from the user (Enter asks)
 * @param secret one typed character of a secret
 * @param spinner frames of the "starting" spinner
 * @param pointer marks the selected row
 * @param ellipsis ends a cut text
 * @param horizontal a rule
 * @param vertical a box side
 * @param corners top-left, top-right, bottom-left, bottom-right
 * @param separator between header facts
 * @param expanded marks the header of an open group
 * @param collapsed marks the header of a collapsed group
 */
public record Glyphs(
        String live,
        String failed,
        String unresponsive,
        String needsYou,
        String secret,
        List<String> spinner,
        String pointer,
        String ellipsis,
        String horizontal,
        String vertical,
        List<String> corners,
        String separator,
        String expanded,
        String collapsed) {

    public Glyphs {
        spinner = List.copyOf(spinner);
        corners = List.copyOf(corners);
    }

    public static final Glyphs UNICODE = new Glyphs("●", "!", "?", "◆", "•",
            List.of("⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"), "›", "…", "─", "│",
            List.of("┌", "┐", "└", "┘"), " · ", "▾", "▸");

    public static final Glyphs ASCII = new Glyphs("*", "!", "?", "#", "*",
            List.of("|", "/", "-", "\\"), ">", "~", "-", "|",
            List.of("+", "+", "+", "+"), " | ", "-", "+");

    public String spinnerFrame(int counter) {
        return spinner.get(Math.floorMod(counter, spinner.size()));
    }
}

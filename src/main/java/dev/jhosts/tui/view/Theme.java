package dev.jhosts.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

/**
 * The styles of each part of the screen. {@link #COLOUR} uses the 16 ANSI colours; {@link
 * #MONOCHROME} (for {@code NO_COLOR}) uses only bold, underline and reverse video.
 */
public record Theme(
        Style normal,
        Style dim,
        Style header,
        Style selected,
        Style highlight,
        Style selectedHighlight,
        Style live,
        Style starting,
        Style failed,
        Style rule,
        Style message,
        Style dialog,
        Style group) {

    private static final TextColor DEFAULT = TextColor.ANSI.DEFAULT;

    public static final Theme COLOUR = new Theme(
            Style.PLAIN,
            new Style(TextColor.ANSI.BLACK_BRIGHT, DEFAULT),
            new Style(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, SGR.BOLD),
            new Style(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE),
            new Style(TextColor.ANSI.YELLOW_BRIGHT, DEFAULT, SGR.BOLD),
            new Style(TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.BLUE, SGR.BOLD),
            new Style(TextColor.ANSI.GREEN_BRIGHT, DEFAULT, SGR.BOLD),
            new Style(TextColor.ANSI.CYAN, DEFAULT),
            new Style(TextColor.ANSI.RED_BRIGHT, DEFAULT, SGR.BOLD),
            new Style(TextColor.ANSI.BLUE, DEFAULT),
            new Style(TextColor.ANSI.YELLOW, DEFAULT),
            new Style(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLACK),
            new Style(TextColor.ANSI.CYAN_BRIGHT, DEFAULT, SGR.BOLD));

    public static final Theme MONOCHROME = new Theme(
            Style.PLAIN,
            Style.PLAIN,
            new Style(DEFAULT, DEFAULT, SGR.BOLD),
            new Style(DEFAULT, DEFAULT, SGR.REVERSE),
            new Style(DEFAULT, DEFAULT, SGR.BOLD, SGR.UNDERLINE),
            new Style(DEFAULT, DEFAULT, SGR.REVERSE, SGR.BOLD, SGR.UNDERLINE),
            new Style(DEFAULT, DEFAULT, SGR.BOLD),
            Style.PLAIN,
            new Style(DEFAULT, DEFAULT, SGR.BOLD),
            Style.PLAIN,
            new Style(DEFAULT, DEFAULT, SGR.BOLD),
            Style.PLAIN,
            new Style(DEFAULT, DEFAULT, SGR.BOLD));
}

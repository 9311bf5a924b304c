package dev.jhosts.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;

/** Colours and attributes of a run of text. */
public record Style(TextColor foreground, TextColor background, Set<SGR> attributes) {
    public static final Style PLAIN = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);

    public Style {
        attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(attributes);
    }

    public Style(TextColor foreground, TextColor background, SGR... attributes) {
        this(foreground, background, Set.of(attributes));
    }

    public EnumSet<SGR> sgr() {
        return attributes.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(attributes);
    }
}

package dev.jhosts.tui.state;

import java.util.List;

/**
 * What a key does in one {@link KeyMode}: each mode's actions are an enum implementing this,
 * with the name the settings use, the help text (the help overlay and the manual page show it),
 * and the keys it has by default.
 */
public interface KeyAction {
    KeyMode mode();

    /** As the settings write it: {@code connect}, {@code page-up}. */
    String word();

    /** What it does, in a few words without a final full stop. */
    String help();

    /** Its keys by default, written as the settings write keys ({@link KeyNames}). */
    List<String> defaults();

    /** The settings' word of an enum constant: {@code PAGE_UP} is {@code page-up}. */
    static String wordOf(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

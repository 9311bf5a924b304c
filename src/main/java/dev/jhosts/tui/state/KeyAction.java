package dev.jhosts.tui.state;

import java.util.List;
import java.util.Locale;

/**
 * What a key does in one {@link KeyMode}: each mode's actions are an enum implementing this,
 * with the name the settings use, the help text (the help overlay and the manual page show it),
 * and the keys it has by default.
 */
public interface KeyAction {
    /**
     * An action's help and default keys.
     *
     * @param help what it does, in a few words without a final full stop
     * @param defaults its keys by default, written as the settings write keys ({@link KeyNames})
     */
    record Spec(String help, List<String> defaults) {
        public Spec {
            defaults = List.copyOf(defaults);
        }
    }

    KeyMode mode();

    /** Its help and default keys, from the table of them. */
    default Spec spec() {
        return DefaultKeys.of(this);
    }

    /** The constant's name, as enums have it. */
    String name();

    /** As the settings write it: {@code connect}, {@code page-up} (the constant {@code PAGE_UP}). */
    default String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    default String help() {
        return spec().help();
    }

    default List<String> defaults() {
        return spec().defaults();
    }
}

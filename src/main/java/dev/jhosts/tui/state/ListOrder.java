package dev.jhosts.tui.state;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostOrdering;
import java.util.List;

/**
 * The order of the unfiltered list (and of ties while filtering). Favourites come first in both.
 * The catalogue arrives in {@link #FRECENCY} order; {@link #ALPHABETICAL} sorts it by alias.
 */
public enum ListOrder {
    /** Favourites, then recent and frequent connects, then config order: the catalogue as given. */
    FRECENCY("recent first"),
    /** Favourites, then aliases from A to Z. */
    ALPHABETICAL("a-z");

    private final String label;

    ListOrder(String label) {
        this.label = label;
    }

    /** A short name for the header. */
    public String label() {
        return label;
    }

    /** The other order (the toggle key goes there). */
    public ListOrder toggled() {
        return this == FRECENCY ? ALPHABETICAL : FRECENCY;
    }

    /** {@code catalogue} (given in frecency order) in this order. */
    public List<Host> arrange(List<Host> catalogue) {
        return this == FRECENCY ? catalogue : HostOrdering.alphabetical().sort(catalogue);
    }
}

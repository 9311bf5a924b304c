package dev.jhosts.tui.view;

import dev.jhosts.catalog.Host;
import java.util.List;

/**
 * The widest alias and the widest user@hostname[:port] of a catalogue, in columns: what the
 * host list's columns are sized by. Measuring every host costs milliseconds at ten thousand
 * hosts, and the catalogue changes only when a source answers, so the figures of the last
 * catalogue measured (the same list object) are kept. Used by the drawing thread only.
 */
final class CatalogueWidths {
    private final boolean unicode;
    private List<Host> measured = List.of();
    private int widestAlias;
    private int widestTarget;

    CatalogueWidths(boolean unicode) {
        this.unicode = unicode;
    }

    int widestAlias(List<Host> catalogue) {
        measure(catalogue);
        return widestAlias;
    }

    int widestTarget(List<Host> catalogue) {
        measure(catalogue);
        return widestTarget;
    }

    /** The text of the user@hostname column. */
    static String target(Host host) {
        return host.user() + "@" + host.hostname() + (host.port() == 22 ? "" : ":" + host.port());
    }

    private void measure(List<Host> catalogue) {
        if (catalogue == measured) {
            return;
        }
        int alias = 0;
        int target = 0;
        for (Host host : catalogue) {
            alias = Math.max(alias, DisplayText.width(host.alias(), unicode));
            target = Math.max(target, DisplayText.width(target(host), unicode));
        }
        widestAlias = alias;
        widestTarget = target;
        measured = catalogue;
    }
}

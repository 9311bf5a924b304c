package dev.jhosts.tui.state;

import dev.jhosts.catalog.filter.HostMatch;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The hosts marked in the list for a command (Space, ^A), in the order they were marked. */
public record Marks(Set<String> aliases) {
    public static final Marks NONE = new Marks(Set.of());

    public Marks {
        aliases = Collections.unmodifiableSet(new LinkedHashSet<>(aliases));
    }

    public boolean marked(String alias) {
        return aliases.contains(alias);
    }

    public boolean isEmpty() {
        return aliases.isEmpty();
    }

    public Marks toggled(String alias) {
        Set<String> copy = new LinkedHashSet<>(aliases);
        if (!copy.remove(alias)) {
            copy.add(alias);
        }
        return new Marks(copy);
    }

    /** These marks and every host the filter lets through. */
    public Marks withAll(List<HostMatch> shown) {
        Set<String> copy = new LinkedHashSet<>(aliases);
        shown.forEach(match -> copy.add(match.host().alias()));
        return new Marks(copy);
    }

    /**
     * Whether Space marks the selected host now, rather than going into the filter as the space
     * between two words: it marks unless a word has just been typed (the filter ends in a
     * character that is not a space, and the selection is still on the best match, where
     * typing puts it).
     */
    public static boolean spaceMarks(HostList list) {
        String filter = list.filter();
        if (filter.isEmpty() || filter.endsWith(" ")) {
            return true;
        }
        Optional<HostMatch> selected = list.selectedMatch();
        boolean onBest = !list.matches().isEmpty() && selected.isPresent()
                && selected.get().host().alias().equals(list.matches().get(0).host().alias());
        return !onBest;
    }
}

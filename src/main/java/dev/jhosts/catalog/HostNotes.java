package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * jhosts' own notes on a host: tags, group, description, favourite.
 *
 * @param tags in the order first seen, without repeats
 * @param group empty for none
 * @param description empty for none
 * @param favourite listed first
 */
record HostNotes(List<String> tags, String group, String description, boolean favourite) {
    static final HostNotes NONE = new HostNotes(List.of(), "", "", false);

    HostNotes {
        tags = List.copyOf(new LinkedHashSet<>(tags));
    }

    boolean isEmpty() {
        return tags.isEmpty() && group.isEmpty() && description.isEmpty() && !favourite;
    }

    /**
     * These notes with {@code later} ones added: tags are joined, group and description keep the
     * first value obtained (as ssh does for its options), favourite is set by either.
     */
    HostNotes then(HostNotes later) {
        if (later.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return later;
        }
        List<String> joined = new ArrayList<>(tags);
        joined.addAll(later.tags);
        return new HostNotes(joined,
                group.isEmpty() ? later.group : group,
                description.isEmpty() ? later.description : description,
                favourite || later.favourite);
    }
}

package dev.jhosts.sources;

import dev.jhosts.catalog.Host;
import dev.jhosts.config.SourceSpec;
import java.time.Instant;
import java.util.List;

/**
 * A source's hosts as last known: from its command's latest answer or from its cache.
 *
 * @param spec the source
 * @param hosts its hosts (those of the latest output that could be read)
 * @param warning one line naming the source when something went wrong, empty otherwise
 * @param fetchedAt when the source printed those hosts; {@link Instant#EPOCH} when it never did
 */
record Answer(SourceSpec spec, List<Host> hosts, String warning, Instant fetchedAt) {
    Answer {
        hosts = List.copyOf(hosts);
    }

    static Answer none(SourceSpec spec) {
        return new Answer(spec, List.of(), "", Instant.EPOCH);
    }

    /** Whether the source ever gave hosts (now or in a cache). */
    boolean given() {
        return !fetchedAt.equals(Instant.EPOCH);
    }

    /** Whether its hosts are older than the source's refresh at {@code now} (or there are none). */
    boolean staleAt(Instant now) {
        return !given() || fetchedAt.plus(spec.refresh()).isBefore(now);
    }

    /** When the source is due to run again: at once when it never gave hosts. */
    Instant dueAt() {
        return given() ? fetchedAt.plus(spec.refresh()) : Instant.EPOCH;
    }
}

package dev.jhosts.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the host list. Favourites always come first. {@link #frecency} then puts hosts
 * connected to recently and often before the others; {@link #alphabetical} sorts by alias.
 * {@link #sort} is stable: hosts that compare equal keep the order they were given in (the
 * catalogue's config order).
 *
 * <p>Frecency, as browsers compute it: each of a host's recent connects (up to ten) counts by
 * its age: 100 within four hours, 70 within a day, 50 within a week, 30 within a month, 10
 * after that; the sum is scaled by all connects over the connects kept.
 */
public final class HostOrdering {
    private final Comparator<Host> comparator;

    private HostOrdering(Comparator<Host> comparator) {
        this.comparator = comparator;
    }

    /** Favourites, then frecency as of now, then config order. */
    public static HostOrdering frecency(History history) {
        return frecency(history, Instant.now());
    }

    /** Favourites, then frecency as of {@code now}, then config order. */
    public static HostOrdering frecency(History history, Instant now) {
        Map<String, Double> scores = new HashMap<>();
        history.all().forEach((alias, visits) -> scores.put(alias, score(visits, now)));
        Comparator<Host> byScore = Comparator.comparingDouble(host -> -scores.getOrDefault(host.alias(), 0.0));
        return new HostOrdering(favouritesFirst().thenComparing(byScore));
    }

    /** Favourites, then aliases in alphabetical order (ignoring case first). */
    public static HostOrdering alphabetical() {
        Comparator<Host> byAlias = Comparator.comparing(Host::alias, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Host::alias);
        return new HostOrdering(favouritesFirst().thenComparing(byAlias));
    }

    public Comparator<Host> comparator() {
        return comparator;
    }

    /** A sorted copy of {@code hosts}; equal hosts keep their order. */
    public List<Host> sort(List<Host> hosts) {
        List<Host> sorted = new ArrayList<>(hosts);
        sorted.sort(comparator);
        return List.copyOf(sorted);
    }

    private static Comparator<Host> favouritesFirst() {
        return Comparator.comparing(host -> !host.favourite());
    }

    static double score(History.Visits visits, Instant now) {
        if (visits.recent().isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Instant connect : visits.recent()) {
            sum += weight(Duration.between(connect, now));
        }
        return sum * visits.connects() / visits.recent().size();
    }

    private static double weight(Duration age) {
        if (age.compareTo(Duration.ofHours(4)) <= 0) {
            return 100;
        }
        if (age.compareTo(Duration.ofDays(1)) <= 0) {
            return 70;
        }
        if (age.compareTo(Duration.ofDays(7)) <= 0) {
            return 50;
        }
        if (age.compareTo(Duration.ofDays(30)) <= 0) {
            return 30;
        }
        return 10;
    }
}

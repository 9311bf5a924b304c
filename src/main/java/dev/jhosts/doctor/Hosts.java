package dev.jhosts.doctor;

import java.util.List;

/** Host aliases in a one-line message: all of a few, the first of many. */
final class Hosts {
    private static final int SHOWN = 5;

    private Hosts() {}

    static String named(List<String> aliases) {
        if (aliases.size() <= SHOWN) {
            return String.join(", ", aliases);
        }
        return String.join(", ", aliases.subList(0, SHOWN)) + " and " + (aliases.size() - SHOWN) + " more hosts";
    }
}

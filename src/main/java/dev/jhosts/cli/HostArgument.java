package dev.jhosts.cli;

import dev.jhosts.config.Printable;

/**
 * A host named on the command line, checked before it reaches {@code ssh}: ssh would take an
 * empty name for a host to resolve, a name starting with {@code -} for an option, and a name with
 * a line break turns every message about it into several lines.
 */
final class HostArgument {
    private HostArgument() {}

    /** Returns {@code host} when it can be a host alias; else a usage error naming {@code command}. */
    static String check(String command, String host) throws UsageException {
        String problem = null;
        if (host.isEmpty()) {
            problem = "the host name is empty";
        } else if (host.startsWith("-")) {
            problem = "host name " + Printable.quoted(host) + " starts with '-'";
        } else if (Printable.hasControl(host) || host.chars().anyMatch(Character::isWhitespace)) {
            problem = "host name " + Printable.quoted(host) + " contains a space, line break or control character";
        }
        if (problem != null) {
            throw new UsageException(command + ": " + problem + "; name a host as 'jhosts list' shows them");
        }
        return host;
    }

    /** Checks every host of {@code hosts} as {@link #check} does. */
    static void checkAll(String command, Iterable<String> hosts) throws UsageException {
        for (String host : hosts) {
            check(command, host);
        }
    }
}

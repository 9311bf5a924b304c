package dev.jhosts.catalog;

import java.util.List;

/**
 * What a block of ssh_config lines applies to: the lines before the first Host (everything), a
 * Host line's patterns, or a Match line.
 */
sealed interface Condition {

    /** Whether the block's own options apply to the host. */
    boolean applies(byte[] alias);

    /**
     * Whether a file Included from within the block is read for the host. The same as {@link
     * #applies}, except for Match criteria jhosts cannot evaluate: there the Included hosts are
     * listed rather than lost, though the Match block's own options are never used.
     */
    default boolean admitsIncluded(byte[] alias) {
        return applies(alias);
    }

    /** The lines before a file's first Host or Match line. */
    record Always() implements Condition {
        @Override
        public boolean applies(byte[] alias) {
            return true;
        }
    }

    /**
     * A Host line: it applies when one of its patterns matches and none of its negated ones
     * does, as in OpenSSH.
     */
    record HostLine(List<HostPattern> patterns) implements Condition {
        public HostLine {
            patterns = List.copyOf(patterns);
        }

        @Override
        public boolean applies(byte[] alias) {
            boolean matched = false;
            for (HostPattern pattern : patterns) {
                if (pattern.matches(alias)) {
                    if (pattern.negated()) {
                        return false;
                    }
                    matched = true;
                }
            }
            return matched;
        }

        /** Whether only hosts named literally can match, so that the block can be found by name. */
        boolean namesHostsLiterally() {
            for (HostPattern pattern : patterns) {
                if (!pattern.negated() && !pattern.isPlain()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code Match all}: applies to every host, like {@code Host *}. */
    record MatchAll() implements Condition {
        @Override
        public boolean applies(byte[] alias) {
            return true;
        }
    }

    /**
     * Any other Match line (exec, host, user, canonical, final, ...): jhosts does not evaluate
     * it, so its options are never attributed to a host.
     */
    record MatchOther(String criteria) implements Condition {
        @Override
        public boolean applies(byte[] alias) {
            return false;
        }

        @Override
        public boolean admitsIncluded(byte[] alias) {
            return true;
        }
    }

    /** A Host or Match line ssh rejects: the options under it are not attributed to any host. */
    record Unreadable() implements Condition {
        @Override
        public boolean applies(byte[] alias) {
            return false;
        }
    }
}

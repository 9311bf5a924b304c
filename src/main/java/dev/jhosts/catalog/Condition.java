package dev.jhosts.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a block of ssh_config lines applies to: the lines before the first Host (everything), a
 * Host line's patterns, or a Match line. Host lines depend on the name only; Match lines may
 * depend on what the host has obtained before them, so the resolver evaluates them in reading
 * order ({@link Match#evaluate}).
 */
sealed interface Condition {

    /**
     * The condition's value when it is the same for every host in this reading of the config,
     * empty when it depends on the host.
     */
    Optional<Truth> constant(Reading reading);

    /**
     * One reading of the config for a host: the first, or the second that {@code Match final}
     * or CanonicalizeHostname asks for; and the local user ({@code localuser}, the default
     * {@code user}).
     */
    record Reading(boolean finalPass, String localUser) {}

    /** The lines before a file's first Host or Match line. */
    record Always() implements Condition {
        @Override
        public Optional<Truth> constant(Reading reading) {
            return Optional.of(Truth.TRUE);
        }
    }

    /**
     * A Host line: it applies when one of its patterns matches and none of its negated ones
     * does, as in OpenSSH. Plain names are looked up in sets, so that a line of many names
     * costs the same for each name as a line of one.
     */
    final class HostLine implements Condition {
        /** Up to this many plain names are compared one by one; more are looked up in a set. */
        private static final int FEW_NAMES = 8;

        private final List<HostPattern> patterns;
        private final HostPattern[] positive;
        private final HostPattern[] negated;
        private final Set<String> manyPositiveNames;
        private final Set<String> manyNegatedNames;
        private final boolean hasPositive;
        private final boolean matchesEverything;
        private final boolean namesHostsLiterally;

        HostLine(List<HostPattern> patterns) {
            this.patterns = List.copyOf(patterns);
            int plainPositive = 0;
            int plainNegated = 0;
            boolean wildPositive = false;
            boolean everything = false;
            for (HostPattern pattern : patterns) {
                if (pattern.isPlain()) {
                    if (pattern.negated()) {
                        plainNegated++;
                    } else {
                        plainPositive++;
                    }
                } else if (!pattern.negated()) {
                    wildPositive = true;
                    everything |= pattern.matchesEverything();
                }
            }
            boolean setOfPositives = plainPositive > FEW_NAMES;
            boolean setOfNegated = plainNegated > FEW_NAMES;
            List<HostPattern> positives = new ArrayList<>();
            List<HostPattern> negatives = new ArrayList<>();
            Set<String> positiveNames = setOfPositives ? new HashSet<>() : Set.of();
            Set<String> negatedNames = setOfNegated ? new HashSet<>() : Set.of();
            for (HostPattern pattern : patterns) {
                if (pattern.negated()) {
                    if (pattern.isPlain() && setOfNegated) {
                        negatedNames.add(pattern.text());
                    } else {
                        negatives.add(pattern);
                    }
                } else if (pattern.isPlain() && setOfPositives) {
                    positiveNames.add(pattern.text());
                } else {
                    positives.add(pattern);
                }
            }
            this.positive = positives.toArray(new HostPattern[0]);
            this.negated = negatives.toArray(new HostPattern[0]);
            this.manyPositiveNames = positiveNames;
            this.manyNegatedNames = negatedNames;
            this.hasPositive = plainPositive > 0 || wildPositive;
            this.matchesEverything = everything && plainNegated == 0 && negatives.isEmpty();
            this.namesHostsLiterally = !wildPositive && plainPositive > 0;
        }

        List<HostPattern> patterns() {
            return patterns;
        }

        boolean applies(String name, byte[] nameBytes) {
            if (manyNegatedNames.contains(name)) {
                return false;
            }
            for (HostPattern pattern : negated) {
                if (pattern.matches(nameBytes)) {
                    return false;
                }
            }
            if (manyPositiveNames.contains(name)) {
                return true;
            }
            for (HostPattern pattern : positive) {
                if (pattern.matches(nameBytes)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether only hosts named literally can match, so that the block can be found by name. */
        boolean namesHostsLiterally() {
            return namesHostsLiterally;
        }

        /** The most patterns {@link #applies} compares a name with (the names in sets cost one lookup each). */
        int comparisons() {
            return positive.length + negated.length + 2;
        }

        @Override
        public Optional<Truth> constant(Reading reading) {
            if (matchesEverything) {
                return Optional.of(Truth.TRUE);
            }
            if (!hasPositive) {
                return Optional.of(Truth.FALSE);
            }
            return Optional.empty();
        }
    }

    /**
     * A Match line, evaluated once per host and reading at the line itself, as ssh does; the
     * blocks that continue it (after an Include) and the files it Includes use that result.
     * Identity matters: two equal Match lines are two conditions.
     */
    final class Match implements Condition {
        private final List<MatchLine.Criterion> criteria;
        private final Path file;
        private final int line;
        private final boolean constantCriteria;

        Match(List<MatchLine.Criterion> criteria, Path file, int line) {
            this.criteria = List.copyOf(criteria);
            this.file = file;
            this.line = line;
            boolean constant = true;
            for (MatchLine.Criterion criterion : criteria) {
                constant &= criterion instanceof MatchLine.Criterion.All
                        || criterion instanceof MatchLine.Criterion.SecondPass
                        || criterion instanceof MatchLine.Criterion.LocalUser;
            }
            this.constantCriteria = constant;
        }

        Path file() {
            return file;
        }

        int line() {
            return line;
        }

        /** The first criterion jhosts does not evaluate ({@code exec}, ...), for messages. */
        Optional<MatchLine.Criterion.NotEvaluated> notEvaluated() {
            for (MatchLine.Criterion criterion : criteria) {
                if (criterion instanceof MatchLine.Criterion.NotEvaluated outside) {
                    return Optional.of(outside);
                }
            }
            return Optional.empty();
        }

        /**
         * A criterion that must hold for the line to hold and that names hosts by patterns with
         * literal text: an {@code originalhost} (the alias) before a {@code host} (the host name
         * so far), neither negated. The index finds the line by those literal runs.
         */
        Optional<HostCriterion> hostCriterion() {
            Optional<HostCriterion> byHost = Optional.empty();
            for (MatchLine.Criterion criterion : criteria) {
                if (criterion instanceof MatchLine.Criterion.OriginalHost original && !original.negated()) {
                    Optional<List<byte[]>> runs = original.patterns().literalRuns();
                    if (runs.isPresent()) {
                        return Optional.of(new HostCriterion(true, runs.get()));
                    }
                } else if (criterion instanceof MatchLine.Criterion.HostName host && !host.negated() && byHost.isEmpty()) {
                    byHost = host.patterns().literalRuns().map(runs -> new HostCriterion(false, runs));
                }
            }
            return byHost;
        }

        /** {@code original}: an {@code originalhost} criterion, else {@code host}; {@code runs} in lower case. */
        record HostCriterion(boolean original, List<byte[]> runs) {}

        /** Whether the result is the same for every host (only all, canonical, final, localuser). */
        boolean isConstant() {
            return constantCriteria;
        }

        @Override
        public Optional<Truth> constant(Reading reading) {
            if (!constantCriteria) {
                return Optional.empty();
            }
            return Optional.of(evaluate(new Subject() {
                @Override
                public Reading reading() {
                    return reading;
                }

                @Override
                public String host() {
                    throw new IllegalStateException("a constant Match has no host criterion");
                }

                @Override
                public String originalHost() {
                    throw new IllegalStateException("a constant Match has no originalhost criterion");
                }

                @Override
                public String user() {
                    throw new IllegalStateException("a constant Match has no user criterion");
                }

                @Override
                public String tag() {
                    throw new IllegalStateException("a constant Match has no tagged criterion");
                }
            }));
        }

        /** All criteria must hold; a criterion jhosts does not evaluate is unknown. */
        Truth evaluate(Subject subject) {
            Truth result = Truth.TRUE;
            for (MatchLine.Criterion criterion : criteria) {
                Truth value;
                if (criterion instanceof MatchLine.Criterion.All) {
                    value = Truth.TRUE;
                } else if (criterion instanceof MatchLine.Criterion.SecondPass) {
                    value = Truth.of(subject.reading().finalPass());
                } else if (criterion instanceof MatchLine.Criterion.HostName host) {
                    value = Truth.of(host.patterns().matches(subject.host()));
                } else if (criterion instanceof MatchLine.Criterion.OriginalHost original) {
                    value = Truth.of(original.patterns().matches(subject.originalHost()));
                } else if (criterion instanceof MatchLine.Criterion.User user) {
                    value = Truth.of(user.patterns().matches(subject.user()));
                } else if (criterion instanceof MatchLine.Criterion.LocalUser local) {
                    value = Truth.of(local.patterns().matches(subject.reading().localUser()));
                } else if (criterion instanceof MatchLine.Criterion.Tagged tagged) {
                    String tag = subject.tag();
                    // readconf.c: "Special case: empty criteria matches empty arg".
                    value = Truth.of(tag.isEmpty() ? tagged.argument().isEmpty() : tagged.patterns().matches(tag));
                } else {
                    value = Truth.UNKNOWN;
                }
                result = result.and(criterion.negated() ? value.not() : value);
            }
            return result;
        }

        /** What Match criteria are compared with, as {@code match_cfg_line} sees the host. */
        interface Subject {
            /** Which reading ({@code canonical} and {@code final} hold in the second) and the local user. */
            Reading reading();

            /** For {@code host}: the HostName obtained so far ({@code %h} expanded), else the alias. */
            String host();

            /** For {@code originalhost}: the alias. */
            String originalHost();

            /** For {@code user}: the User obtained so far, else the local user. */
            String user();

            /** For {@code tagged}: the Tag obtained so far, empty for none. */
            String tag();
        }
    }

    /** A Host or Match line ssh rejects: the options under it are not attributed to any host. */
    record Unreadable() implements Condition {
        @Override
        public Optional<Truth> constant(Reading reading) {
            return Optional.of(Truth.FALSE);
        }
    }
}

package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For one reading of the config, finds the sections that can hold values for a host without
 * trying every section:
 *
 * <ul>
 *   <li>sections that apply to every host in this reading ({@code Host *}, {@code Match all},
 *       lines before the first Host, {@code Match final} in the second reading) are folded
 *       into the first section that sets each field ({@link #everyHost});
 *   <li>sections that apply to none ({@code Match final} in the first reading, lines ssh
 *       rejects) and sections without values are left out, except Match lines that must be
 *       evaluated in order;
 *   <li>a block whose Host line names hosts literally is found by name, one whose patterns
 *       all start or end with literal text ({@code web-*}, {@code *.example.com}) by that
 *       text, one whose patterns all hold literal text ({@code *web*}, {@code *-db?-*}) by
 *       its longest run of it, looked up among the name's substrings;
 *   <li>a block that applies to every host but those its negated patterns name
 *       ({@code Host * !bastion}) is kept per field it sets: since the first value obtained
 *       wins, a host needs only the first such block per field that applies to it;
 *   <li>a Match line with an {@code originalhost} or {@code host} criterion whose patterns
 *       hold literal text is found by that text among the substrings of the alias, or of every
 *       name its {@code host} may see (the alias, then the HostName obtained);
 *   <li>only the rest ({@code ?*}, other Match lines with criteria, blocks with notes or
 *       under a Match) is tried on every host.
 * </ul>
 *
 * Without the index ({@code indexed} false) every section that depends on the host is tried
 * on every host, in reading order: the reference the index must agree with.
 */
final class SectionIndex {
    private final Condition.Reading reading;
    private final Map<String, List<Section>> byName = new HashMap<>();
    private final ByteTrie byPrefix = new ByteTrie();
    private final ByteTrie bySuffix = new ByteTrie();
    private final ByteTrie byInfix = new ByteTrie();
    /** Match lines (and the blocks that continue them) by the literal text of their originalhost or host patterns. */
    private final ByteTrie matchByOriginalHost = new ByteTrie();
    private final ByteTrie matchByHost = new ByteTrie();
    /** Per field, the blocks for every host but a few (their negated patterns) that set it, in reading order. */
    private final List<List<Section>> allButSome = new ArrayList<>();
    private final List<Section> unindexed = new ArrayList<>();
    private final Section[] everyHost = new Section[Field.ALL.length];
    private final boolean indexed;

    SectionIndex(List<Section> sections, Condition.Reading reading) {
        this(sections, reading, true);
    }

    SectionIndex(List<Section> sections, Condition.Reading reading, boolean indexed) {
        this.reading = reading;
        this.indexed = indexed;
        for (int i = 0; i < Field.ALL.length; i++) {
            allButSome.add(new ArrayList<>(0));
        }
        for (Section section : sections) {
            Optional<Truth> constant = constant(section);
            if (constant.isPresent() && constant.get() == Truth.FALSE) {
                continue;
            }
            boolean evaluatedInOrder = section.opensBlock() && section.own() instanceof Condition.Match match
                    && !match.isConstant();
            if (!section.hasValues() && !evaluatedInOrder) {
                continue;
            }
            if (constant.isPresent() && section.notes().isEmpty()) {
                for (Field field : Field.ALL) {
                    if (everyHost[field.ordinal()] == null && section.value(field) != null) {
                        everyHost[field.ordinal()] = section;
                    }
                }
                continue;
            }
            index(section);
        }
    }

    Condition.Reading reading() {
        return reading;
    }

    /** The first section applying to every host that sets the field, or null. */
    Section everyHost(Field field) {
        return everyHost[field.ordinal()];
    }

    /**
     * The sections that can apply to the name and do not apply to every host, in reading order.
     * {@code originalHost}: the alias, for {@code Match originalhost}; {@code hostSubjects}: every
     * name a {@code Match host} line may see for this host in this reading (the alias, then the
     * HostName once obtained).
     */
    List<Section> candidates(String name, byte[] nameBytes, String originalHost, List<String> hostSubjects) {
        List<Section> named = byName.getOrDefault(name, List.of());
        List<Section> patterned = new ArrayList<>(0);
        matchByOriginalHost.collectSubstrings(lowerCaseBytes(originalHost), patterned);
        for (String subject : hostSubjects) {
            matchByHost.collectSubstrings(lowerCaseBytes(subject), patterned);
        }
        byPrefix.collect(nameBytes, false, patterned);
        bySuffix.collect(nameBytes, true, patterned);
        byInfix.collectSubstrings(nameBytes, patterned);
        for (List<Section> setters : allButSome) {
            for (Section section : setters) {
                if (((Condition.HostLine) section.own()).applies(name, nameBytes)) {
                    patterned.add(section);
                    break;
                }
            }
        }
        if (patterned.isEmpty()) {
            return named.isEmpty() ? unindexed : merged(named, unindexed);
        }
        patterned.addAll(named);
        patterned.sort((a, b) -> Integer.compare(a.order(), b.order()));
        return merged(patterned, unindexed);
    }

    /** Whether some Match line is found by its host criterion: then the HostName a host obtains matters. */
    boolean indexesMatchHost() {
        return matchByHost.hasKeys();
    }

    private static byte[] lowerCaseBytes(String text) {
        return AsciiCase.lowerCase(text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Two lists in reading order as one, each section once. */
    private static List<Section> merged(List<Section> first, List<Section> second) {
        if (second.isEmpty() && first.size() == 1) {
            return first;
        }
        List<Section> merged = new ArrayList<>(first.size() + second.size());
        int i = 0;
        int j = 0;
        Section last = null;
        while (i < first.size() || j < second.size()) {
            Section next = j >= second.size() || (i < first.size() && first.get(i).order() < second.get(j).order())
                    ? first.get(i++) : second.get(j++);
            if (next != last) {
                merged.add(next);
                last = next;
            }
        }
        return merged;
    }

    /** The section's value for every host, empty when it depends on the host. */
    private Optional<Truth> constant(Section section) {
        Truth result = Truth.TRUE;
        boolean variable = false;
        for (Condition condition : section.guard()) {
            Optional<Truth> value = condition.constant(reading);
            if (value.isEmpty()) {
                variable = true;
            } else {
                result = result.and(value.get());
            }
        }
        Optional<Truth> own = section.own().constant(reading);
        if (own.isEmpty()) {
            variable = true;
        } else {
            result = result.and(own.get());
        }
        if (result == Truth.FALSE) {
            return Optional.of(Truth.FALSE);
        }
        return variable ? Optional.empty() : Optional.of(result);
    }

    private void index(Section section) {
        if (!indexed) {
            unindexed.add(section);
            return;
        }
        Condition.HostLine naming = namingCondition(section);
        if (naming != null) {
            for (HostPattern pattern : naming.patterns()) {
                if (!pattern.negated()) {
                    List<Section> list = byName.computeIfAbsent(pattern.text(), k -> new ArrayList<>(2));
                    if (list.isEmpty() || list.get(list.size() - 1) != section) {
                        list.add(section);
                    }
                }
            }
        } else if (section.own() instanceof Condition.HostLine host && everyPositiveHoldsLiteralText(host)) {
            for (HostPattern pattern : host.patterns()) {
                if (pattern.negated()) {
                    continue;
                }
                byte[] bytes = pattern.bytes();
                int prefix = literalPrefixLength(bytes);
                int suffix = literalSuffixLength(bytes);
                if (prefix > 0) {
                    byPrefix.add(bytes, 0, prefix, false, section);
                } else if (suffix > 0) {
                    bySuffix.add(bytes, bytes.length - suffix, bytes.length, true, section);
                } else {
                    byte[] run = HostPattern.longestLiteralRun(bytes);
                    byInfix.add(run, 0, run.length, false, section);
                }
            }
        } else if (section.own() instanceof Condition.Match match && match.hostCriterion().isPresent()) {
            Condition.Match.HostCriterion criterion = match.hostCriterion().get();
            ByteTrie trie = criterion.original() ? matchByOriginalHost : matchByHost;
            for (byte[] run : criterion.runs()) {
                trie.add(run, 0, run.length, false, section);
            }
        } else if (appliesToAllButSome(section)) {
            for (Field field : Field.ALL) {
                if (section.value(field) != null) {
                    allButSome.get(field.ordinal()).add(section);
                }
            }
        } else {
            unindexed.add(section);
        }
    }

    /**
     * A Host block, not under another block, without notes, with a pattern that matches every
     * name ({@code *}): it applies to every host but those its negated patterns match, and gives
     * a host nothing but the fields it sets first.
     */
    private static boolean appliesToAllButSome(Section section) {
        if (!(section.own() instanceof Condition.HostLine host) || !section.guard().isEmpty()
                || !section.notes().isEmpty() || !section.setsFields()) {
            return false;
        }
        for (HostPattern pattern : host.patterns()) {
            if (!pattern.negated() && pattern.matchesEverything()) {
                return true;
            }
        }
        return false;
    }



    /** The innermost Host line, own or enclosing, that names its hosts literally, or null. */
    private static Condition.HostLine namingCondition(Section section) {
        if (section.own() instanceof Condition.HostLine host && host.namesHostsLiterally()) {
            return host;
        }
        List<Condition> guard = section.guard();
        for (int i = guard.size() - 1; i >= 0; i--) {
            if (guard.get(i) instanceof Condition.HostLine host && host.namesHostsLiterally()) {
                return host;
            }
        }
        return null;
    }

    /** Whether every positive pattern holds literal text (so that a name it matches holds that text). */
    private static boolean everyPositiveHoldsLiteralText(Condition.HostLine host) {
        boolean any = false;
        for (HostPattern pattern : host.patterns()) {
            if (!pattern.negated()) {
                if (HostPattern.longestLiteralRun(pattern.bytes()).length == 0) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static int literalPrefixLength(byte[] pattern) {
        int length = 0;
        while (length < pattern.length && pattern[length] != '*' && pattern[length] != '?') {
            length++;
        }
        return length;
    }

    private static int literalSuffixLength(byte[] pattern) {
        int length = 0;
        while (length < pattern.length && pattern[pattern.length - 1 - length] != '*'
                && pattern[pattern.length - 1 - length] != '?') {
            length++;
        }
        return length;
    }

    /**
     * A byte trie of literal pattern ends (read forwards for prefixes, backwards for suffixes);
     * each node holds the sections whose literal text ends there.
     */
    private static final class ByteTrie {
        private byte[] keys = new byte[0];
        private ByteTrie[] children = new ByteTrie[0];
        private final List<Section> sections = new ArrayList<>(1);

        /** Adds the literal text bytes[from, to), read backwards when {@code backwards}. */
        void add(byte[] bytes, int from, int to, boolean backwards, Section section) {
            ByteTrie node = this;
            for (int i = 0; i < to - from; i++) {
                node = node.childOrNew(bytes[backwards ? to - 1 - i : from + i]);
            }
            if (node.sections.isEmpty() || node.sections.get(node.sections.size() - 1) != section) {
                node.sections.add(section);
            }
        }

        /** Adds the sections of every node the name passes through. */
        void collect(byte[] name, boolean backwards, List<Section> into) {
            ByteTrie node = this;
            for (int i = 0; i < name.length && node != null; i++) {
                node = node.child(name[backwards ? name.length - 1 - i : i]);
                if (node != null) {
                    into.addAll(node.sections);
                }
            }
        }

        /** Adds the sections of every node reached from any position of the name: its substrings' sections. */
        boolean hasKeys() {
            return keys.length > 0;
        }

        void collectSubstrings(byte[] name, List<Section> into) {
            if (keys.length == 0) {
                return;
            }
            for (int start = 0; start < name.length; start++) {
                ByteTrie node = this;
                for (int i = start; i < name.length && node != null; i++) {
                    node = node.child(name[i]);
                    if (node != null) {
                        into.addAll(node.sections);
                    }
                }
            }
        }

        private ByteTrie child(byte key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return children[i];
                }
            }
            return null;
        }

        private ByteTrie childOrNew(byte key) {
            ByteTrie existing = child(key);
            if (existing != null) {
                return existing;
            }
            ByteTrie created = new ByteTrie();
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = key;
            children[children.length - 1] = created;
            return created;
        }
    }
}

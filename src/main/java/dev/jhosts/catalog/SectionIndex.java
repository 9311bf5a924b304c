package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the sections that can hold values for a host without trying every section: a block
 * whose Host line names hosts literally is found by alias, one whose patterns all start with
 * literal text ({@code web-*}) by that prefix; only the rest ({@code *}, {@code *.example.com},
 * {@code Match all}, lines before the first Host) is tried on every host. Sections whose own
 * options never apply (unevaluated Match) are left out.
 */
final class SectionIndex {
    private final Map<String, List<Section>> byAlias = new HashMap<>();
    private final PrefixNode byPrefix = new PrefixNode();
    private final List<Section> unindexed = new ArrayList<>();

    SectionIndex(List<Section> sections) {
        for (Section section : sections) {
            if (!section.hasValues() || section.own() instanceof Condition.MatchOther
                    || section.own() instanceof Condition.Unreadable) {
                continue;
            }
            Condition.HostLine naming = namingCondition(section);
            if (naming != null) {
                for (HostPattern pattern : naming.patterns()) {
                    if (!pattern.negated()) {
                        List<Section> list = byAlias.computeIfAbsent(pattern.text(), k -> new ArrayList<>(2));
                        if (list.isEmpty() || list.get(list.size() - 1) != section) {
                            list.add(section);
                        }
                    }
                }
            } else if (section.own() instanceof Condition.HostLine host && allPositivesHavePrefix(host)) {
                for (HostPattern pattern : host.patterns()) {
                    if (!pattern.negated()) {
                        byPrefix.add(pattern.bytes(), literalPrefixLength(pattern.bytes()), section);
                    }
                }
            } else {
                unindexed.add(section);
            }
        }
    }

    /** The sections that can apply to the host, in reading order. */
    List<Section> candidates(String alias, byte[] aliasBytes) {
        List<Section> named = byAlias.getOrDefault(alias, List.of());
        List<Section> prefixed = byPrefix.sectionsAlong(aliasBytes);
        if (named.isEmpty() && prefixed.isEmpty()) {
            return unindexed;
        }
        List<Section> all = new ArrayList<>(named.size() + prefixed.size() + unindexed.size());
        all.addAll(named);
        all.addAll(prefixed);
        all.addAll(unindexed);
        all.sort(Comparator.comparingInt(Section::order));
        List<Section> distinct = new ArrayList<>(all.size());
        for (Section section : all) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1) != section) {
                distinct.add(section);
            }
        }
        return distinct;
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

    private static boolean allPositivesHavePrefix(Condition.HostLine host) {
        boolean any = false;
        for (HostPattern pattern : host.patterns()) {
            if (!pattern.negated()) {
                if (literalPrefixLength(pattern.bytes()) == 0) {
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

    /** A byte trie of literal pattern prefixes; each node holds the sections whose prefix ends there. */
    private static final class PrefixNode {
        private byte[] keys = new byte[0];
        private PrefixNode[] children = new PrefixNode[0];
        private final List<Section> sections = new ArrayList<>(1);

        void add(byte[] pattern, int prefixLength, Section section) {
            PrefixNode node = this;
            for (int i = 0; i < prefixLength; i++) {
                node = node.childOrNew(pattern[i]);
            }
            if (node.sections.isEmpty() || node.sections.get(node.sections.size() - 1) != section) {
                node.sections.add(section);
            }
        }

        /** The sections of every node the host name passes through. */
        List<Section> sectionsAlong(byte[] name) {
            List<Section> found = List.of();
            PrefixNode node = this;
            for (int i = 0; i < name.length && node != null; i++) {
                node = node.child(name[i]);
                if (node != null && !node.sections.isEmpty()) {
                    if (found.isEmpty()) {
                        found = new ArrayList<>(node.sections.size() + 2);
                    }
                    found.addAll(node.sections);
                }
            }
            return found;
        }

        private PrefixNode child(byte key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return children[i];
                }
            }
            return null;
        }

        private PrefixNode childOrNew(byte key) {
            PrefixNode existing = child(key);
            if (existing != null) {
                return existing;
            }
            PrefixNode created = new PrefixNode();
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = key;
            children[children.length - 1] = created;
            return created;
        }
    }
}

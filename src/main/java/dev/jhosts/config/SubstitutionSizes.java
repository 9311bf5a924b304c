package dev.jhosts.config;

import dev.jhosts.config.SettingsOutline.Assignment;
import dev.jhosts.config.SettingsOutline.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How large the settings become once every substitution is replaced by what it names, worked out
 * from the outlines of the files before Typesafe Config's resolver does it (which may need more
 * memory or time than there is: {@code b = ${a}${a}}, {@code c = ${b}${b}}, … doubles at each
 * line, and objects built that way are walked as many times as they are named).
 *
 * <p>An upper bound, following HOCON's rules. A substitution names the value at its path with
 * everything under it, and any value above it that it may lie in ({@code ${b.x}} after {@code b
 * = ${a}}). A value replaces what its key held before, unless it is an object (objects merge),
 * or made of substitutions alone that could be objects: those are counted with what came before.
 * One that names its own key or a key around it ({@code a = ${a} ${a}}, what {@code +=} writes)
 * names what was written before it, any other what is written anywhere. In an included
 * file a substitution is tried under the include's key and at the top, and both are counted; one
 * that names nothing is an environment variable. A loop of substitutions is cut where it closes,
 * as HOCON cuts it by looking back.
 */
final class SubstitutionSizes {
    /** The assignments at one path, in order, and the paths under it. */
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Assignment> here = new ArrayList<>();
        /** The size of what is at and under this path, once worked out. */
        long total = -1;
    }

    private final List<Assignment> assignments;
    private final UnaryOperator<String> environment;
    private final Node root = new Node();
    private final Map<Assignment, Long> sizes = new IdentityHashMap<>();
    private final Set<Assignment> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param environment the value of an environment variable, or null */
    SubstitutionSizes(List<Assignment> assignments, UnaryOperator<String> environment) {
        this.assignments = new ArrayList<>(assignments);
        this.assignments.sort((a, b) -> Arrays.compare(a.order, b.order));
        this.environment = environment;
    }

    /**
     * Throws at the assignment where the size goes past {@code limit}: the first that is too
     * large itself, else the one where the total does.
     */
    void check(long limit) throws SettingsException {
        if (assignments.stream().allMatch(assignment -> assignment.references.isEmpty())) {
            return;  // the text itself, which its own bounds keep small
        }
        for (Assignment assignment : assignments) {
            Node node = root;
            for (String segment : assignment.key) {
                node = node.children.computeIfAbsent(segment, name -> new Node());
            }
            node.here.add(assignment);
        }
        Assignment crossing = null;
        long total = 0;
        for (Assignment assignment : assignments) {
            long size = size(assignment);
            if (size > limit) {
                throw tooLarge(assignment, limit);
            }
            total = sum(total, size);
            if (total > limit && crossing == null) {
                crossing = assignment;
            }
        }
        if (crossing != null) {
            throw tooLarge(crossing, limit);
        }
    }

    private static SettingsException tooLarge(Assignment assignment, long limit) {
        return new SettingsException(assignment.file, assignment.line, "substitutions (${...}) make the settings larger "
                + "than " + (limit >> 20) + " MiB once written out (each copies the value it names); "
                + "write the value out instead", null);
    }

    /** The size of {@code assignment}'s value with its substitutions written out. */
    private long size(Assignment assignment) {
        Long known = sizes.get(assignment);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(assignment)) {
            return 0;  // a loop, cut here
        }
        long size = Math.max(1, assignment.literal);
        for (Reference reference : assignment.references) {
            size = sum(size, referenceSize(assignment, reference));
        }
        inProgress.remove(assignment);
        sizes.put(assignment, size);
        return size;
    }

    /** The paths {@code reference} may name: under the include's key, then as written. */
    private static List<List<String>> candidates(Assignment from, Reference reference) {
        if (from.includedUnder.isEmpty()) {
            return List.of(reference.path());
        }
        List<String> relative = new ArrayList<>(from.includedUnder);
        relative.addAll(reference.path());
        return List.of(relative, reference.path());
    }

    private long referenceSize(Assignment from, Reference reference) {
        long size = 0;
        boolean found = false;
        for (List<String> candidate : candidates(from, reference)) {
            // a key that names itself or a key around it names what was written before it (HOCON
            // looks back; looking forward would find itself); any other path, what is written in the end
            Assignment before = isPrefix(candidate, from.key) ? from : null;
            Node node = root;
            for (int i = 0; i < candidate.size() && node != null; i++) {
                node = node.children.get(candidate.get(i));
                if (node != null && i < candidate.size() - 1 && !node.here.isEmpty()) {
                    found = true;
                    size = sum(size, here(node, null, before));  // a value above the path, which it may lie in
                }
            }
            if (node != null) {
                found = true;
                size = sum(size, before == null ? total(node) : effective(node, null, before));
            }
        }
        if (!found && reference.path().size() == 1) {
            String variable = environment.apply(reference.path().get(0));
            size = variable == null ? 0 : variable.length();
        }
        return size;
    }

    /** What is at and under {@code node} in the end. */
    private long total(Node node) {
        if (node.total < 0) {
            node.total = effective(node, null, null);
        }
        return node.total;
    }

    /**
     * What is at and under {@code node} from what was written after {@code after} (all when null)
     * and before {@code before} (all when null): from the last value that replaces the key's,
     * and whatever was written under the key after it.
     */
    private long effective(Node node, int[] after, Assignment before) {
        int[] from = after;
        Assignment replacing = lastReplacing(node, after, before);
        long size = 0;
        if (replacing != null) {
            from = replacing.order;
            size = sizeOf(node.here, replacing.order, true, before);
        } else {
            size = sizeOf(node.here, after, false, before);
        }
        for (Node child : node.children.values()) {
            size = sum(size, effective(child, from, before));
        }
        return size;
    }

    /** The values at {@code node} a path under it may lie in: from the last that replaces the key's. */
    private long here(Node node, int[] after, Assignment before) {
        Assignment replacing = lastReplacing(node, after, before);
        return replacing != null ? sizeOf(node.here, replacing.order, true, before) : sizeOf(node.here, after, false, before);
    }

    private Assignment lastReplacing(Node node, int[] after, Assignment before) {
        Assignment last = null;
        for (Assignment assignment : node.here) {
            if (within(assignment, after, false, before) && replaces(assignment)) {
                last = assignment;
            }
        }
        return last;
    }

    private long sizeOf(List<Assignment> here, int[] from, boolean inclusive, Assignment before) {
        long size = 0;
        for (Assignment assignment : here) {
            if (within(assignment, from, inclusive, before)) {
                size = sum(size, size(assignment));
            }
        }
        return size;
    }

    private static boolean within(Assignment assignment, int[] from, boolean inclusive, Assignment before) {
        if (from != null) {
            int order = Arrays.compare(assignment.order, from);
            if (order < 0 || order == 0 && !inclusive) {
                return false;
            }
        }
        return before == null || assignment.before(before);
    }

    /**
     * Whether {@code assignment}'s value replaces what its key held: it is an append (a list), or
     * no object and a string, number or list, or names the key's own earlier value (merged into
     * itself, an object does not grow).
     */
    private static boolean replaces(Assignment assignment) {
        if (assignment.append) {
            return true;  // a list, whatever is appended
        }
        if (assignment.object) {
            return false;
        }
        if (assignment.plain) {
            return true;
        }
        for (Reference reference : assignment.references) {
            for (List<String> candidate : candidates(assignment, reference)) {
                if (isPrefix(candidate, assignment.key)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPrefix(List<String> prefix, List<String> path) {
        return prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /** {@code a + b}, stopping at the largest long instead of overflowing. */
    private static long sum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}

package dev.jhosts.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link SettingsScanner} found in one settings file: every key with what its value holds
 * (its length, the substitutions in it), and the include statements, in the order HOCON merges
 * them. {@link SubstitutionSizes} works out from it how large the settings become once every
 * substitution is replaced by what it names, before Typesafe Config's resolver does it.
 */
final class SettingsOutline {
    /**
     * Where in the whole load a file's content stands: under which key (the include statement's
     * place) and after what (the position of that statement).
     *
     * @param prefix the path the file's keys are under ({@code a { include "f" } } puts them under {@code a})
     * @param order the position of the include statement; the file's own positions follow it
     * @param owner the key whose value the file lies in when it is included inside a list, else null
     */
    record Placement(List<String> prefix, int[] order, Assignment owner) {
        static final Placement TOP = new Placement(List.of(), new int[0], null);
        /** For a file whose include statement the scan missed: after everything, at the top. */
        static final Placement UNKNOWN = new Placement(List.of(), new int[] {Integer.MAX_VALUE}, null);
    }

    /**
     * A substitution {@code ${path}} or {@code ${?path}} as written (an {@code +=} is one to its
     * own key).
     */
    record Reference(List<String> path) {}

    /**
     * A key and its value, or the part of a value outside objects. Everything inside a list
     * belongs to the key of the list, since no substitution can name a part of it.
     */
    static final class Assignment {
        final Path file;
        final int line;
        /** The full path, include prefix and enclosing objects' keys included. */
        final List<String> key;
        /** The prefix of the file it is written in ({@link Placement#prefix()}). */
        final List<String> includedUnder;
        final int[] order;
        final List<Reference> references = new ArrayList<>();
        /** Characters of its value apart from the substitutions. */
        long literal;
        /** Whether its value has a part that is neither an object nor a substitution: a string, a number, a list. */
        boolean plain;
        /** Whether its value has an object part, which merges with what the key held before. */
        boolean object;
        /** Whether it is {@code key += value}: a list of what the key held and the value. */
        boolean append;

        Assignment(Path file, int line, List<String> key, List<String> includedUnder, int[] order) {
            this.file = file;
            this.line = line;
            this.key = key;
            this.includedUnder = includedUnder;
            this.order = order;
        }

        boolean before(Assignment other) {
            return Arrays.compare(order, other.order) < 0;
        }
    }

    /**
     * An {@code include} statement; {@link #placement()} is where the included file's content goes.
     *
     * @param name the file as written (what Typesafe Config passes to the includer)
     */
    record Include(String name, int line, Placement placement) {}

    final Path file;
    final List<Assignment> assignments = new ArrayList<>();
    private final List<Include> includes = new ArrayList<>();
    private int nextInclude;

    SettingsOutline(Path file) {
        this.file = file;
    }

    void add(Include include) {
        includes.add(include);
    }

    /**
     * The include statement Typesafe Config asks the includer about next: they come in the
     * order they are written, so the next one naming {@code name}. A name written another way
     * than the includer is given it ({@code file("a//b")} arrives as {@code a/b}) takes the next
     * statement in order; null when there is none left (the scan missed one).
     */
    Include next(String name) {
        for (int i = nextInclude; i < includes.size(); i++) {
            if (includes.get(i).name().equals(name)) {
                nextInclude = i + 1;
                return includes.get(i);
            }
        }
        return nextInclude < includes.size() ? includes.get(nextInclude++) : null;
    }
}

package dev.jhosts.config;

import dev.jhosts.config.SettingsOutline.Assignment;
import dev.jhosts.config.SettingsOutline.Placement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bounds on the work one settings load may ask of Typesafe Config, checked on the text of
 * every file (the user's and each it includes) before Typesafe Config sees it, and on the
 * outline of them all before its resolver runs. Its parser and resolver recurse once per level,
 * so 5,000 nested objects (or a key path of 5,000 segments) overflow the stack: at most {@value
 * #MAX_DEPTH} levels, where jhosts' deepest setting has four ({@code jhosts { hosts = [ { tags =
 * [ ] } ] }}). Its resolver takes time that grows much faster than linearly with substitutions
 * that build on each other (800 lines of {@code prelaunch += x} take 12 s, 400 take 0.8 s): at
 * most {@value #MAX_SUBSTITUTIONS} substitutions and {@code +=} in all. And a substitution
 * copies what it names, so a few dozen that each name the previous one twice ask for more memory
 * than there is: the settings with every substitution written out may be at most {@link
 * #MAX_EXPANDED} characters. Its parser joins the pieces of a value, and merges a key set again
 * into an object by copying the object, in time that grows with the square of their number:
 * bounds on pieces, keys of one object and keys set again; and on list elements and all the
 * text together, which only cost time and memory past what any settings need.
 */
final class TextLimits {
    /** Levels of objects, lists and key segments together. */
    static final int MAX_DEPTH = 64;
    /** {@code ${…}} and {@code +=} together, in all files of one load. */
    static final int MAX_SUBSTITUTIONS = 100;
    /** Characters of the settings with every substitution replaced by what it names. */
    static final long MAX_EXPANDED = 16L << 20;
    /** Characters of all the files of one load together. */
    static final long MAX_CHARACTERS = SettingsFile.MAX_BYTES;
    /** Pieces of one value: words, strings, substitutions, objects and lists joined. */
    static final int MAX_PIECES = 256;
    /** Elements of one list: as many as the longest list jhosts reads, {@code hosts}, may have. */
    static final int MAX_ELEMENTS = SettingsLoader.MAX_HOST_ENTRIES;
    /** Keys of one object, however many times it is written. */
    static final int MAX_KEYS = 256;
    /** Keys set again in an object that has them already, in all files of one load. */
    static final int MAX_KEYS_SET_AGAIN = 1_000;

    private final List<SettingsOutline> outlines = new ArrayList<>();
    private final Map<List<String>, Set<String>> keys = new HashMap<>();
    private long characters;
    private int keysSetAgain;
    private int substitutions;
    private Path deepestFile;
    private int deepestLine;
    private int deepest = -1;

    /** Checks the user's file; its outline. */
    SettingsOutline check(Path file, String text) throws SettingsException {
        return check(file, text, Placement.TOP);
    }

    /** Checks a file included by the statement {@code site} (null if the scan missed it); its outline. */
    SettingsOutline checkIncluded(SettingsOutline.Include site, Path file, String text) throws SettingsException {
        return check(file, text, site != null ? site.placement() : SettingsOutline.Placement.UNKNOWN);
    }

    private SettingsOutline check(Path file, String text, Placement placement) throws SettingsException {
        characters += text.length();
        if (characters > MAX_CHARACTERS) {
            throw new SettingsException(file, 1, "the settings files together are larger than "
                    + (MAX_CHARACTERS >> 20) + " MiB; not read", null);
        }
        SettingsOutline outline = SettingsScanner.scan(this, file, text, placement);
        outlines.add(outline);
        return outline;
    }

    /**
     * After every file is parsed and before the resolver runs: throws at the key whose
     * substitutions take the settings past {@link #MAX_EXPANDED}.
     */
    void checkExpansion() throws SettingsException {
        List<Assignment> assignments = new ArrayList<>();
        for (SettingsOutline outline : outlines) {
            assignments.addAll(outline.assignments);
        }
        new SubstitutionSizes(assignments, System::getenv).check(MAX_EXPANDED);
    }

    /** Counts one substitution or append at {@code line} of {@code file}; throws past the limit. */
    void substitution(Path file, int line) throws SettingsException {
        if (++substitutions > MAX_SUBSTITUTIONS) {
            throw new SettingsException(file, line, "more than " + MAX_SUBSTITUTIONS
                    + " substitutions (${...}) and appends (+=) in the settings; write the value out instead", null);
        }
    }

    /** The keys set so far in each object of the settings, by the object's path (every file adds to them). */
    Map<List<String>, Set<String>> keys() {
        return keys;
    }

    /** Counts a key set again in an object that has it; throws past the limit. */
    void keySetAgain(Path file, int line) throws SettingsException {
        if (++keysSetAgain > MAX_KEYS_SET_AGAIN) {
            throw new SettingsException(file, line, "keys set again more than " + MAX_KEYS_SET_AGAIN
                    + " times in the settings; set each once", null);
        }
    }

    /** Notes {@code levels} of nesting at {@code line} of {@code file}; throws past the limit. */
    void depth(Path file, int line, int levels) throws SettingsException {
        if (levels > deepest) {
            deepest = levels;
            deepestFile = file;
            deepestLine = line;
        }
        if (levels > MAX_DEPTH) {
            throw new SettingsException(file, line, "nested too deeply (more than " + MAX_DEPTH
                    + " levels of objects, lists and key segments); jhosts' settings need at most 4", null);
        }
    }

    /**
     * For a stack overflow the scan did not foresee (the net under it): the problem at the
     * deepest place it saw.
     */
    SettingsException tooDeep(Path file) {
        return deepestFile == null ? new SettingsException(file, 1, "nested too deeply to be read", null)
                : new SettingsException(deepestFile, deepestLine, "nested too deeply to be read", null);
    }
}

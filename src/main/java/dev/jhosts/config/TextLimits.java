package dev.jhosts.config;

import dev.jhosts.config.SettingsOutline.Assignment;
import dev.jhosts.config.SettingsOutline.Placement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * #MAX_EXPANDED} characters.
 */
final class TextLimits {
    /** Levels of objects, lists and key segments together. */
    static final int MAX_DEPTH = 64;
    /** {@code ${…}} and {@code +=} together, in all files of one load. */
    static final int MAX_SUBSTITUTIONS = 100;
    /** Characters of the settings with every substitution replaced by what it names. */
    static final long MAX_EXPANDED = 16L << 20;

    private final List<SettingsOutline> outlines = new ArrayList<>();
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

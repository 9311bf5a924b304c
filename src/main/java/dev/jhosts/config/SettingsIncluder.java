package dev.jhosts.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import dev.jhosts.config.SettingsOutline.Include;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * HOCON {@code include} in jhosts' settings: plain files only. {@code include "other.conf"} and
 * {@code include file("other.conf")} name a file exactly (no {@code .conf}/{@code .json}
 * guessing), relative to the directory of the file that includes it; {@code required(...)} makes
 * a missing file an error. {@code url(...)}, {@code classpath(...)} and a URL given as a name are
 * refused: a settings file must not wait on the network (a silent server hangs the default
 * includer) nor read jhosts' own jar. A file that is not regular (a FIFO, {@code /dev/zero}) is
 * refused before it is opened, includes nest at most {@value #MAX_DEPTH} deep, at most
 * {@value #MAX_FILES} files in all, and a cycle is an error.
 *
 * <p>Typesafe Config asks an includer for a file without saying where the include statement
 * stands; the statement's line is found again in the including file's text. Errors leave through
 * the parser as {@link Refused}, which carries the one-line {@link SettingsException}.
 */
final class SettingsIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
    static final int MAX_DEPTH = 8;
    static final int MAX_FILES = 64;
    private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    /** A refused include, passed through Typesafe Config's parser unchanged. */
    static final class Refused extends ConfigException {
        private static final long serialVersionUID = 1L;
        private final transient SettingsException problem;

        Refused(SettingsException problem) {
            super(problem.getMessage(), problem);
            this.problem = problem;
        }

        SettingsException problem() {
            return problem;
        }
    }

    /** What all the files of one settings load have used so far. */
    private static final class Budget {
        final TextLimits limits;
        int files;

        Budget(TextLimits limits) {
            this.limits = limits;
        }
    }

    private final SettingsFile including;
    private final SettingsOutline outline;
    private final List<Path> chain;
    private final Budget budget;

    private SettingsIncluder(SettingsFile including, SettingsOutline outline, List<Path> chain, Budget budget) {
        this.including = including;
        this.outline = outline;
        this.chain = chain;
        this.budget = budget;
    }

    /**
     * Parse options for the user's settings file: HOCON, must exist, includes through this
     * includer; every included file is checked by {@code limits} too (which has seen {@code
     * file}, whose outline is {@code outline}).
     */
    static ConfigParseOptions optionsFor(SettingsFile file, SettingsOutline outline, TextLimits limits) {
        return options(new SettingsIncluder(file, outline, List.of(canonical(file.path())), new Budget(limits)));
    }

    private static ConfigParseOptions options(SettingsIncluder includer) {
        return ConfigParseOptions.defaults()
                .setOriginDescription(includer.including.path().toString())
                .setAllowMissing(false)
                .setSyntax(ConfigSyntax.CONF)
                .setIncluder(includer);
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return this;  // never Typesafe Config's own includer, which reads URLs and the class path
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        Include site = outline.next(what);
        if (URL_LIKE.matcher(what).matches()) {
            throw refused(site, what, "include of a URL is refused: save the file and include it by its path");
        }
        return includeFile(context, new File(what), what, site);
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
        return includeFile(context, what, what.getPath(), outline.next(what.getPath()));
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        throw refused(outline.next(what.toString()), what.toString(),
                "include url(...) is refused: save the file and include it with file(...)");
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        throw refused(outline.next(what), what, "include classpath(...) is refused: include a file with file(...)");
    }

    /** {@code site} is the include statement in the including file (null if its scan missed it). */
    private ConfigObject includeFile(ConfigIncludeContext context, File what, String name, Include site) {
        Path target = what.toPath();
        if (!target.isAbsolute()) {
            Path directory = including.path().toAbsolutePath().getParent();
            target = directory == null ? target.toAbsolutePath() : directory.resolve(target);
        }
        if (!Files.exists(target)) {
            if (context.parseOptions().getAllowMissing()) {
                return ConfigFactory.empty().root();
            }
            throw refused(site, name, "include required(...): no such file " + target);
        }
        String problem = SettingsFile.problemWith(target);
        if (problem != null) {
            throw refused(site, name, "include of " + target + " refused: " + problem);
        }
        Path key = canonical(target);
        if (chain.contains(key)) {
            throw refused(site, name, "include cycle: " + target + " is already being read");
        }
        if (chain.size() >= MAX_DEPTH) {
            throw refused(site, name, "includes nested more than " + MAX_DEPTH + " deep");
        }
        if (++budget.files > MAX_FILES) {
            throw refused(site, name, "more than " + MAX_FILES + " included files");
        }
        SettingsFile file;
        try {
            file = SettingsFile.read(target);
        } catch (SettingsException e) {
            // a problem with a line is in the file (not UTF-8); without one, in reading it (/proc/self/pagemap)
            throw e.line() > 0 ? new Refused(e) : refused(site, name, "include of " + target + " refused: " + e.what());
        }
        try {
            SettingsOutline included = budget.limits.checkIncluded(site, file.path(), file.text());
            List<Path> deeper = new ArrayList<>(chain);
            deeper.add(key);
            // the text that was checked, not the file read again
            return ConfigFactory.parseString(file.text(),
                    options(new SettingsIncluder(file, included, List.copyOf(deeper), budget))).root();
        } catch (SettingsException e) {
            throw new Refused(e);
        }
    }

    private Refused refused(Include site, String name, String what) {
        int line = site != null ? site.line() : including.lineOfInclude(name);
        return new Refused(new SettingsException(including.path(), line, what, null));
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}

package dev.jhosts.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects one-line warnings, {@code FILE:LINE: what}, with files under the home directory
 * written {@code ~/...}. A warning given twice is kept once.
 */
final class Warnings {
    private final Path home;
    private final Set<String> lines = new LinkedHashSet<>();

    Warnings(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    void at(Path file, int line, String what) {
        lines.add(display(file) + (line > 0 ? ":" + line : "") + ": " + what);
    }

    void about(Path file, String what) {
        at(file, 0, what);
    }

    void add(String what) {
        lines.add(what);
    }

    List<String> list() {
        return new ArrayList<>(lines);
    }

    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(home) && !absolute.equals(home)) {
            return "~/" + home.relativize(absolute);
        }
        return file.toString();
    }
}

package dev.jhosts.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;

/**
 * This build: the version from the jar's manifest (Implementation-Version) and the build from
 * {@code build.properties}, which the build writes beside this class: the git commit ("-dirty"
 * when uncommitted changes were built) and the time. Without picocli: a client of the server
 * says it in its first message, and should not load a library for it.
 */
public final class BuildIdentity {
    private BuildIdentity() {}

    /**
     * What a client and its server compare in the first message: the jar's modification time
     * and size, when jhosts runs from its jar beside the launcher. One stat: reading the
     * manifest and {@code build.properties} opens the jar, which a client, every class of its
     * start coming from the class-data-sharing archive, otherwise never does. Else the {@link
     * #line()}.
     */
    static String handshake() {
        String home = System.getProperty("jhosts.home");
        return home == null ? line() : handshake(home);
    }

    /** The {@link #handshake()} of the build whose launcher and jar are in {@code home}. */
    public static String handshake(String home) {
        try {
            BasicFileAttributes jar = Files.readAttributes(Path.of(home, "jhosts.jar"), BasicFileAttributes.class);
            // raw numbers: formatting a time would load java.time for a comparison
            return "jhosts.jar of " + jar.size() + " bytes, modified at " + jar.lastModifiedTime().toMillis() + " ms";
        } catch (IOException | InvalidPathException noJar) {
            // classes from a directory (a development run): the build line
            return line();
        }
    }

    /** "jhosts VERSION (commit C, built T)", as {@code --version} prints it. */
    static String line() {
        String version = Main.class.getPackage().getImplementationVersion();
        return "jhosts " + (version == null ? "(development build)" : version) + build();
    }

    /** " (commit C, built T)", or as much of it as the build wrote down. */
    static String build() {
        Properties build = new Properties();
        try (InputStream in = BuildIdentity.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "";
            }
            build.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return "";
        }
        String commit = build.getProperty("commit", "").trim();
        String time = build.getProperty("time", "").trim();
        if (commit.isEmpty() && time.isEmpty()) {
            return "";
        }
        if (commit.isEmpty()) {
            return " (built " + time + ")";
        }
        return " (commit " + commit + (time.isEmpty() ? "" : ", built " + time) + ")";
    }
}

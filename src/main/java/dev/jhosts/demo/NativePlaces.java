package dev.jhosts.demo;

import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where JNA and pty4j find their native libraries. Both copy theirs out of their jars on first
 * use, JNA into {@code ~/.cache/JNA} and pty4j into a temporary directory, which would leave
 * files of the demo behind in the user's home. The build unpacks them beside the launcher
 * ({@code native/demo/}); there they are used as they are. Otherwise (a class path made by Maven)
 * both are told to copy into the demo's own directory, which the demo removes at its end.
 */
final class NativePlaces {
    private NativePlaces() {}

    /** Points both libraries at the unpacked copies, else at {@code scratch} for their own copies. */
    static void configure(Path scratch) {
        String scratchDirectory = scratch.toString();
        System.setProperty("jna.tmpdir", scratchDirectory);
        System.setProperty("pty4j.tmpdir", scratchDirectory);
        Optional<Path> unpacked = unpacked();
        if (unpacked.isEmpty()) {
            return;
        }
        Path jna = unpacked.get().resolve("com/sun/jna").resolve(Platform.RESOURCE_PREFIX);
        if (Files.isDirectory(jna)) {
            System.setProperty("jna.boot.library.path", jna.toString());
            // only that copy: never one installed elsewhere on the machine, never a copy out of the jar
            System.setProperty("jna.nosys", "true");
            System.setProperty("jna.nounpack", "true");
        }
        Path pty4j = unpacked.get().resolve("resources/com/pty4j/native");
        if (Files.isDirectory(pty4j)) {
            System.setProperty("pty4j.preferred.native.folder", pty4j.toString());
        }
    }

    /** {@code native/demo} under the launcher's directory ({@code jhosts.home}), when it is there. */
    private static Optional<Path> unpacked() {
        String home = System.getProperty("jhosts.home");
        if (home == null || home.isEmpty()) {
            return Optional.empty();
        }
        Path directory = Path.of(home, "native", "demo");
        return Files.isDirectory(directory) ? Optional.of(directory) : Optional.empty();
    }
}

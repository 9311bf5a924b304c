package dev.jhosts.mux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Points junixsocket at its native library unpacked beside the jar at build time
 * ({@code native/lib/<arch>-<os>-clang/jni/}), so that it does not copy one out of its jar into
 * the temp directory on every start. Without that directory junixsocket does as it always does.
 */
public final class NativeLibrary {
    private static final String OVERRIDE = "org.newsclub.net.unix.library.override";

    private NativeLibrary() {}

    /** Sets junixsocket's library override when {@code home} holds a library for this platform. */
    public static void preferUnpacked(Path home) {
        if (System.getProperty(OVERRIDE) != null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String platform = System.getProperty("os.arch", "") + "-"
                + (os.startsWith("mac") ? "MacOSX" : os.startsWith("linux") ? "Linux" : "unsupported") + "-clang";
        Path dir = home.resolve("native/lib").resolve(platform).resolve("jni");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> libraries = Files.newDirectoryStream(dir, "libjunixsocket-native-*")) {
            for (Path library : libraries) {
                System.setProperty(OVERRIDE, library.toAbsolutePath().toString());
                return;
            }
        } catch (IOException e) {
            // junixsocket falls back to its own loading
        }
    }
}

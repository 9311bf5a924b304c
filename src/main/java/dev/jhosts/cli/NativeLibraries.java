package dev.jhosts.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jline.nativ.OSInfo;

/**
 * Points junixsocket and JLine at their native libraries, unpacked beside the jar at build time
 * ({@code native/}), so that neither copies one out of its jar into the temp directory on every
 * start (tens of milliseconds, and a failure where /tmp is noexec). Without that directory both
 * load as they always do.
 */
final class NativeLibraries {
    private static final String JUNIXSOCKET_OVERRIDE = "org.newsclub.net.unix.library.override";
    private static final String JLINE_PATH = "library.jline.path";

    private NativeLibraries() {}

    static void preferUnpacked(Path home) {
        Path unpacked = home.resolve("native");
        if (!Files.isDirectory(unpacked)) {
            return;
        }
        if (System.getProperty(JUNIXSOCKET_OVERRIDE) == null) {
            junixsocket(unpacked.resolve("lib"));
        }
        if (System.getProperty(JLINE_PATH) == null) {
            Path jline = unpacked.resolve("org/jline/nativ").resolve(jlineFolder());
            if (Files.isDirectory(jline)) {
                System.setProperty(JLINE_PATH, jline.toString());
            }
        }
    }

    /**
     * JLine's folder for this platform ({@code Linux/x86_64}, {@code Mac/arm64}…), worked out here
     * for the common platforms because JLine's own OSInfo starts java.util.logging (~10 ms).
     */
    private static String jlineFolder() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        String folderArch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> "";
        };
        String folderOs = os.startsWith("Linux") ? "Linux" : os.startsWith("Mac") ? "Mac" : "";
        if (folderArch.isEmpty() || folderOs.isEmpty()) {
            return OSInfo.getNativeLibFolderPathForCurrentOS();
        }
        return folderOs + "/" + folderArch;
    }

    /** junixsocket's layout: {@code lib/<arch>-<os>-clang/jni/libjunixsocket-native-<version>.so}. */
    private static void junixsocket(Path lib) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String platform = System.getProperty("os.arch", "") + "-"
                + (os.startsWith("mac") ? "MacOSX" : os.startsWith("linux") ? "Linux" : "unsupported") + "-clang";
        Path dir = lib.resolve(platform).resolve("jni");
        if (!Files.isDirectory(dir)) {
            return;
        }
        // a plain listing: a glob filter compiles a regular expression, a few milliseconds of every start
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith("libjunixsocket-native-")) {
                    System.setProperty(JUNIXSOCKET_OVERRIDE, entry.toAbsolutePath().toString());
                    return;
                }
            }
        } catch (IOException e) {
            // junixsocket falls back to its own loading
        }
    }
}

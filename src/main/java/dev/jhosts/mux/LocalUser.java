package dev.jhosts.mux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The uid this process runs as, looked up once. */
public final class LocalUser {
    private static volatile long uid = -1;

    private LocalUser() {}

    public static long uid() {
        long known = uid;
        if (known < 0) {
            known = lookUp();
            uid = known;
        }
        return known;
    }

    /** /proc/self belongs to the process's uid; elsewhere a file just made tells. */
    private static long lookUp() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProc) {
            try {
                Path probe = Files.createTempFile("jhosts-uid", "");
                try {
                    return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot tell this process's uid: " + e.getMessage(), e);
            }
        }
    }
}

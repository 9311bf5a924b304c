package dev.jhosts.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Skips a test when an external program it needs is missing, with one line naming the Debian
 * package to install; under {@code CI=true} the same condition fails the test instead.
 */
public final class Requirements {
    private Requirements() {}

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires an executable at an absolute path. */
    public static Path requireExecutable(String path, String debianPackage) {
        Path file = Path.of(path);
        if (!Files.isExecutable(file)) {
            missing(path, debianPackage);
        }
        return file;
    }

    /** Requires a command on PATH. */
    public static Path requireCommand(String command, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        missing(command, debianPackage);
        throw new AssertionError("unreachable");
    }

    private static void missing(String what, String debianPackage) {
        String line = what + " is missing: install it with 'apt-get install " + debianPackage + "'";
        if (onCi()) {
            fail(line + " (CI=true turns this skip into a failure)");
        }
        abort(line);
    }

    /** Requires running as root (to run a process as another user); skips otherwise, fails on CI. */
    public static void requireRoot(String why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            String line = why + " needs root: run the tests as root";
            if (onCi()) {
                fail(line + " (CI=true turns this skip into a failure)");
            }
            abort(line);
        }
    }
}

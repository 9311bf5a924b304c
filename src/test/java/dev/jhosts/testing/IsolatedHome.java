package dev.jhosts.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A home of jhosts' own in a test's directory, with no sshd: its XDG directories, the private
 * control directory ({@code run/jhosts}, 0700) made already, and the environment that points
 * {@code target/jhosts} at them.
 */
public record IsolatedHome(Path controlDirectory, Map<String, String> environment) {
    public static IsolatedHome in(Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path control = Files.createDirectory(run.resolve("jhosts"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Map<String, String> env = Map.of("HOME", Files.createDirectory(dir.resolve("home")).toString(),
                "XDG_RUNTIME_DIR", run.toString(),
                "XDG_CONFIG_HOME", Files.createDirectory(dir.resolve("config")).toString(),
                "XDG_STATE_HOME", Files.createDirectory(dir.resolve("state")).toString(),
                "TERM", "xterm-256color", "LC_ALL", "C.UTF-8");
        return new IsolatedHome(control, env);
    }
}

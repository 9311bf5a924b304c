package dev.jhosts.master;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Proves that a pid is the master behind a socket before it is signalled: a socket's answer is
 * only a claim (a fake one can report any pid, an ssh-agent's say), so the process must be this
 * user's, run the configured ssh binary, and hold the listening socket itself ({@code /proc}).
 */
final class MasterProcessCheck {
    private final String sshBinary;
    private final long myUid;

    MasterProcessCheck(String sshBinary, long myUid) {
        this.sshBinary = sshBinary;
        this.myUid = myUid;
    }

    /** Why {@code pid} must not be signalled as the master of {@code socket}; empty when it may. */
    Optional<String> refusal(long pid, Path socket) {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(proc)) {
            return Optional.of("no process " + pid);
        }
        long owner;
        try {
            owner = ((Number) Files.getAttribute(proc, "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot tell who owns process " + pid + ": " + e.getMessage());
        }
        if (owner != myUid) {
            return Optional.of("process " + pid + " belongs to uid " + owner + ", not to you; not killing it");
        }
        Optional<Path> executable = executable(proc);
        if (executable.isEmpty() || !isSsh(executable.get())) {
            return Optional.of("process " + pid + " runs " + executable.map(Path::toString).orElse("an unknown program")
                    + ", not " + sshBinary + "; not killing it");
        }
        if (!ListenerPids.holds(pid, socket)) {
            return Optional.of("process " + pid + " does not hold the listening socket " + socket
                    + ", so it is not that master; not killing it");
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path proc) {
        try {
            return Optional.of(Files.readSymbolicLink(proc.resolve("exe")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The configured binary, found on PATH as ssh would be, compared by real path. */
    private boolean isSsh(Path executable) {
        Optional<Path> configured = configuredBinary();
        if (configured.isEmpty()) {
            return false;
        }
        try {
            return configured.get().toRealPath().equals(executable.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<Path> configuredBinary() {
        if (sshBinary.contains("/")) {
            return Optional.of(Path.of(sshBinary));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, sshBinary);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

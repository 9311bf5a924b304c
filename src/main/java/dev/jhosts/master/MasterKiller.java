package dev.jhosts.master;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ends a master by signal, for one that does not answer (or answers but will not go): SIGTERM
 * plus SIGCONT (a stopped process acts on SIGTERM only once it runs), SIGKILL after the grace
 * period, then the socket file is removed once nothing accepts on it.
 */
public final class MasterKiller {
    private final Duration grace;
    private final MasterProbe probe;
    private final MasterProcessCheck check;

    public MasterKiller(Duration grace, MasterProbe probe, String sshBinary, long myUid) {
        this.grace = grace;
        this.probe = probe;
        this.check = new MasterProcessCheck(sshBinary, myUid);
    }

    /**
     * Signals {@code pid} once it is proved to be the master of {@code socket} (this user's, the
     * configured ssh, holding the listening socket), and cleans up {@code socket}.
     */
    public void kill(long pid, Path socket) throws MasterException, InterruptedException {
        Optional<String> refusal = check.refusal(pid, socket);
        if (refusal.isPresent()) {
            throw new MasterException(refusal.get());
        }
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new MasterException("no process " + pid));
        process.destroy();
        signal("CONT", pid);
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stuck) {
                throw new MasterException("process " + pid + " survived SIGKILL");
            }
        }
        if (Files.exists(socket)) {
            probe.removeIfStale(socket);
        }
    }

    private static void signal(String name, long pid) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder(List.of("kill", "-" + name, Long.toString(pid)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // without kill(1) a stopped master waits for SIGKILL after the grace period
        }
    }
}

package dev.jhosts.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenSSH master for {@link SshdFixture#HOST}, started with the system {@code ssh -M -N -f}
 * on a socket in the fixture's directory. {@link #close()} ends it (SIGCONT first, in case a test
 * stopped it) with {@code -O exit}, then SIGKILL if it is still there.
 */
public final class TestMaster implements AutoCloseable {
    private static final Pattern PID = Pattern.compile("Master running \\(pid=(\\d+)\\)");

    private final SshdFixture sshd;
    private final Path socket;
    private final long pid;

    private TestMaster(SshdFixture sshd, Path socket, long pid) {
        this.sshd = sshd;
        this.socket = socket;
        this.pid = pid;
    }

    /** Starts a master on {@code <fixture dir>/<name>}; {@code options} go before the host (e.g. "-o", "SendEnv=X"). */
    public static TestMaster start(SshdFixture sshd, String name, String... options) {
        return start(sshd, Map.of(), name, options);
    }

    /** As {@link #start(SshdFixture, String, String...)}, with extra environment for ssh (e.g. SSH_ASKPASS). */
    public static TestMaster start(SshdFixture sshd, Map<String, String> env, String name, String... options) {
        Path socket = sshd.dir().resolve(name);
        List<String> args = new ArrayList<>(List.of("-M", "-N", "-f", "-o", "ControlPersist=60", "-S", socket.toString()));
        args.addAll(List.of(options));
        args.add(SshdFixture.HOST);
        Processes.Result started = Processes.run(sshd.ssh(args.toArray(String[]::new)), env, Duration.ofSeconds(30));
        if (started.exitCode() != 0 || !Files.exists(socket)) {
            throw new AssertionError("master did not start: " + started.describe());
        }
        return new TestMaster(sshd, socket, checkPid(sshd, socket));
    }

    /** The pid {@code ssh -O check} prints ("Master running (pid=N)"). */
    public static long checkPid(SshdFixture sshd, Path socket) {
        Processes.Result check = Processes.run(
                sshd.ssh("-S", socket.toString(), "-O", "check", SshdFixture.HOST), Map.of(), Duration.ofSeconds(20));
        Matcher matcher = PID.matcher(check.stderr() + check.stdout());
        if (check.exitCode() != 0 || !matcher.find()) {
            throw new AssertionError("ssh -O check failed: " + check.describe());
        }
        return Long.parseLong(matcher.group(1));
    }

    public Path socket() {
        return socket;
    }

    public long pid() {
        return pid;
    }

    public ProcessHandle process() {
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("master " + pid + " is gone"));
    }

    /** Sends a signal with the system kill(1): "STOP", "CONT", "WINCH"... */
    public void signal(String name) {
        Processes.Result result = Processes.run(List.of("kill", "-" + name, Long.toString(pid)), Map.of(), Duration.ofSeconds(10));
        if (result.exitCode() != 0) {
            throw new AssertionError("kill -" + name + " " + pid + ": " + result.describe());
        }
    }

    /** Waits (bounded) until the master process has exited; false if it is still there after {@code limit}. */
    public boolean awaitExit(Duration limit) {
        return ProcessHandle.of(pid).map(p -> {
            try {
                p.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return !p.isAlive();
            }
        }).orElse(true);
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(process -> {
            Processes.run(List.of("kill", "-CONT", Long.toString(pid)), Map.of(), Duration.ofSeconds(10));
            if (Files.exists(socket)) {
                Processes.run(sshd.ssh("-S", socket.toString(), "-O", "exit", SshdFixture.HOST), Map.of(), Duration.ofSeconds(10));
            }
            if (!awaitExit(Duration.ofSeconds(5))) {
                process.destroyForcibly();
            }
        });
    }
}

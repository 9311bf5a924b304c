package dev.jhosts.run;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One command to run on many hosts.
 *
 * @param command the remote command, as for {@code ssh host COMMAND} (the host's login shell runs it)
 * @param aliases the hosts, in the order given (each once)
 * @param parallelism how many hosts run it at once
 * @param timeout how long it may run on one host once its session is open; zero for no limit
 * @param hangup whether stopping it sends SIGHUP to its process group on the host (see {@link RemoteCommand})
 * @param input what every host gets on its standard input; empty for none (EOF at once)
 * @param capture whether each host's output is kept for its {@link HostResult} (for {@code --json})
 * @param retries how many times a host whose connection was lost mid-run is run again ({@code --retry})
 */
public record RunRequest(String command, List<String> aliases, int parallelism, Duration timeout, boolean hangup,
        byte[] input, boolean capture, int retries) {
    /** The most {@code --retry} allows. */
    public static final int MAX_RETRIES = 100;

    /** A request that runs no host again. */
    public RunRequest(String command, List<String> aliases, int parallelism, Duration timeout, boolean hangup,
            byte[] input, boolean capture) {
        this(command, aliases, parallelism, timeout, hangup, input, capture, 0);
    }

    public RunRequest {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be from 0 to " + MAX_RETRIES + ", not " + retries);
        }
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("no command to run");
        }
        aliases = List.copyOf(new LinkedHashSet<>(aliases));
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        input = input.clone();
    }

    /** Whether the command is limited in time. */
    public boolean timed() {
        return !timeout.isZero();
    }

    @Override
    public byte[] input() {
        return input.clone();
    }

    /** How many bytes of input every host gets. */
    public int inputLength() {
        return input.length;
    }

    /** The input, not copied, for the writers (which only read it). */
    byte[] inputShared() {
        return input;
    }
}

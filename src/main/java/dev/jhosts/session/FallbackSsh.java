package dev.jhosts.session;

import dev.jhosts.terminal.TerminalSide;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the system {@code ssh} for a host on the real terminal, for when no master can be made
 * in the background because authentication needs the user (a password, an OTP, an unknown host
 * key). It runs with {@code ControlMaster=auto} and jhosts' ControlPath, so the connection the
 * user authenticates becomes the master that later sessions reuse.
 *
 * <p>The caller gives the terminal back in its normal (cooked) modes first and does not read it
 * while ssh runs; ssh sets its own modes. jhosts ignores SIGINT meanwhile, so a Ctrl-C at
 * a password prompt ends ssh and not jhosts ({@link TerminalSide#run}).
 */
public final class FallbackSsh {
    private final String sshBinary;
    private final Path sshConfig;
    private final Path controlPath;
    private final Duration persist;
    private final List<String> sshOptions;
    private final boolean confirmsEachUse;

    /**
     * @param sshBinary the ssh program ("ssh" to look it up on PATH)
     * @param sshConfig the ssh config passed with {@code -F}
     * @param controlPath the master's socket path
     * @param persist how long the master stays after its last session; zero means until it is stopped
     * @param sshOptions options the host needs beyond the ssh config (a host of jhosts' own)
     */
    public FallbackSsh(String sshBinary, Path sshConfig, Path controlPath, Duration persist, List<String> sshOptions) {
        this(sshBinary, sshConfig, controlPath, persist, sshOptions, false);
    }

    private FallbackSsh(String sshBinary, Path sshConfig, Path controlPath, Duration persist, List<String> sshOptions,
            boolean confirmsEachUse) {
        this.confirmsEachUse = confirmsEachUse;
        this.sshBinary = Objects.requireNonNull(sshBinary, "sshBinary");
        this.sshConfig = Objects.requireNonNull(sshConfig, "sshConfig");
        this.controlPath = Objects.requireNonNull(controlPath, "controlPath");
        this.persist = Objects.requireNonNull(persist, "persist");
        this.sshOptions = List.copyOf(sshOptions);
        if (persist.isNegative()) {
            throw new IllegalArgumentException("negative ControlPersist: " + persist);
        }
    }

    /**
     * The same, for a host whose config says ControlMaster ask or autoask: the master this
     * connection becomes keeps asking for each new session ({@code autoask}).
     */
    public FallbackSsh confirmingEachUse() {
        return new FallbackSsh(sshBinary, sshConfig, controlPath, persist, sshOptions, true);
    }

    /** Runs ssh on the user's terminal and returns its exit status (255 for ssh's own errors). */
    public int run(String host, List<String> command, TerminalSide terminal) throws IOException, InterruptedException {
        return terminal.run(processBuilder(host, command).command());
    }

    /** The ssh process for {@code host}, not started, without I/O redirection (tests redirect it). */
    public ProcessBuilder processBuilder(String host, List<String> command) {
        List<String> line = new ArrayList<>(List.of(sshBinary,
                "-F", sshConfig.toString(),
                "-o", confirmsEachUse ? "ControlMaster=autoask" : "ControlMaster=auto",
                // ssh expands % tokens in ControlPath; the path given is already expanded
                "-o", "ControlPath=" + controlPath.toString().replace("%", "%%"),
                "-o", "ControlPersist=" + persistValue()));
        line.addAll(sshOptions);
        // nothing after "--" is taken as an ssh option, not even after the host
        line.addAll(List.of("--", host));
        line.addAll(command);
        return new ProcessBuilder(line);
    }

    /** Zero is jhosts' "until stopped" (ssh's "yes"); sub-second rounds up. */
    private String persistValue() {
        if (persist.isZero()) {
            return "yes";
        }
        long seconds = persist.toSeconds() + (persist.toNanosPart() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }
}

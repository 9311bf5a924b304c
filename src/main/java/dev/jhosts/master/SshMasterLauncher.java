package dev.jhosts.master;

import dev.jhosts.config.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Launches a master with the system {@code ssh}: {@code -M -N}, ControlPersist so it goes to the
 * background once the socket exists, BatchMode so it never prompts, and {@code -E} to a log of
 * its own so that no pipe stays open to the daemonised master.
 *
 * <p>A host whose ControlMaster is {@code ask} or {@code autoask} gets {@code ControlMaster=ask}:
 * a master all the same (ssh.c/mux.c treat SSHCTL_MASTER_ASK as {@code yes} plus confirmations),
 * but one that asks through SSH_ASKPASS before each new client. Such a master is made only where
 * someone can answer: through the picker's prompt channel, whose token it keeps for its whole
 * life, or on the command line on a terminal (then with the user's own environment, as ssh
 * would). A background launch (prelaunch, {@code jhosts run}) of such a host makes nothing and
 * reports that it needs the user.
 */
public final class SshMasterLauncher implements MasterLauncher {
    /** The reason given when another master took the ControlPath while this one was connecting. */
    public static final String ANOTHER_MASTER = "another master took the ControlPath meanwhile";

    private static final int REASON_LINES = 3;
    private static final Duration POLL = Duration.ofMillis(25);

    private final Settings settings;
    private final Path sshConfig;
    private final LatestTerminal terminal;

    public SshMasterLauncher(Settings settings, Path sshConfig) {
        this(settings, sshConfig, new LatestTerminal());
    }

    /** As above, each ssh with the agent and display of the terminal the user came from last. */
    public SshMasterLauncher(Settings settings, Path sshConfig, LatestTerminal terminal) {
        this.settings = settings;
        this.sshConfig = sshConfig;
        this.terminal = terminal;
    }

    /** The reason given when a background launch leaves a host that confirms each use to the user. */
    public static final String CONFIRMS_EACH_USE =
            "its ControlMaster asks to confirm each use (ask/autoask): made when you ask for it";

    /** How long a launch that waits for the user's answers may take (an OTP fetched from a phone). */
    private static final Duration PROMPTING_LIMIT = Duration.ofMinutes(10);

    /** The ssh command line for a background master. */
    List<String> command(LaunchRequest request) {
        List<String> command = new ArrayList<>(List.of(settings.sshBinary(), "-F", sshConfig.toString()));
        command.addAll(request.routeOptions());
        command.addAll(request.target().options());
        ControlPath controlPath = request.controlPath();
        // -o on the command line wins over the config: keep the host's confirmations, as a master
        option(command, "ControlMaster", request.confirmsEachUse() ? "ask" : "yes");
        // ssh expands % tokens in ControlPath; the path given is already expanded.
        option(command, "ControlPath", controlPath.socket().toString().replace("%", "%%"));
        option(command, "ControlPersist", persist(settings.controlPersist()));
        option(command, "BatchMode", request.prompts() instanceof Prompting.Never ? "yes" : "no");
        option(command, "ConnectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        option(command, "ServerAliveInterval", Long.toString(settings.serverAliveInterval().toSeconds()));
        option(command, "ServerAliveCountMax", Integer.toString(settings.serverAliveCountMax()));
        command.addAll(List.of("-E", request.log().toString(), "-N", "--", request.target().destination()));
        return command;
    }

    /** Runs ssh until it has gone to the background (or failed), bounded in time. */
    @Override
    public LaunchOutcome launch(LaunchRequest request) throws InterruptedException {
        if (request.confirmsEachUse() && request.prompts() instanceof Prompting.Never) {
            // its every client would wait for an answer nobody is there to give
            return new LaunchOutcome.Failed(CONFIRMS_EACH_USE, true);
        }
        if (request.confirmsEachUse() && request.prompts() instanceof Prompting.Through through) {
            MasterPrompts kept = through.channel().openForMaster(request.target().label());
            LaunchOutcome outcome;
            try {
                outcome = run(request, kept.environment(), PROMPTING_LIMIT);
            } catch (InterruptedException | RuntimeException e) {
                kept.close();
                throw e;
            }
            if (outcome instanceof LaunchOutcome.Failed failed) {
                kept.close();
                return kept.cancelled() ? new LaunchOutcome.Failed("cancelled", false) : failed;
            }
            return new LaunchOutcome.Launched(kept);
        }
        if (request.prompts() instanceof Prompting.Through through) {
            try (PromptSession session = through.channel().open(request.target().label())) {
                LaunchOutcome outcome = run(request, session.environment(), PROMPTING_LIMIT);
                if (session.cancelled() && outcome instanceof LaunchOutcome.Failed) {
                    return new LaunchOutcome.Failed("cancelled", false);
                }
                return outcome;
            }
        }
        Duration limit = request.prompts() instanceof Prompting.OnTerminal ? PROMPTING_LIMIT
                : settings.connectTimeout().multipliedBy(2).plusSeconds(15);
        return run(request, java.util.Map.of(), limit);
    }

    private LaunchOutcome run(LaunchRequest request, java.util.Map<String, String> environment, Duration limit)
            throws InterruptedException {
        Path log = request.log();
        try {
            Files.deleteIfExists(log);
            // 0600 whatever the umask: ssh's debug output may name hosts, users and keys.
            Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            return new LaunchOutcome.Failed("cannot write master log " + log + ": " + e.getMessage(), false);
        }
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command(request));
            terminal.applyTo(builder.environment());
            builder.environment().putAll(environment);
            process = builder
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            return new LaunchOutcome.Failed("cannot run " + settings.sshBinary() + ": " + e.getMessage(), false);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (lostTheRace(log)) {
                    // Another master bound the path first; this ssh would stay up as a plain connection.
                    process.destroyForcibly();
                    return new LaunchOutcome.Failed(ANOTHER_MASTER, false);
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    return new LaunchOutcome.Failed("ssh did not finish connecting within " + limit.toSeconds() + "s", false);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        if (process.exitValue() == 0) {
            return new LaunchOutcome.Launched();
        }
        String reason = reason(log, process.exitValue());
        return new LaunchOutcome.Failed(reason, needsPrompt(reason));
    }

    /** ssh with ControlMaster=yes found the socket taken and carries on without a master. */
    private static boolean lostTheRace(Path log) {
        try {
            return Files.size(log) > 0 && Files.readString(log, StandardCharsets.UTF_8).contains("disabling multiplexing");
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines ssh wrote, joined; debug chatter is left out. */
    static String reason(Path log, int exitValue) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            lines = List.of();
        }
        List<String> meaningful = lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("debug"))
                .toList();
        if (meaningful.isEmpty()) {
            return "ssh exited with status " + exitValue;
        }
        return String.join(" / ", meaningful.subList(Math.max(0, meaningful.size() - REASON_LINES), meaningful.size()));
    }

    /** Whether ssh on a terminal could succeed where the background launch could not prompt. */
    static boolean needsPrompt(String reason) {
        String text = reason.toLowerCase(Locale.ROOT);
        return text.contains("permission denied")
                || text.contains("host key verification failed")
                || text.contains("no more authentication methods")
                || text.contains("passphrase")
                || text.contains("keyboard-interactive")
                || text.contains("authentication failed");
    }

    private static String persist(Duration persist) {
        return persist.isZero() ? "yes" : Math.max(1, persist.toSeconds()) + "s";
    }

    private static void option(List<String> command, String name, String value) {
        command.add("-o");
        command.add(name + "=" + value);
    }
}

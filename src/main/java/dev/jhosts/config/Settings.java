package dev.jhosts.config;

import dev.jhosts.mux.Forward;
import dev.jhosts.tui.state.Keymap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * jhosts settings after validation: {@code reference.conf} with the user's file on top.
 *
 * @param sshBinary the OpenSSH client to run
 * @param controlDirectory where jhosts' own control sockets go
 * @param controlPersist ControlPersist for launched masters; zero means "until stopped"
 * @param connectTimeout ConnectTimeout for master launches
 * @param serverAliveInterval ServerAliveInterval for masters; zero turns it off
 * @param serverAliveCountMax ServerAliveCountMax for masters
 * @param maxParallelLaunches how many masters may be connecting at once
 * @param aliveCheckTimeout how long a master may take to answer MUX_C_ALIVE_CHECK
 * @param killGrace time between SIGTERM and SIGKILL in {@code master kill}
 * @param escapeChar the session escape character, or -1 for none
 * @param escapeTimeout TUI: how long after ESC the rest of an escape sequence (an arrow key) may
 *     take before the ESC counts as the Esc key
 * @param prelaunchDelay how long a host stays highlighted before its master is launched
 * @param prelaunch aliases whose masters are launched when the TUI starts
 * @param onSessionEnd what the TUI does when a session ends
 * @param hosts notes on ssh config hosts and extra hosts
 * @param probes reachability and host-key probes
 * @param forwards by alias, the forwards jhosts opens whenever it makes that host's master
 * @param run the settings of {@code jhosts run}
 * @param sessions the picker's sessions: their keys, tmux
 * @param newHostsFile where {@code jhosts host add} writes a new host without {@code --file};
 *     the empty path for the ssh config itself
 * @param sources inventories whose hosts join the list (commands, Tailscale)
 * @param keys the picker's key bindings, one table per mode, and a session's keys (setting {@code keys})
 */
public record Settings(
        String sshBinary,
        Path controlDirectory,
        Duration controlPersist,
        Duration connectTimeout,
        Duration serverAliveInterval,
        int serverAliveCountMax,
        int maxParallelLaunches,
        Duration aliveCheckTimeout,
        Duration killGrace,
        int escapeChar,
        Duration escapeTimeout,
        Duration prelaunchDelay,
        List<String> prelaunch,
        OnSessionEnd onSessionEnd,
        List<HostEntry> hosts,
        ProbeSettings probes,
        PromptSettings prompts,
        Map<String, List<Forward>> forwards,
        RunSettings run,
        SessionSettings sessions,
        Path newHostsFile,
        List<SourceSpec> sources,
        Keymap keys) {

    /** The range {@link #escapeTimeout} must be in. */
    public static final Duration MIN_ESCAPE_TIMEOUT = Duration.ofMillis(10);
    public static final Duration MAX_ESCAPE_TIMEOUT = Duration.ofSeconds(2);

    /** Settings with new hosts written to the ssh config itself, no sources and the default keys. */
    public Settings(String sshBinary, Path controlDirectory, Duration controlPersist, Duration connectTimeout,
            Duration serverAliveInterval, int serverAliveCountMax, int maxParallelLaunches, Duration aliveCheckTimeout,
            Duration killGrace, int escapeChar, Duration escapeTimeout, Duration prelaunchDelay, List<String> prelaunch,
            OnSessionEnd onSessionEnd, List<HostEntry> hosts, ProbeSettings probes, PromptSettings prompts,
            Map<String, List<Forward>> forwards, RunSettings run, SessionSettings sessions) {
        this(sshBinary, controlDirectory, controlPersist, connectTimeout, serverAliveInterval, serverAliveCountMax,
                maxParallelLaunches, aliveCheckTimeout, killGrace, escapeChar, escapeTimeout, prelaunchDelay, prelaunch,
                onSessionEnd, hosts, probes, prompts, forwards, run, sessions, Path.of(""), List.of(), Keymap.defaults());
    }

    public Settings {
        prelaunch = List.copyOf(prelaunch);
        hosts = List.copyOf(hosts);
        forwards = Map.copyOf(forwards);
        sources = List.copyOf(sources);
    }

    /** What the TUI does when a session ends. */
    public enum OnSessionEnd { LIST, EXIT }

    /** The file of the {@code new-hosts-file} setting, when one is set. */
    public Optional<Path> newHostsFileSet() {
        return newHostsFile.toString().isEmpty() ? Optional.empty() : Optional.of(newHostsFile);
    }

    /** The entry of {@link #hosts} for an alias, if any. */
    public Optional<HostEntry> entryFor(String alias) {
        return hosts.stream().filter(entry -> entry.alias().equals(alias)).findFirst();
    }
}

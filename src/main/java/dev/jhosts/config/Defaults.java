package dev.jhosts.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.jhosts.tui.state.Keymap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default of every setting, as {@code reference.conf} documents them ({@code DefaultsTest}
 * keeps the two equal). Held as values rather than parsed from that file: parsing
 * configuration text is the costliest part of reading settings (≈10 ms of a picker start), and
 * most starts have no settings file at all, so they touch no configuration library.
 */
final class Defaults {
    private static final Path UNSET = Path.of("");

    private Defaults() {}

    /** The default settings, with jhosts' own control directory at {@code controlDirectory}. */
    static Settings settings(Path controlDirectory) {
        return new Settings(
                "ssh",
                controlDirectory,
                Duration.ofMinutes(10),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                3,
                4,
                Duration.ofMillis(1500),
                Duration.ofSeconds(2),
                '~',
                Duration.ofMillis(100),
                Duration.ofMillis(300),
                List.of(),
                Settings.OnSessionEnd.LIST,
                List.of(),
                new ProbeSettings(true, 4, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                PromptSettings.none(),
                Map.of(),
                new RunSettings(16, Duration.ZERO, true),
                SessionSettings.defaults(),
                UNSET,
                List.of(),
                Keymap.defaults());
    }

    /** The setting keys there are. */
    static Set<String> keys() {
        return values().keySet();
    }

    /** The defaults as configuration under {@code root} ({@code root.key = value}), beneath a user's file. */
    static Config config(String root) {
        Map<String, Object> scoped = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values().entrySet()) {
            scoped.put(root + "." + entry.getKey(), entry.getValue());
        }
        return ConfigFactory.parseMap(scoped, "jhosts' defaults");
    }

    /** Each key with its default written as in a settings file. */
    private static Map<String, Object> values() {
        Settings defaults = settings(UNSET);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ssh-binary", defaults.sshBinary());
        values.put("control-directory", "");
        values.put("control-persist", written(defaults.controlPersist()));
        values.put("connect-timeout", written(defaults.connectTimeout()));
        values.put("server-alive-interval", written(defaults.serverAliveInterval()));
        values.put("server-alive-count-max", defaults.serverAliveCountMax());
        values.put("max-parallel-launches", defaults.maxParallelLaunches());
        values.put("alive-check-timeout", written(defaults.aliveCheckTimeout()));
        values.put("kill-grace", written(defaults.killGrace()));
        values.put("escape-char", String.valueOf((char) defaults.escapeChar()));
        values.put("escape-timeout", written(defaults.escapeTimeout()));
        values.put("prelaunch-delay", written(defaults.prelaunchDelay()));
        values.put("prelaunch", defaults.prelaunch());
        values.put("on-session-end", defaults.onSessionEnd().name().toLowerCase(Locale.ROOT));
        values.put("hosts", List.of());
        values.put("probes", defaults.probes().enabled());
        values.put("probe-parallelism", defaults.probes().parallelism());
        values.put("probe-interval", written(defaults.probes().interval()));
        values.put("probe-timeout", written(defaults.probes().timeout()));
        values.put("ask-at-start", defaults.prompts().askAtStart());
        values.put("password-commands", List.of());
        values.put("forwards", List.of());
        values.put("run-parallelism", defaults.run().parallelism());
        values.put("run-timeout", written(defaults.run().timeout()));
        values.put("run-hangup", defaults.run().hangup());
        values.put("tmux-open", defaults.sessions().tmuxOpen().name().toLowerCase(Locale.ROOT));
        values.put("remote-session", defaults.sessions().remoteSession().word());
        values.put("server-persist", written(defaults.sessions().serverPersist()));
        values.put("new-hosts-file", "");
        values.put("sources", List.of());
        // each action's default keys are declared with it; the settings' keys block only rebinds
        values.put("keys", Map.of());
        return values;
    }

    private static String written(Duration duration) {
        return duration.toMillis() + "ms";
    }
}

package dev.jhosts.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ssh -G alias} prints: every option OpenSSH would use for the host, keys in
 * lower case, each with its values in order (options such as IdentityFile repeat).
 */
public record EffectiveOptions(String alias, Map<String, List<String>> options) {
    public EffectiveOptions {
        options = Map.copyOf(options);
    }

    /** The first value of an option, if ssh printed one. */
    public Optional<String> first(String key) {
        List<String> values = options.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String hostname() {
        return first("hostname").orElse(alias);
    }

    public String user() {
        return first("user").orElse("");
    }

    public int port() {
        return first("port").map(Integer::parseInt).orElse(22);
    }

    /** ProxyJump, or empty when none ("none" in ssh -G output). */
    public String proxyJump() {
        return first("proxyjump").filter(value -> !value.equals("none")).orElse("");
    }

    /** The expanded ControlPath, when the config sets one. */
    public Optional<String> controlPath() {
        return first("controlpath").filter(value -> !value.equals("none"));
    }

    /** ControlMaster as ssh -G prints it: false, true, ask, auto, autoask. */
    public String controlMaster() {
        return first("controlmaster").orElse("false");
    }

    /**
     * Whether a master of this host asks the user to confirm each use: ControlMaster {@code ask}
     * or {@code autoask} (readconf.c SSHCTL_MASTER_ASK / SSHCTL_MASTER_AUTO_ASK). Such a master
     * runs SSH_ASKPASS for every new session, stdio forward ({@code -W}, ProxyJump through it),
     * port forward, {@code -O stop}, {@code -O exit} and {@code -O proxy} (mux.c, ask_permission).
     */
    public boolean confirmsEachUse() {
        String mode = controlMaster();
        return mode.equals("ask") || mode.equals("autoask");
    }
}

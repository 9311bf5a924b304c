package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ssh_config snippet that makes plain {@code ssh}, {@code scp}, {@code sftp}, {@code rsync}
 * and {@code git} use the masters jhosts makes: {@code ControlPath} into jhosts' control
 * directory named {@code %C}, {@code ControlMaster auto}, a {@code ControlPersist}. Where
 * jhosts' name for a host is not what the installed ssh makes of {@code %C} (a host with
 * ProxyJump, see {@link ControlPaths}), the snippet names that host's socket itself; which
 * hosts those are is asked of ssh ({@code ssh -G -o ControlPath=DIR/%C HOST}), not guessed
 * from its version.
 */
public final class SshConfigSnippet {
    private final ControlPaths paths;
    private final HostConfigs hosts;
    private final Duration persist;

    /** One host whose socket the snippet must name, and why. */
    public record Named(String alias, Path socket, Path sshWouldUse) {}

    public SshConfigSnippet(ControlDirectory directory, HostConfigs hosts, Duration persist) {
        this.paths = new ControlPaths(directory);
        this.hosts = hosts;
        this.persist = persist;
    }

    /**
     * The hosts of {@code catalogue} that may differ (those with ProxyJump, or values a Match
     * block jhosts does not evaluate may set) for which jhosts' socket is not ssh's {@code %C}.
     * A host whose own config sets a ControlPath outside jhosts' directory is left out: jhosts
     * uses that one, as ssh does.
     */
    public List<Named> differing(List<Host> catalogue) {
        String pattern = paths.directory().toString().replace("%", "%%") + "/%C";
        List<Named> named = new ArrayList<>();
        for (Host host : catalogue) {
            if (host.proxyJump().isEmpty() && !host.valuesMayDiffer()) {
                continue;
            }
            MasterTarget target = hosts.target(host.alias());
            try {
                EffectiveOptions options = hosts.resolve(target);
                Optional<String> configured = options.controlPath();
                if (configured.isPresent() && !Path.of(configured.get()).startsWith(paths.directory())) {
                    continue;
                }
                List<String> asked = new ArrayList<>(target.options());
                asked.addAll(List.of("-o", "ControlPath=" + pattern));
                EffectiveOptions withPercentC = hosts.resolve(new MasterTarget(target.destination(), asked, target.label()));
                Path ssh = Path.of(withPercentC.controlPath().orElse(""));
                Path jhosts = paths.jhostsSocket(options);
                if (!ssh.equals(jhosts)) {
                    named.add(new Named(host.alias(), jhosts, ssh));
                }
            } catch (MasterException unresolvable) {
                // ssh -G rejects the alias: neither ssh nor jhosts makes a master for it
            }
        }
        return named;
    }

    /** The snippet's text, with comments; {@code sshVersion} as {@code ssh -V} prints it. */
    public String render(List<Named> named, String sshVersion) {
        Path directory = paths.directory();
        StringBuilder text = new StringBuilder();
        line(text, "# jhosts ssh-config: makes plain ssh, scp, sftp, rsync and git use the master");
        line(text, "# connections jhosts makes, and lets jhosts use the ones they make.");
        line(text, "# Made for " + (sshVersion.isBlank() ? "the installed OpenSSH" : sshVersion.strip())
                + "; control directory " + directory + ".");
        line(text, "#");
        line(text, "# Save it and include it at the END of ~/.ssh/config, so that what your own Host");
        line(text, "# blocks set (a ControlPath, ControlMaster no) wins: ssh keeps the first value it");
        line(text, "# reads for each option.");
        line(text, "#   jhosts ssh-config > ~/.ssh/jhosts.conf");
        line(text, "#   printf '\\nMatch all\\nInclude ~/.ssh/jhosts.conf\\n' >> ~/.ssh/config");
        line(text, "# (\"Match all\" closes the Host block above it, which the Include would belong to.)");
        line(text, "#");
        line(text, "# ControlMaster auto: a plain ssh uses the live master at its ControlPath and");
        line(text, "# becomes the master itself when there is none, so its first connection is also");
        line(text, "# shared. ControlPersist keeps such a master for " + persistWords() + " after its last");
        line(text, "# session, as jhosts' control-persist does for the masters jhosts makes.");
        line(text, "# In scripts, plain ssh with this snippet costs about as much as a session in");
        line(text, "# jhosts: there is no JVM to start.");
        int length = directory.resolve("0".repeat(40)).toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > ControlPaths.MAX_BYTES) {
            line(text, "#");
            line(text, "# WARNING: " + directory + "/%C is " + length + " bytes, over OpenSSH's limit of "
                    + ControlPaths.MAX_BYTES + ": set a shorter control-directory in jhosts' settings.");
        }
        if (!named.isEmpty()) {
            line(text, "#");
            line(text, "# What differs: for a host with ProxyJump, jhosts names its socket from the host,");
            line(text, "# port, user and ProxyJump; this ssh's %C leaves the jump out (OpenSSH 9.6 and later");
            line(text, "# put in the last hop's name only), so two hosts of one address behind two bastions");
            line(text, "# would share a socket. The hosts below get jhosts' name. Run jhosts ssh-config");
            line(text, "# again after adding or changing a host with ProxyJump; a host this list lacks uses");
            line(text, "# %C with plain ssh, and jhosts then reads that name from ssh -G and uses it too.");
            for (Named host : named) {
                line(text, "");
                line(text, "Host " + host.alias());
                line(text, "  ControlPath " + configValue(host.socket().toString()));
            }
        }
        line(text, "");
        line(text, "Host *");
        line(text, "  ControlMaster auto");
        line(text, "  ControlPath " + quoted(directory.toString().replace("%", "%%") + "/%C"));
        line(text, "  ControlPersist " + persistValue());
        return text.toString();
    }

    /** A path as ssh_config reads it back: % doubled (ssh expands tokens in ControlPath), quoted when it has spaces. */
    private static String configValue(String path) {
        return quoted(path.replace("%", "%%"));
    }

    private static String quoted(String value) {
        return value.chars().anyMatch(Character::isWhitespace) ? "\"" + value + "\"" : value;
    }

    private String persistValue() {
        return persist.isZero() ? "yes" : Math.max(1, persist.toSeconds()) + "s";
    }

    private String persistWords() {
        return persist.isZero() ? "as long as it lives" : persistValue();
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append('\n');
    }
}

package dev.jhosts.tui;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Settings;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.session.BridgedSession;
import dev.jhosts.session.PtyBridge;
import dev.jhosts.session.SessionSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;

/**
 * Sessions opened through a host's live master (the PTY bridge) for a terminal of a given size
 * and normal modes, which the session is given at its first attach: the picker's, and the one
 * Enter opens on a first frame before its picker has come ({@link FirstFrameEnter}).
 */
final class SessionBridges {
    /** How long the user has to answer a ControlMaster ask confirmation of jhosts' own session. */
    private static final Duration CONFIRMATION_LIMIT = Duration.ofMinutes(2);

    private final Settings settings;
    private final HostConfigs hosts;
    private final Masters masters;
    private final Map<String, String> environment;

    /** @param environment the user's, where the session is opened (TERM, locale, SendEnv's variables) */
    SessionBridges(Settings settings, HostConfigs hosts, Masters masters, Map<String, String> environment) {
        this.settings = settings;
        this.hosts = hosts;
        this.masters = masters;
        this.environment = Map.copyOf(environment);
    }

    /** A new session on {@code alias} through its master, {@code live}; waits on the master (MUX_C_NEW_SESSION). */
    BridgedSession open(String alias, MasterState.Live live, Size size, Attributes cooked)
            throws IOException, MasterException {
        SessionSpec spec = SessionSpec.fromEnvironment("", settings.escapeChar(), environment, sendEnv(alias))
                .inside(settings.sessions().remoteSessionFor(alias));
        // a master that confirms each use answers MUX_C_NEW_SESSION only once the user has
        Duration answer = masters.confirmsEachUse(alias) ? CONFIRMATION_LIMIT
                : settings.aliveCheckTimeout().multipliedBy(4);
        return PtyBridge.unattached(size, cooked, masters.controlPath(alias).socket(), live.pid(), answer)
                .open(spec, settings.sessions().keys());
    }

    /** The host's SendEnv patterns as {@code ssh -G} gives them (the master filters them again). */
    private List<String> sendEnv(String alias) {
        try {
            EffectiveOptions options = hosts.resolve(alias);
            return options.options().getOrDefault("sendenv", List.of());
        } catch (SshOptionsResolver.ResolveException e) {
            return SessionSpec.DEFAULT_SEND_ENV;
        }
    }
}

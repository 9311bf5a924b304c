package dev.jhosts.tui;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Settings;
import dev.jhosts.master.ControlPath;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.master.MasterState;
import dev.jhosts.mux.SessionEnd;
import dev.jhosts.session.FallbackSsh;
import dev.jhosts.session.PtyBridge;
import dev.jhosts.session.SessionSpec;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a session for a host on the terminal, which the list has stopped reading: through the
 * live master with the PTY bridge (the screen left, the terminal kept raw), or, when the master
 * could not be made because authentication needs the user, plain ssh on the terminal in its
 * cooked modes (that connection then becomes the master). The caller takes the screen back.
 */
final class SessionRunner {
    private final Settings settings;
    private final Path sshConfig;
    private final HostConfigs hosts;
    private final Masters masters;
    private final TerminalOwner terminal;
    private final Map<String, String> environment;

    SessionRunner(Settings settings, Path sshConfig, HostConfigs hosts, Masters masters, TerminalOwner terminal,
            Map<String, String> environment) {
        this.settings = settings;
        this.sshConfig = sshConfig;
        this.hosts = hosts;
        this.masters = masters;
        this.terminal = terminal;
        this.environment = Map.copyOf(environment);
    }

    SessionOutcome run(String alias) {
        try {
            Optional<LiveMaster> live = masters.live(alias);
            if (live.isPresent()) {
                return throughMaster(alias, live.get());
            }
            MasterState state = masters.state(alias);
            if (state instanceof MasterState.Failed && ((MasterState.Failed) state).needsPrompt()) {
                return plainSsh(alias, masters.controlPath(alias));
            }
            // the master went away since it was last seen: look again, so the list learns it
            MasterState now = masters.refresh(alias);
            return SessionOutcome.none("no live master (" + now.word() + "); Enter starts one");
        } catch (MasterException | IOException | RuntimeException e) {
            return SessionOutcome.none("session failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SessionOutcome.none("interrupted");
        }
    }

    private SessionOutcome throughMaster(String alias, LiveMaster master) throws IOException {
        SessionSpec spec = SessionSpec.fromEnvironment("", settings.escapeChar(), environment, sendEnv(alias));
        terminal.stopScreenStayingRaw();
        PtyBridge bridge = new PtyBridge(terminal.sessionTerminal(), terminal.cookedAttributes(), master.socket(),
                master.pid(), settings.aliveCheckTimeout().multipliedBy(4));
        SessionEnd end = bridge.run(spec);
        String summary = end.exitMessageReceived() ? "exit " + end.status() : "connection closed (status 255)";
        return new SessionOutcome(end.status(), end.ttyAllocationFailed() ? summary + ", no pty" : summary);
    }

    private SessionOutcome plainSsh(String alias, ControlPath path) throws IOException, InterruptedException {
        terminal.stopScreen();
        int status = new FallbackSsh(settings.sshBinary(), sshConfig, path.socket(), settings.controlPersist(),
                withRoute(alias)).run(alias, List.of());
        return new SessionOutcome(status, "ssh exit " + status);
    }

    /** The host's own options, after those that make ssh ride its jump host's master. */
    private List<String> withRoute(String alias) {
        List<String> options = new java.util.ArrayList<>(masters.routeOptions(alias));
        options.addAll(hosts.sshOptions(alias));
        return options;
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

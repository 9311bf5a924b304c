package dev.jhosts.tui;

import dev.jhosts.config.Settings;
import dev.jhosts.master.ControlPath;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.session.BridgedSession;
import dev.jhosts.session.FallbackSsh;
import dev.jhosts.tui.state.LoanEnd;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Sessions for the picker, in two steps. {@link #prepare} runs in the background, since it
 * waits on the master: it checks the master once and opens the session through it (the PTY
 * bridge), or finds that the host needs plain ssh on the terminal (the master could not be
 * made because authentication needs the user; that connection then becomes the master).
 * A bridged session then lives in the {@link SessionHub}; plain ssh runs on the terminal the list
 * lends it ({@link #runPlainSsh}).
 */
final class SessionRunner {
    /** What {@link #prepare} found. */
    sealed interface Prepared {
        /** A session open through the master, waiting for the terminal. */
        record Bridged(String alias, BridgedSession session) implements Prepared {}

        /** The host needs ssh on the terminal to ask the user. */
        record PlainSsh(String alias, ControlPath path) implements Prepared {}

        /** No session: {@code why} says it in a few words. */
        record NotOpened(String alias, String why) implements Prepared {}
    }

    private final Settings settings;
    private final Path sshConfig;
    private final HostConfigs hosts;
    private final Masters masters;
    private final TerminalOwner terminal;
    private final SessionBridges bridges;

    SessionRunner(Settings settings, Path sshConfig, HostConfigs hosts, Masters masters,
            TerminalOwner terminal, Map<String, String> environment) {
        this.settings = settings;
        this.sshConfig = sshConfig;
        this.hosts = hosts;
        this.masters = masters;
        this.terminal = terminal;
        this.bridges = new SessionBridges(settings, hosts, masters, environment);
    }

    /**
     * Looks at the master once (a frozen one costs alive-check-timeout, and the row then shows it
     * unresponsive) and opens the session through a live one. Off the UI thread.
     */
    Prepared prepare(String alias) {
        try {
            MasterState now = masters.refresh(alias);
            if (now instanceof MasterState.Live live) {
                return new Prepared.Bridged(alias, bridges.open(alias, live, terminal.sessionTerminal().getSize(),
                        terminal.cookedAttributes()));
            }
            if (masters.state(alias) instanceof MasterState.Failed failed && failed.needsPrompt()) {
                return new Prepared.PlainSsh(alias, masters.controlPath(alias));
            }
            if (now instanceof MasterState.Unresponsive unresponsive) {
                return new Prepared.NotOpened(alias, "master does not answer (" + unresponsive.detail() + ")");
            }
            return new Prepared.NotOpened(alias, "no live master (" + now.word() + "); Enter starts one");
        } catch (MasterException | IOException | RuntimeException e) {
            return new Prepared.NotOpened(alias, "session failed: " + e.getMessage());
        }
    }

    /** Frees what {@link #prepare} opened, for a session that will not be attached. */
    static void discard(Prepared prepared) {
        if (prepared instanceof Prepared.Bridged bridged) {
            bridged.session().close();
        }
    }

    /**
     * Runs plain ssh on the lent (cooked) terminal to its end, for a host that needs the user
     * where jhosts cannot ask; on the lending thread. What was typed ahead cannot be given to
     * ssh's terminal: ssh asks first anyway.
     */
    LoanEnd runPlainSsh(Prepared.PlainSsh plain) {
        try {
            FallbackSsh ssh = new FallbackSsh(settings.sshBinary(), sshConfig, plain.path().socket(),
                    settings.controlPersist(), withRoute(plain.alias()));
            int status = (masters.confirmsEachUse(plain.alias()) ? ssh.confirmingEachUse() : ssh)
                    .run(plain.alias(), List.of(), terminal.side());
            return new LoanEnd.SshOver(plain.alias(), "ssh exit " + status, status);
        } catch (IOException | RuntimeException e) {
            return new LoanEnd.SshOver(plain.alias(), "session failed: " + e.getMessage(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LoanEnd.SshOver(plain.alias(), "interrupted", -1);
        }
    }

    /** The host's own options, after those that make ssh ride its jump host's master. */
    private List<String> withRoute(String alias) {
        List<String> options = new java.util.ArrayList<>(masters.routeOptions(alias));
        options.addAll(hosts.sshOptions(alias));
        return options;
    }
}

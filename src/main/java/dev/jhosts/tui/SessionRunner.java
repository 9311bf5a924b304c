package dev.jhosts.tui;

import dev.jhosts.config.Settings;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterManager;
import dev.jhosts.master.MasterState;
import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionEnd;
import dev.jhosts.mux.SessionRequest;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.FileDescriptor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * Runs a session for a host on the terminal the list has just let go of (cooked modes, main
 * screen, nobody reading it).
 *
 * <p>INTERIM, until {@code session.PtyBridge} is merged: the terminal's own descriptors go to the
 * master in MUX_C_NEW_SESSION (as OpenSSH's mux client does), the terminal is raw while the
 * session runs, and a resize is passed on with {@code kill -WINCH} to the master's pid.
 */
final class SessionRunner {
    private final Settings settings;
    private final MasterManager masters;
    private final TerminalOwner terminal;
    private final Map<String, String> environment;

    SessionRunner(Settings settings, MasterManager masters, TerminalOwner terminal, Map<String, String> environment) {
        this.settings = settings;
        this.masters = masters;
        this.terminal = terminal;
        this.environment = Map.copyOf(environment);
    }

    SessionOutcome run(String alias) {
        Optional<LiveMaster> live;
        try {
            live = masters.live(alias);
        } catch (MasterException e) {
            return SessionOutcome.none(e.getMessage());
        }
        if (live.isEmpty()) {
            MasterState state = masters.state(alias);
            if (state instanceof MasterState.Failed && ((MasterState.Failed) state).needsPrompt()) {
                return SessionOutcome.none("authentication needs a prompt; use: jhosts connect " + alias);
            }
            return SessionOutcome.none("no live master");
        }
        try {
            SessionEnd end = throughMaster(live.get());
            String summary = end.exitMessageReceived() ? "exit " + end.status() : "connection closed (status 255)";
            return new SessionOutcome(end.status(), end.ttyAllocationFailed() ? summary + ", no pty" : summary);
        } catch (IOException | RuntimeException e) {
            return SessionOutcome.none("session failed: " + e.getMessage());
        }
    }

    private SessionEnd throughMaster(LiveMaster master) throws IOException {
        Terminal tty = terminal.sessionTerminal();
        Attributes cooked = terminal.cookedAttributes();
        SessionRequest request = new SessionRequest(true, environment.getOrDefault("TERM", ""), "", List.of(),
                settings.escapeChar() < 0 ? SessionRequest.NO_ESCAPE : settings.escapeChar(), false);
        try (MuxClient client = MuxClient.connect(master.socket(), settings.aliveCheckTimeout());
             MuxSession session = client.openSession(request, FileDescriptor.in, FileDescriptor.out, FileDescriptor.err)) {
            tty.setAttributes(terminal.rawAttributes());
            tty.handle(Terminal.Signal.WINCH, signal -> passResize(master.pid()));
            try {
                return session.awaitEnd();
            } finally {
                tty.handle(Terminal.Signal.WINCH, Terminal.SignalHandler.SIG_DFL);
                tty.setAttributes(cooked);
            }
        }
    }

    private static void passResize(long pid) {
        try {
            new ProcessBuilder("kill", "-WINCH", Long.toString(pid)).start();
        } catch (IOException e) {
            // the remote size stays as it was
        }
    }
}

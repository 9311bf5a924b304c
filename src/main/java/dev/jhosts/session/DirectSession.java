package dev.jhosts.session;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionEnd;
import dev.jhosts.terminal.ProcessSignals;
import dev.jhosts.terminal.TerminalDevice;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jline.terminal.Attributes;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.jline.terminal.spi.SystemStream;

/**
 * A session for {@code jhosts connect HOST [-- CMD]} on this process's own terminal or pipes.
 *
 * <p>With a pty (standard input and output both a terminal): through the {@link PtyBridge}, as in
 * the picker, so that jhosts reads the session escapes itself ({@code ~.} works whatever the
 * master does). The terminal goes raw once the session is open and is restored exactly, with the
 * modes the remote program set undone, also on exceptions and on SIGTERM, SIGHUP and SIGINT
 * (shutdown hook).
 *
 * <p>Without a pty (pipes, {@code -T}, a command): the three descriptors go to the master in
 * MUX_C_NEW_SESSION, so no byte passes through jhosts, and there are no escapes, as with ssh.
 * The odd case of a terminal on standard input and error but not output passes the descriptors
 * too, with a pty, and the master reads the escapes; resizes then reach it as SIGWINCH (it
 * reads the new size from the tty itself).
 */
public final class DirectSession {

    /** When to ask for a remote pty; the three values of ssh's RequestTTY (auto, -t, -T). */
    public enum Tty {
        /** A pty when stdin is a terminal and no command is given (ssh's default). */
        AUTO,
        /** A pty whenever stdin is a terminal, also for a command (ssh -t). */
        ALWAYS,
        /** Never a pty (ssh -T). */
        NEVER
    }

    private final Path socket;
    private final long masterPid;
    private final Duration timeout;
    private final Tty tty;

    /**
     * @param socket the master's control socket
     * @param masterPid the master's pid from MUX_C_ALIVE_CHECK, for SIGWINCH
     * @param timeout bounds the connect and each answer up to MUX_S_SESSION_OPENED
     */
    public DirectSession(Path socket, long masterPid, Duration timeout, Tty tty) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.masterPid = masterPid;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tty = Objects.requireNonNull(tty, "tty");
    }

    /** Runs the session to its end; {@link SessionEnd#status()} is the remote exit status (255 when none came). */
    public SessionEnd run(SessionSpec spec) throws IOException {
        JniTerminalProvider provider = new JniTerminalProvider();
        // JLine reaches stdin's modes only through a console stream that is a terminal too
        boolean terminal = provider.isSystemStream(SystemStream.Input)
                && (provider.isSystemStream(SystemStream.Output) || provider.isSystemStream(SystemStream.Error));
        boolean wantTty = terminal && switch (tty) {
            case AUTO -> spec.command().isEmpty();
            case ALWAYS -> true;
            case NEVER -> false;
        };
        if (!wantTty) {
            return awaitEnd(open(spec, false));
        }
        if (provider.isSystemStream(SystemStream.Output)) {
            return bridged(spec);
        }
        // Reads and sets the modes of fd 0. Never closed: that would close fd 0.
        Pty stdin = provider.current(provider.isSystemStream(SystemStream.Output) ? SystemStream.Output : SystemStream.Error);
        Attributes cooked = stdin.getAttr();
        ExactModes exact = ExactModes.capture(0);
        MuxSession session = open(spec, true);
        Thread restoreOnSignal = new Thread(exact::restore, "jhosts-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restoreOnSignal);
        try (WinchRelay winch = new WinchRelay(masterPid)) {
            try (ProcessSignals.Handling relayed = ProcessSignals.handle("WINCH", winch::resized)) {
                stdin.setAttr(TerminalModes.raw(cooked));
                exact.keepLineSpeed();
                return awaitEnd(session);
            } finally {
                exact.restore();
            }
        } finally {
            removeHook(restoreOnSignal);
        }
    }

    /** Through a PTY of jhosts' own, with jhosts' escapes. */
    private SessionEnd bridged(SessionSpec spec) throws IOException {
        try (Console console = Console.open(TerminalDevice.standardInput(), StandardCharsets.UTF_8, spec.term())) {
            // the modes the remote program set are undone too, the exact modes written back
            Thread restoreOnSignal = new Thread(console::close, "jhosts-restore-terminal");
            Runtime.getRuntime().addShutdownHook(restoreOnSignal);
            try {
                return new PtyBridge(console.sessionTerminal(), console.cookedAttributes(), socket, masterPid, timeout)
                        .run(spec);
            } finally {
                removeHook(restoreOnSignal);
            }
        }
    }

    /** On failure openSession closes the connection itself. */
    private MuxSession open(SessionSpec spec, boolean wantTty) throws IOException {
        return MuxClient.connect(socket, timeout)
                .openSession(spec.toDirectRequest(wantTty), FileDescriptor.in, FileDescriptor.out, FileDescriptor.err);
    }

    private static SessionEnd awaitEnd(MuxSession session) throws IOException {
        try (session) {
            return session.awaitEnd();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}

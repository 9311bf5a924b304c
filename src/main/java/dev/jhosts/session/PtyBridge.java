package dev.jhosts.session;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionEnd;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingInputStream;

/**
 * Runs a session for the TUI: a new PTY pair whose slave goes to the master in
 * MUX_C_NEW_SESSION, and two threads copying bytes between the user's terminal and the PTY
 * master.
 *
 * <p>The caller owns the terminal and must neither draw on it nor read it while {@link #run}
 * runs. {@code cookedModes} are the user's normal terminal modes (what the TUI saved before it
 * went raw): the slave carries them and the current size when NEW_SESSION is sent, since the
 * master copies both into the remote pty request; the slave goes raw only after
 * MUX_S_SESSION_OPENED. The user's terminal is raw for the whole session (also without ISIG,
 * IXON and OPOST, so Ctrl-C, Ctrl-S and every output byte pass unchanged).
 *
 * <p>When {@link #run} returns, the terminal has the attributes and the WINCH handler it had
 * before; if it was resized meanwhile, that handler has been called once. The screen holds
 * whatever the remote side left on it (maybe the alternate screen, a hidden cursor, mouse
 * reporting): the TUI redraws from scratch.
 */
public final class PtyBridge {
    /** How long the remaining output may take to drain after the session ended. */
    private static final long DRAIN_MILLIS = 5_000;

    private final Terminal terminal;
    private final Attributes cookedModes;
    private final Path socket;
    private final long masterPid;
    private final Duration timeout;

    /**
     * @param terminal the user's terminal (JLine system terminal), owned by the caller
     * @param cookedModes the user's normal modes, for the slave at NEW_SESSION
     * @param socket the master's control socket
     * @param masterPid the master's pid from MUX_C_ALIVE_CHECK, for SIGWINCH
     * @param timeout bounds the connect and each answer up to MUX_S_SESSION_OPENED
     */
    public PtyBridge(Terminal terminal, Attributes cookedModes, Path socket, long masterPid, Duration timeout) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.cookedModes = new Attributes(Objects.requireNonNull(cookedModes, "cookedModes"));
        this.socket = Objects.requireNonNull(socket, "socket");
        this.masterPid = masterPid;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Runs the session (always with a remote pty) to its end. */
    public SessionEnd run(SessionSpec spec) throws IOException {
        Attributes entryModes = terminal.getAttributes();
        try (JniNativePty pty = openPty(terminal.getSize())) {
            FileDescriptor slave = pty.getSlaveFD();
            // on failure openSession closes the connection itself
            MuxSession session = MuxClient.connect(socket, timeout).openSession(spec.toRequest(true), slave, slave, slave);
            try (session; WinchRelay winch = new WinchRelay(masterPid)) {
                pty.setAttr(TerminalModes.raw(cookedModes));
                terminal.setAttributes(TerminalModes.raw(entryModes));
                AtomicBoolean resized = new AtomicBoolean();
                SignalHandler previousWinch = terminal.handle(Signal.WINCH, signal -> {
                    resized.set(true);
                    resize(pty, winch);
                });
                OutputPump output = new OutputPump(pty.getMasterInput(), terminal.output()).start();
                KeyboardPump keyboard = new KeyboardPump(keyboard(), pty.getMasterOutput()).start();
                try {
                    return session.awaitEnd();
                } finally {
                    session.close(); // already closed after a normal end; ends the session after an error
                    finish(pty, keyboard, output);
                    terminal.handle(Signal.WINCH, previousWinch);
                    terminal.setAttributes(entryModes);
                    if (resized.get() && previousWinch != SignalHandler.SIG_DFL && previousWinch != SignalHandler.SIG_IGN) {
                        previousWinch.handle(Signal.WINCH); // the native defaults cannot be called
                    }
                }
            }
        }
    }

    private JniNativePty openPty(Size size) throws IOException {
        if (!(new JniTerminalProvider().open(cookedModes, size) instanceof JniNativePty pty)) {
            throw new IOException("JLine's JNI provider did not give a native PTY");
        }
        return pty;
    }

    /** The terminal's input without a reader thread of our own when JLine already gives one. */
    private NonBlockingInputStream keyboard() {
        InputStream input = terminal.input();
        if (input instanceof NonBlockingInputStream nonBlocking) {
            return nonBlocking;
        }
        return NonBlocking.nonBlocking(terminal.getName(), input);
    }

    private void resize(JniNativePty pty, WinchRelay winch) {
        try {
            pty.setSize(terminal.getSize());
            winch.resized();
        } catch (IOException e) {
            // the PTY is closing: the session is ending anyway
        }
    }

    /**
     * Stops the keyboard first (so later keys stay for the TUI), then closes our copy of the
     * slave: once the master has closed its copies too, the PTY master reads the rest and then
     * EIO, which ends the output copy with nothing lost.
     */
    private void finish(JniNativePty pty, KeyboardPump keyboard, OutputPump output) throws IOException {
        try {
            keyboard.stop();
            // closes the descriptor itself, so JLine's own close of it later does nothing
            new FileInputStream(pty.getSlaveFD()).close();
            output.awaitEnd(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.flush();
    }
}

package dev.jhosts.session;

import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionEnd;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingInputStream;
import org.jline.utils.Signals;

/**
 * A session opened through a master on a PTY of jhosts' own ({@link PtyBridge#open}), and then
 * given the user's terminal ({@link #attach}): two threads copy bytes between that terminal and
 * the PTY master, the keyboard's through jhosts' escapes ({@link EscapeScanner}).
 *
 * <p>While attached the user's terminal is raw (also without ISIG, IXON and OPOST, so Ctrl-C,
 * Ctrl-S and every output byte pass unchanged). When the server refuses the pty
 * (MUX_S_TTY_ALLOC_FAIL) the terminal gets the user's normal modes back, as OpenSSH's own mux
 * client does: the remote side echoes nothing then, the local terminal does, and Ctrl-C, which
 * is then the terminal's SIGINT, closes the session (as it ends {@code ssh -T}).
 *
 * <p>When {@link #attach} returns, the terminal has the attributes and the WINCH handler it had
 * before; if it was resized meanwhile, that handler has been called once. The screen holds
 * whatever the remote side left on it (maybe the alternate screen, a hidden cursor, mouse
 * reporting): the caller redraws from scratch.
 */
public final class BridgedSession implements AutoCloseable {
    /** How long the remaining output may take to drain after the session ended. */
    private static final long DRAIN_MILLIS = 5_000;
    /**
     * After {@code ~.}: a master that answers ends the session at once, one that does not never
     * will, and the terminal is needed back within a second whichever it is.
     */
    private static final long DRAIN_AFTER_ESCAPE_MILLIS = 300;

    private final Terminal terminal;
    private final Attributes cookedModes;
    private final JniNativePty pty;
    private final MuxSession session;
    private final long masterPid;
    private final int escapeChar;
    private volatile boolean closedByEscape;
    private OutputPump output;

    /** @param masterPid the master's pid, for SIGWINCH */
    BridgedSession(Terminal terminal, Attributes cookedModes, JniNativePty pty, MuxSession session,
            long masterPid, int escapeChar) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.cookedModes = new Attributes(cookedModes);
        this.pty = Objects.requireNonNull(pty, "pty");
        this.session = Objects.requireNonNull(session, "session");
        this.masterPid = masterPid;
        this.escapeChar = escapeChar;
    }

    /**
     * Copies bytes between the user's terminal and the session until it ends; {@code typeahead}
     * (what was typed before the session opened) goes to the session first. The caller owns
     * the terminal and neither draws on it nor reads it meanwhile.
     */
    public BridgeEnd attach(byte[] typeahead) throws IOException {
        Attributes entryModes = terminal.getAttributes();
        try (WinchRelay winch = new WinchRelay(masterPid)) {
            terminal.setAttributes(TerminalModes.raw(entryModes));
            AtomicBoolean resized = new AtomicBoolean();
            SignalHandler previousWinch = terminal.handle(Signal.WINCH, signal -> {
                resized.set(true);
                resize(winch);
            });
            NormalModesWithoutPty withoutPty = new NormalModesWithoutPty();
            output = new OutputPump(pty.getMasterInput(), terminal.output()).start();
            KeyboardPump keyboard = new KeyboardPump(keyboard(), pty.getMasterOutput(),
                    new EscapeScanner(escapeChar), this::escape, typeahead).start();
            try {
                SessionEnd end = session.awaitEndWith(withoutPty::enter);
                return new BridgeEnd(end, closedByEscape);
            } finally {
                session.close(); // already closed after a normal end; ends the session after an error
                finish(keyboard);
                withoutPty.leave();
                terminal.handle(Signal.WINCH, previousWinch);
                terminal.setAttributes(entryModes);
                if (resized.get() && previousWinch != SignalHandler.SIG_DFL && previousWinch != SignalHandler.SIG_IGN) {
                    previousWinch.handle(Signal.WINCH); // the native defaults cannot be called
                }
            }
        } finally {
            close();
        }
    }

    /** Ends the session (closing the control connection) and frees the PTY; for one never attached too. */
    @Override
    public void close() {
        session.close();
        try {
            pty.close();
        } catch (IOException e) {
            // closing a PTY fails only when it is closed already
        }
    }

    /** On the keyboard pump's thread. */
    private void escape(EscapeScanner.Command command) throws IOException {
        String name = EscapeScanner.name(escapeChar);
        switch (command) {
            case CLOSE -> {
                closedByEscape = true;
                // the master may not answer: closing the control connection ends the wait for it
                session.close();
                output.writeLocal((name + ".\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            case LIST -> output.writeLocal(EscapeScanner.help(escapeChar).getBytes(StandardCharsets.UTF_8));
            case DETACH -> output.writeLocal(("\r\n" + name + "^Z: detaching is not available yet\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The terminal's input without a reader thread of our own when JLine already gives one. */
    private NonBlockingInputStream keyboard() {
        InputStream input = terminal.input();
        if (input instanceof NonBlockingInputStream nonBlocking) {
            return nonBlocking;
        }
        return NonBlocking.nonBlocking(terminal.getName(), input);
    }

    private void resize(WinchRelay winch) {
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
     * EIO, which ends the output copy with nothing lost. A master that does not answer keeps
     * its copies: the copy is then abandoned, so that it never writes on a terminal that
     * belongs to the list again.
     */
    private void finish(KeyboardPump keyboard) throws IOException {
        try {
            keyboard.stop();
            // closes the descriptor itself, so JLine's own close of it later does nothing
            new FileInputStream(pty.getSlaveFD()).close();
            if (!output.awaitEnd(closedByEscape ? DRAIN_AFTER_ESCAPE_MILLIS : DRAIN_MILLIS)) {
                output.abandon();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.abandon();
        }
        terminal.flush();
    }

    /** The user's normal modes for a session the server refused a pty, and Ctrl-C's SIGINT closing it. */
    private final class NormalModesWithoutPty {
        private boolean entered;
        private Object previousInterrupt;

        /** On the thread that waits for the session's end, when MUX_S_TTY_ALLOC_FAIL arrives. */
        synchronized void enter() {
            if (entered) {
                return;
            }
            entered = true;
            previousInterrupt = Signals.register("INT", session::close);
            terminal.setAttributes(cookedModes);
        }

        synchronized void leave() {
            if (entered) {
                Signals.unregister("INT", previousInterrupt);
                entered = false;
            }
        }
    }
}

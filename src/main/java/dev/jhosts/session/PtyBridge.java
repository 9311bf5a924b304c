package dev.jhosts.session;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionEnd;
import dev.jhosts.mux.SocketPair;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;

/**
 * Sessions for a terminal of the user's: a new PTY pair whose slave goes to the master in
 * MUX_C_NEW_SESSION as the session's input, a socket pair for its output, then bytes copied
 * between the user's terminal and those ({@link BridgedSession}).
 *
 * <p>{@code cookedModes} are the user's normal terminal modes (what the TUI saved before it went
 * raw): the slave carries them and the current size when NEW_SESSION is sent, since the master
 * copies both into the remote pty request; the slave goes raw only after MUX_S_SESSION_OPENED.
 * The master is given no escape character: jhosts reads the escapes itself ({@link
 * SessionSpec#escapeChar()}), so that they work whatever the master does.
 */
public final class PtyBridge {
    /** The user's terminal; null for a session opened before any terminal shows it ({@link #unattached}). */
    private final Terminal terminal;
    /** The size to open the PTY with when there is no terminal to ask. */
    private final Size size;
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
        this(Objects.requireNonNull(terminal, "terminal"), new Size(0, 0), cookedModes, socket, masterPid, timeout);
    }

    /**
     * Sessions that no terminal shows yet: the PTY is opened at {@code size} with {@code
     * cookedModes}, and the session is given a terminal at its first {@link
     * BridgedSession#attach(Terminal, Attributes, byte[], boolean) attach}.
     */
    public static PtyBridge unattached(Size size, Attributes cookedModes, Path socket, long masterPid, Duration timeout) {
        return new PtyBridge(null, new Size(size.getColumns(), size.getRows()), cookedModes, socket, masterPid, timeout);
    }

    private PtyBridge(Terminal terminal, Size size, Attributes cookedModes, Path socket, long masterPid,
            Duration timeout) {
        this.terminal = terminal;
        this.size = size;
        this.cookedModes = new Attributes(Objects.requireNonNull(cookedModes, "cookedModes"));
        this.socket = Objects.requireNonNull(socket, "socket");
        this.masterPid = masterPid;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Opens the session (always with a remote pty), without touching the user's terminal but to
     * read its size: it waits on the master (up to the timeout, per answer), so call it where
     * waiting is allowed, not on a UI thread. Then {@link BridgedSession#attach} it, or close it.
     */
    public BridgedSession open(SessionSpec spec, SessionKeys keys) throws IOException {
        Size size = terminal != null ? terminal.getSize() : this.size;
        JniNativePty pty = openPty(size);
        SocketPair output;
        try {
            output = SocketPair.open();
        } catch (IOException e) {
            pty.close();
            throw e;
        }
        try {
            FileDescriptor slave = pty.getSlaveFD();
            // on failure openSession closes the connection itself
            MuxSession session = MuxClient.connect(socket, timeout).openSession(spec.toRequest(true), slave,
                    output.theirs(), output.theirs());
            try {
                pty.setAttr(TerminalModes.raw(cookedModes));
            } catch (IOException | RuntimeException e) {
                session.close();
                throw e;
            }
            return new BridgedSession(terminal, cookedModes, pty, output, size, session, masterPid, spec, keys);
        } catch (IOException | RuntimeException e) {
            output.close();
            pty.close();
            throw e;
        }
    }

    /**
     * Opens the session and runs it on the terminal to its end, with nothing typed ahead and no
     * list to detach to.
     */
    public SessionEnd run(SessionSpec spec) throws IOException {
        if (terminal == null) {
            throw new IllegalStateException("a session run to its end needs the user's terminal");
        }
        try (BridgedSession session = open(spec, SessionKeys.NONE)) {
            session.start(BridgedSession.Listener.NONE);
            AttachEnd end = session.attach(new byte[0], false);
            if (end instanceof AttachEnd.Ended ended) {
                return ended.end().session();
            }
            throw new IllegalStateException("a session without a list left its terminal: " + end);
        }
    }

    private JniNativePty openPty(Size size) throws IOException {
        if (!(new JniTerminalProvider().open(cookedModes, size) instanceof JniNativePty pty)) {
            throw new IOException("JLine's JNI provider did not give a native PTY");
        }
        return pty;
    }
}

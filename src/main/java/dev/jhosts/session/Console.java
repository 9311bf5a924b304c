package dev.jhosts.session;

import dev.jhosts.terminal.TerminalDevice;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * This process's own terminal, opened once for everything that uses it: JLine's system
 * terminal without capability tables or shutdown task ({@link BareSysTerminal}), its input
 * read only when bytes wait ({@link ConsoleInput}, so no read is left pending when the terminal
 * changes hands), and its modes as found ({@link ExactModes}), written back byte for byte on
 * {@link #close()}, after the modes an attached session's program set are undone. The picker
 * draws on {@link #jline()}; a session gets {@link #sessionTerminal()}.
 */
public final class Console implements AutoCloseable {
    private final Terminal jline;
    private final Attributes cooked;
    private final ExactModes modes;
    private final ConsoleInput input;
    private final TerminalHandBack handBack;
    private final SessionTerminal sessionTerminal;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Console(TerminalDevice device, Terminal jline, String userTerm) throws IOException {
        this.jline = jline;
        this.input = new ConsoleInput(device.descriptor());
        this.cooked = new Attributes(jline.getAttributes());
        this.modes = ExactModes.capture(device.number());
        this.handBack = new TerminalHandBack(jline.output());
        this.sessionTerminal = new SessionTerminal(jline, input, modes, handBack, userTerm);
    }

    /**
     * Opens the terminal of {@code device} (standard input and output, or a client's tty).
     *
     * @param charset the encoding JLine's writer uses
     * @param userTerm the user's TERM, which {@link #sessionTerminal()} reports
     */
    public static Console open(TerminalDevice device, Charset charset, String userTerm) throws IOException {
        Terminal jline = BareSysTerminal.open(device, charset);
        try {
            return new Console(device, jline, userTerm);
        } catch (IOException | RuntimeException e) {
            jline.close();
            throw e;
        }
    }

    /** Loads JLine's native library, which {@link #open} needs; safe from any thread, any number of times. */
    public static void loadNativeSupport() {
        BareSysTerminal.loadNativeSupport();
    }

    /** JLine's terminal itself (output, size, signals); setting its attributes loses the line speed. */
    public Terminal jline() {
        return jline;
    }

    /**
     * The terminal as a session (the PTY bridge) uses it: its input is {@link #input()}, and
     * setting attributes keeps the line speed. Do not close it.
     */
    public Terminal sessionTerminal() {
        return sessionTerminal;
    }

    public ConsoleInput input() {
        return input;
    }

    /** The modes found at {@link #open} (the user's normal ones). */
    public ExactModes modes() {
        return modes;
    }

    /** A copy of the modes found at {@link #open}, as JLine attributes (no line speed). */
    public Attributes cookedAttributes() {
        return new Attributes(cooked);
    }

    /**
     * Gives the terminal back as found, whatever ends: a session attached stops writing on it and
     * the modes its program set are undone ({@link TerminalHandBack}); then JLine's terminal is
     * closed and the modes found at {@link #open} are written back exactly (JLine's own close
     * writes its speedless attributes first). Safe on a terminal that is gone, from a shutdown
     * hook, and more than once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        handBack.end();
        sessionTerminal.giveBack(() -> {
            try {
                jline.close();
            } catch (IOException | RuntimeException ignored) {
                // the terminal may be gone (SIGHUP)
            }
            try {
                modes.restore();
            } catch (RuntimeException ignored) {
                // likewise
            }
            input.close();
        });
    }
}

package dev.jhosts.tui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.jhosts.session.Console;
import dev.jhosts.session.ConsoleInput;
import dev.jhosts.session.ExactModes;
import dev.jhosts.terminal.OwnProcess;
import dev.jhosts.terminal.TerminalDevice;
import dev.jhosts.terminal.TerminalSide;
import dev.jhosts.tui.state.Key;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * The one owner of the user's terminal: JLine's system terminal (raw mode, size, WINCH) with a
 * Lanterna screen drawn on it. Raw mode here clears ICANON, ECHO, IEXTEN, ISIG (Ctrl-C arrives
 * as a key), IXON (Ctrl-S/Ctrl-Q too), ICRNL, INLCR and OPOST (Lanterna positions the cursor
 * itself), with VMIN 1 / VTIME 0.
 *
 * <p>{@link #stopScreen()} gives the terminal back exactly as it was found (cooked modes, main
 * screen, cursor shown) so that a session can use it; {@link #startScreen()} takes it again and
 * the next refresh redraws everything. The cooked modes are restored on {@link #close()}, and
 * by a shutdown hook on SIGTERM, SIGHUP, SIGINT or an uncaught exception.
 */
public final class TerminalOwner implements AutoCloseable {
    private static final byte[] LEAVE_SCREEN = OutputOnlyScreen.LEAVE_SCREEN;
    private static final byte[] CONTROL_C = {3};
    private final Console console;
    private final Terminal jline;
    private final Attributes raw;
    private final ExactModes modes;
    private final ConsoleInput input;
    private final UntilGivenBack drawn;
    private final DrawingTerminal drawing;
    private final TerminalScreen screen;
    private final TerminalSide side;
    /** Restores the terminal when the JVM ends; only for this process's own terminal. */
    private final Optional<Thread> restoreOnExit;
    private final Object state = new Object();
    private boolean screenShown;
    private boolean screenStarted;
    /** Whether the screen was ever left for another (a session, a program): see {@link #raiseInterrupt}. */
    private boolean lent;
    private boolean closed;
    private boolean watchingResizes;
    private Consumer<TerminalSize> resizeListener = size -> { };

    private TerminalOwner(Console console, Charset charset, TerminalSide side, boolean ownProcess) throws IOException {
        this.console = console;
        this.side = side;
        this.jline = console.jline();
        this.raw = rawFrom(console.cookedAttributes());
        this.modes = console.modes();
        this.input = console.input();
        this.drawn = new UntilGivenBack(jline.output());
        this.drawing = new DrawingTerminal(jline, drawn, charset);
        this.screen = new TerminalScreen(drawing);
        this.restoreOnExit = ownProcess ? Optional.of(new Thread(this::restore, "jhosts-restore-terminal"))
                : Optional.empty();
        restoreOnExit.ifPresent(hook -> Runtime.getRuntime().addShutdownHook(hook));
    }

    /**
     * Opens the process' terminal. Fails when standard input or output is not a terminal.
     *
     * @param unicode whether to write UTF-8 (else US-ASCII)
     */
    public static TerminalOwner open(boolean unicode) throws IOException {
        if (System.console() == null) {
            throw new IOException("standard input and output must be a terminal");
        }
        return open(TerminalDevice.standardInput(), unicode, System.getenv().getOrDefault("TERM", ""),
                new OwnProcess());
    }

    /**
     * Opens {@code device}: this process's terminal, or a client's, whose programs and stops
     * {@code side} runs. Only this process's own terminal is restored by a shutdown hook (a
     * client restores its terminal itself).
     *
     * @param userTerm the user's TERM, as a session's PTY gets it
     */
    public static TerminalOwner open(TerminalDevice device, boolean unicode, String userTerm, TerminalSide side)
            throws IOException {
        Charset charset = unicode ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        Console console = Console.open(device, charset, userTerm);
        try {
            return new TerminalOwner(console, charset, side, device.ownProcess());
        } catch (IOException | RuntimeException e) {
            console.close();
            throw e;
        }
    }

    /** Loads JLine's native library, which {@link #open} needs; safe to call from any thread, any number of times. */
    public static void loadNativeSupport() {
        Console.loadNativeSupport();
    }

    /**
     * The terminal for a session (the PTY bridge), between {@link #stopScreen} and {@link
     * #startScreen}: JLine's system terminal, except that its input never leaves a read pending
     * (see {@link ConsoleInput}) and setting attributes keeps the line speed. Do not close it.
     */
    public Terminal sessionTerminal() {
        return console.sessionTerminal();
    }

    /** A copy of the terminal modes found at start (cooked), as a session's PTY should carry them. */
    public Attributes cookedAttributes() {
        return console.cookedAttributes();
    }

    /** Puts {@code bytes} back before the terminal's unread input (keys typed ahead of a stop). */
    public void giveBackInput(byte[] bytes) {
        input.giveBack(bytes, 0, bytes.length);
    }

    public TerminalScreen screen() {
        return screen;
    }

    /**
     * From now on, calls {@code listener} (on a signal thread) with the new size after each
     * SIGWINCH while the screen is shown, and once now, for a resize that came before. Called
     * after the first frame: registering a signal handler through JLine costs a few
     * milliseconds of start-up.
     */
    public void watchResizes(Consumer<TerminalSize> listener) {
        synchronized (state) {
            if (watchingResizes || closed) {
                return;
            }
            watchingResizes = true;
            resizeListener = listener;
            jline.handle(Terminal.Signal.WINCH, signal -> resized());
        }
        resized();
    }

    /**
     * A reader of keys from this terminal, paused until {@link KeyReader#resume()}.
     *
     * @param escapeTimeout how long after ESC the rest of an escape sequence may take
     */
    public KeyReader keyReader(Duration escapeTimeout, Consumer<Key> keys, Runnable endOfInput) {
        return new KeyReader(input, drawing.charset(), escapeTimeout, keys, endOfInput);
    }

    public TerminalSize size() {
        return drawing.refreshSize();
    }

    /** Raw mode, alternate screen, hidden cursor; the next refresh redraws the whole screen. */
    public void startScreen() throws IOException {
        synchronized (state) {
            if (screenShown || closed) {
                return;
            }
            jline.setAttributes(raw);
            modes.keepLineSpeed();
            screen.startScreen();
            screenShown = true;
            screenStarted = true;
        }
        screen.doResizeIfNecessary();
    }

    /** Whether {@link #startScreen} ever took the terminal (what shows on it since is this owner's to undo). */
    public boolean screenStarted() {
        synchronized (state) {
            return screenStarted;
        }
    }

    /** Leaves the alternate screen and restores the cooked modes; the screen can be started again. */
    public void stopScreen() throws IOException {
        leaveScreen(false);
    }

    /**
     * Leaves the alternate screen but keeps the terminal raw, for the PTY bridge: keys typed
     * while the session opens are not echoed by the local terminal, they wait for the session.
     */
    public void stopScreenStayingRaw() throws IOException {
        leaveScreen(true);
    }

    private void leaveScreen(boolean stayRaw) throws IOException {
        synchronized (state) {
            if (!screenShown) {
                return;
            }
            screenShown = false;
            lent = true;
            screen.stopScreen(false);
            jline.flush();
            if (!stayRaw) {
                modes.restore();
            }
        }
    }

    /** Where programs that need the terminal itself, and a Ctrl-Z stop, run. */
    public TerminalSide side() {
        return side;
    }

    /**
     * The terminal is gone (its client left): the key reader and an attached session's keyboard
     * see the end of input at once.
     */
    public void hangUp() {
        input.hangUp();
    }

    /** The terminal was resized, as its client tells: the resize handlers run (as SIGWINCH would run them). */
    public void raiseResize() {
        jline.raise(Terminal.Signal.WINCH);
    }

    /**
     * The user typed the terminal's interrupt character in its normal modes (its client got
     * SIGINT). Until the picker first lends the terminal, that is the Ctrl-C its keys would have
     * read had the terminal been raw already, and it is put before them: typed before the picker
     * first took the terminal, its word may come after the take (the server went on between the
     * client's hello and its word). Once the terminal has been lent (a session without a pty, a
     * program, which end on it), the handlers of the signal run.
     */
    public void raiseInterrupt() {
        boolean beforeAnyLending;
        synchronized (state) {
            beforeAnyLending = !lent && !closed;
        }
        if (beforeAnyLending) {
            // (a key reader waiting on the terminal is woken by the give-back, and reads this first)
            input.giveBack(CONTROL_C, 0, CONTROL_C.length);
        } else {
            jline.raise(Terminal.Signal.INT);
        }
    }

    @Override
    public void close() {
        restoreOnExit.ifPresent(hook -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the hook runs (or ran) anyway
            }
        });
        restore();
    }

    private void resized() {
        Consumer<TerminalSize> listener;
        synchronized (state) {
            if (!screenShown) {
                return;
            }
            listener = resizeListener;
        }
        listener.accept(drawing.refreshSize());
    }

    /**
     * Back to the terminal as found; safe to call twice, from a shutdown hook, on a dead terminal.
     * JLine's own close runs first (it writes its speedless attributes), the exact modes last.
     */
    private void restore() {
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            drawn.shut();
            try {
                if (screenShown) {
                    OutputStream out = jline.output();
                    out.write(LEAVE_SCREEN);
                    out.flush();
                }
            } catch (IOException | RuntimeException ignored) {
                // the terminal may be gone (SIGHUP)
            }
            screenShown = false;
            console.close();
        }
    }

    static Attributes rawFrom(Attributes cooked) {
        Attributes raw = new Attributes(cooked);
        raw.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.IEXTEN, Attributes.LocalFlag.ISIG), false);
        raw.setInputFlags(EnumSet.of(Attributes.InputFlag.IXON, Attributes.InputFlag.ICRNL,
                Attributes.InputFlag.INLCR, Attributes.InputFlag.IGNCR, Attributes.InputFlag.ISTRIP), false);
        raw.setOutputFlag(Attributes.OutputFlag.OPOST, false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 1);
        raw.setControlChar(Attributes.ControlChar.VTIME, 0);
        return raw;
    }

    /** The size as JLine reports it, for callers that need JLine's type. */
    public Size jlineSize() {
        return jline.getSize();
    }
}

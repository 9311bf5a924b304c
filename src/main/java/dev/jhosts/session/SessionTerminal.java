package dev.jhosts.session;

import dev.jhosts.terminal.ModesToUndo;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Cursor;
import org.jline.terminal.MouseEvent;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.ColorPalette;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingReader;

/**
 * JLine's system terminal as jhosts hands it to a session: input is the {@link ConsoleInput}
 * (never a pending read left behind), setting attributes keeps the line speed, which JLine
 * alone would zero ({@link ExactModes}), and output passes through the {@link TerminalHandBack}
 * (shut at the ending). Everything else goes to JLine's terminal. Closing it does nothing: the
 * {@link Console} closes the terminal.
 */
final class SessionTerminal implements Terminal {
    private final Terminal jline;
    private final ConsoleInput input;
    private final ExactModes modes;
    private final TerminalHandBack handBack;
    private final NonBlockingReader reader;
    private final String type;
    private final Object modesLock = new Object();
    private boolean givenBack; // guarded by modesLock

    SessionTerminal(Terminal jline, ConsoleInput input, ExactModes modes, TerminalHandBack handBack, String type) {
        this.jline = jline;
        this.type = type;
        this.input = input;
        this.modes = modes;
        this.handBack = handBack;
        this.reader = NonBlocking.nonBlocking(jline.getName(), input, jline.encoding());
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public NonBlockingReader reader() {
        return reader;
    }

    /**
     * Sets the modes unless the terminal was given back already ({@link #giveBack}): a session's
     * thread that ends late (its client went away, a signal) must not set them on a terminal
     * that is its shell's again.
     */
    @Override
    public void setAttributes(Attributes attributes) {
        synchronized (modesLock) {
            if (givenBack) {
                return;
            }
            jline.setAttributes(attributes);
            modes.keepLineSpeed();
        }
    }

    @Override
    public Attributes enterRawMode() {
        synchronized (modesLock) {
            if (givenBack) {
                return jline.getAttributes();
            }
            Attributes previous = jline.enterRawMode();
            modes.keepLineSpeed();
            return previous;
        }
    }

    @Override
    public boolean echo(boolean echo) {
        synchronized (modesLock) {
            if (givenBack) {
                return echo;
            }
            boolean previous = jline.echo(echo);
            modes.keepLineSpeed();
            return previous;
        }
    }

    /** From now on no mode is set through this terminal; {@code giveBack} (the exact restore) runs in turn with the setters. */
    void giveBack(Runnable restore) {
        synchronized (modesLock) {
            givenBack = true;
            restore.run();
        }
    }

    @Override
    public void close() {
        // the owner closes the terminal
    }

    /**
     * A session has the terminal from now on: {@code modes} tells (bounded in time) what its
     * program has set, undone if the process ends before {@link #takeBack()}.
     */
    void lend(Supplier<ModesToUndo> modes) {
        handBack.lend(modes);
    }

    /** The session has given the terminal back, its modes undone. */
    void takeBack() {
        handBack.takeBack();
    }

    /** The terminal's output, which the ending shuts before it undoes the session's modes. */
    @Override
    public OutputStream output() {
        return handBack.output();
    }

    // Everything below is JLine's terminal as it is.

    @Override
    public String getName() {
        return jline.getName();
    }

    @Override
    public SignalHandler handle(Signal signal, SignalHandler handler) {
        return jline.handle(signal, handler);
    }

    @Override
    public void raise(Signal signal) {
        jline.raise(signal);
    }

    @Override
    public PrintWriter writer() {
        return jline.writer();
    }

    @Override
    public Charset encoding() {
        return jline.encoding();
    }

    @Override
    public boolean canPauseResume() {
        return false;
    }

    @Override
    public void pause() {
        // nothing to pause: no reader thread of JLine's runs
    }

    @Override
    public void pause(boolean wait) {
        // likewise
    }

    @Override
    public void resume() {
        // likewise
    }

    @Override
    public boolean paused() {
        return false;
    }

    @Override
    public boolean echo() {
        return jline.echo();
    }

    @Override
    public Attributes getAttributes() {
        return jline.getAttributes();
    }

    @Override
    public Size getSize() {
        return jline.getSize();
    }

    @Override
    public void setSize(Size size) {
        jline.setSize(size);
    }

    @Override
    public void flush() {
        jline.flush();
    }

    /** The user's TERM (JLine itself was given a neutral built-in type). */
    @Override
    public String getType() {
        return type;
    }

    @Override
    public boolean puts(InfoCmp.Capability capability, Object... parameters) {
        return jline.puts(capability, parameters);
    }

    @Override
    public boolean getBooleanCapability(InfoCmp.Capability capability) {
        return jline.getBooleanCapability(capability);
    }

    @Override
    public Integer getNumericCapability(InfoCmp.Capability capability) {
        return jline.getNumericCapability(capability);
    }

    @Override
    public String getStringCapability(InfoCmp.Capability capability) {
        return jline.getStringCapability(capability);
    }

    @Override
    public Cursor getCursorPosition(IntConsumer discarded) {
        return null;
    }

    @Override
    public boolean hasMouseSupport() {
        return false;
    }

    @Override
    public boolean trackMouse(MouseTracking tracking) {
        return false;
    }

    @Override
    public MouseTracking getCurrentMouseTracking() {
        return MouseTracking.Off;
    }

    @Override
    public MouseEvent readMouseEvent() {
        throw new UnsupportedOperationException("no mouse");
    }

    @Override
    public MouseEvent readMouseEvent(IntSupplier reader) {
        throw new UnsupportedOperationException("no mouse");
    }

    @Override
    public MouseEvent readMouseEvent(String prefix) {
        throw new UnsupportedOperationException("no mouse");
    }

    @Override
    public MouseEvent readMouseEvent(IntSupplier reader, String prefix) {
        throw new UnsupportedOperationException("no mouse");
    }

    @Override
    public boolean hasFocusSupport() {
        return false;
    }

    @Override
    public boolean trackFocus(boolean tracking) {
        return false;
    }

    @Override
    public ColorPalette getPalette() {
        return jline.getPalette();
    }
}

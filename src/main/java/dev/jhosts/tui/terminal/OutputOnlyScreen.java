package dev.jhosts.tui.terminal;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.jline.terminal.Size;

/**
 * One frame drawn on a terminal that nobody has taken yet: the alternate screen, the frame, the
 * cursor hidden; no mode changed, no key read. The jhosts server draws a picker's first frame
 * this way while the client of that terminal is still starting; the picker that follows takes
 * the terminal as usual ({@link TerminalOwner}) and draws it again. {@link #withdraw} undoes it
 * when no picker follows.
 */
public final class OutputOnlyScreen {
    /** Attributes reset, cursor shown, main screen back (with the cursor where it was). */
    static final byte[] LEAVE_SCREEN = "\033[0m\033[?25h\033[?1049l".getBytes(StandardCharsets.US_ASCII);

    private OutputOnlyScreen() {}

    /**
     * Draws on {@code tty}, a terminal of {@code size}, what {@code painter} paints; the painter
     * says where the cursor goes, if it shows.
     */
    public static void draw(OutputStream tty, Charset charset, TerminalSize size,
            Function<TextGraphics, Optional<TerminalPosition>> painter) throws IOException {
        Size fixed = new Size(size.getColumns(), size.getRows());
        TerminalScreen screen = new TerminalScreen(new DrawingTerminal(() -> fixed, tty, charset));
        screen.startScreen();
        screen.doResizeIfNecessary();
        Optional<TerminalPosition> cursor = painter.apply(screen.newTextGraphics());
        screen.setCursorPosition(cursor.orElse(null));
        screen.refresh(Screen.RefreshType.COMPLETE);
        tty.flush();
    }

    /** Undoes {@link #draw}: the terminal shows what it showed before. */
    public static void withdraw(OutputStream tty) throws IOException {
        tty.write(LEAVE_SCREEN);
        tty.flush();
    }
}

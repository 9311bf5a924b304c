package dev.jhosts.server;

import com.googlecode.lanterna.TerminalSize;
import dev.jhosts.tui.JhostsApp;
import java.io.IOException;
import java.io.OutputStream;

/** How a picker's first frame is drawn on a terminal that nobody has taken yet: output only ({@link Previews}). */
@FunctionalInterface
public interface FirstFrame {
    /** Draws it for {@code viewer} on {@code tty}, a terminal of {@code size}. */
    void draw(JhostsApp.Viewer viewer, OutputStream tty, TerminalSize size) throws IOException;
}

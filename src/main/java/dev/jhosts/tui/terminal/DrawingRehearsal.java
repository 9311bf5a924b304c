package dev.jhosts.tui.terminal;

import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.jhosts.tui.state.Key;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The drawing and key decoding paths of the terminal layer, run into memory (no terminal, no
 * process): for the build's class-data-sharing training run, so that a real start finds these
 * classes archived.
 */
public final class DrawingRehearsal {
    private static final byte[] KEYS = "ab\u001b[A\u001b[B\u001b[5~\u001bOP\u001b\r\u0003\u007f\té".getBytes(StandardCharsets.UTF_8);

    private DrawingRehearsal() {}

    /** Draws frames with {@code painter} on a Lanterna screen over an in-memory terminal; returns the decoded sample keys. */
    public static List<Key> run(List<Consumer<TextGraphics>> frames) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (DumbTerminal jline = new DumbTerminal(new ByteArrayInputStream(new byte[0]), sink)) {
            TerminalScreen screen = new TerminalScreen(new DrawingTerminal(jline, jline.output(), StandardCharsets.UTF_8));
            screen.startScreen();
            for (Consumer<TextGraphics> frame : frames) {
                screen.doResizeIfNecessary();
                frame.accept(screen.newTextGraphics());
                screen.refresh();
            }
            screen.stopScreen(false);
            TerminalOwner.rawFrom(jline.getAttributes());
        }
        return new ArrayList<>(new KeyDecoder(StandardCharsets.UTF_8).decode(KEYS, KEYS.length));
    }
}

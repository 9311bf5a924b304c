package dev.jhosts.tui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * The Lanterna terminal jhosts draws on: ANSI output into JLine's output stream, the size from
 * JLine (no cursor-position query, no {@code stty}). Lanterna never reads input here; keys
 * come from {@link KeyReader}.
 */
final class DrawingTerminal extends ANSITerminal {
    private static final TerminalSize FALLBACK = new TerminalSize(80, 24);

    private final Terminal jline;

    DrawingTerminal(Terminal jline, Charset charset) {
        super(InputStream.nullInputStream(), jline.output(), charset);
        this.jline = jline;
    }

    @Override
    protected TerminalSize findTerminalSize() {
        Size size = jline.getSize();
        if (size.getColumns() <= 0 || size.getRows() <= 0) {
            return FALLBACK;
        }
        return new TerminalSize(size.getColumns(), size.getRows());
    }

    /**
     * Lanterna 3.1.3 encodes a string one UTF-16 unit at a time, which turns characters outside
     * the BMP (most emoji) into {@code ??}; a text with a surrogate pair is encoded whole here.
     */
    @Override
    public void putString(String string) throws IOException {
        if (string.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            ByteBuffer bytes = getCharset().encode(string);
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            writeToTerminal(array);
        } else {
            super.putString(string);
        }
    }

    Charset charset() {
        return getCharset();
    }

    /** Re-reads the size and tells Lanterna's listeners (the screen) when it changed. */
    TerminalSize refreshSize() {
        TerminalSize size = findTerminalSize();
        onResized(size);
        return size;
    }
}

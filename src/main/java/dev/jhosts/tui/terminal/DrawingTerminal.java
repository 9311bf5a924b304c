package dev.jhosts.tui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * The Lanterna terminal jhosts draws on: ANSI output into JLine's output stream, the size from
 * JLine (no cursor-position query, no {@code stty}). Lanterna never reads input here; keys
 * come from {@link KeyReader}.
 */
final class DrawingTerminal extends ANSITerminal {
    private static final TerminalSize FALLBACK = new TerminalSize(80, 24);
    private static final byte[][] ASCII = asciiBytes();

    private final Supplier<Size> size;
    private final boolean utf8;
    /** Non-ASCII characters drawn so far, encoded (a screen uses few distinct ones). */
    private final Map<Character, byte[]> utf8Bytes = new HashMap<>();

    /** Draws into {@code output}, which leads to {@code jline}'s output. */
    DrawingTerminal(Terminal jline, OutputStream output, Charset charset) {
        this(jline::getSize, output, charset);
    }

    /** Draws into {@code output}, a terminal whose size {@code size} tells. */
    DrawingTerminal(Supplier<Size> size, OutputStream output, Charset charset) {
        super(InputStream.nullInputStream(), output, charset);
        this.size = size;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    @Override
    protected TerminalSize findTerminalSize() {
        Size size = this.size.get();
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
        if (hasSurrogate(string)) {
            ByteBuffer bytes = getCharset().encode(string);
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            writeToTerminal(array);
        } else {
            super.putString(string);
        }
    }

    /**
     * Printable ASCII is written as its byte, other characters in UTF-8 as their bytes made
     * once: Lanterna encodes every character on its own through {@code Charset.encode} (and
     * sends a stray NUL after two-byte characters), which made writing a first frame cost
     * several milliseconds. Other charsets keep Lanterna's own translation.
     */
    @Override
    public void putCharacter(char c) throws IOException {
        if (isPrintableAscii(c)) {
            writeToTerminal(ASCII[c]);
        } else if (utf8 && !Character.isSurrogate(c) && TerminalTextUtils.isPrintableCharacter(c)) {
            writeToTerminal(utf8Bytes.computeIfAbsent(c, DrawingTerminal::utf8));
        } else {
            super.putCharacter(c);
        }
    }

    private static byte[] utf8(char c) {
        return String.valueOf(c).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    private static byte[][] asciiBytes() {
        byte[][] bytes = new byte[0x7f][];
        for (int c = 0; c < bytes.length; c++) {
            bytes[c] = new byte[] {(byte) c};
        }
        return bytes;
    }

    private static boolean hasSurrogate(String string) {
        for (int i = 0; i < string.length(); i++) {
            if (Character.isSurrogate(string.charAt(i))) {
                return true;
            }
        }
        return false;
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

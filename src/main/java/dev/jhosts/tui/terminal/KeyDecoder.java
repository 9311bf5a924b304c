package dev.jhosts.tui.terminal;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.jhosts.tui.state.Key;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes typed on a raw terminal to {@link Key}s, with Lanterna's escape-sequence patterns. CR
 * (what Enter sends with ICRNL off) counts as Enter. Fed one burst of bytes at a time; an
 * escape sequence split across bursts is the reader's job to avoid ({@link #endsInsideEscape}).
 */
final class KeyDecoder {
    private final CharsetDecoder charset;
    private final QueueReader pending = new QueueReader();
    private final InputDecoder decoder = new InputDecoder(pending);
    private final KeyTranslator translator = new KeyTranslator();
    private ByteBuffer leftover = ByteBuffer.allocate(0);

    KeyDecoder(Charset encoding) {
        this.charset = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        decoder.addProfile(new DefaultKeyDecodingProfile());
    }

    /** The keys in {@code bytes}; {@code endOfInput} when the terminal's input ended. */
    List<Key> decode(byte[] bytes, int length) throws IOException {
        ByteBuffer input = ByteBuffer.allocate(leftover.remaining() + length);
        input.put(leftover).put(bytes, 0, length).flip();
        CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
        charset.decode(input, chars, false);
        leftover = ByteBuffer.allocate(input.remaining()).put(input);
        leftover.flip();
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            pending.add(c == '\r' ? '\n' : c);
        }
        List<Key> keys = new ArrayList<>();
        KeyStroke stroke;
        while ((stroke = decoder.getNextCharacter(false)) != null) {
            if (stroke.getKeyType() == KeyType.EOF) {
                break;
            }
            translator.translate(stroke).ifPresent(keys::add);
        }
        return keys;
    }

    /** Whether a burst ends with an escape sequence that may go on (ESC, ESC [ 1 ;, ESC O). */
    static boolean endsInsideEscape(byte[] bytes, int length) {
        int escape = -1;
        for (int i = length - 1; i >= 0 && i >= length - 16; i--) {
            if (bytes[i] == 0x1b) {
                escape = i;
                break;
            }
        }
        if (escape < 0) {
            return false;
        }
        int tail = length - escape - 1;
        if (tail == 0) {
            return true;
        }
        byte kind = bytes[escape + 1];
        if (kind == 'O') {
            return tail < 2;
        }
        if (kind != '[') {
            return false;
        }
        for (int i = escape + 2; i < length; i++) {
            if (bytes[i] >= 0x40 && bytes[i] <= 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** A reader over the characters received so far; ready while any are left. */
    private static final class QueueReader extends Reader {
        private final ArrayDeque<Character> queue = new ArrayDeque<>();

        void add(char c) {
            queue.add(c);
        }

        @Override
        public boolean ready() {
            return !queue.isEmpty();
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (queue.isEmpty()) {
                return -1;
            }
            int count = 0;
            while (count < length && !queue.isEmpty()) {
                buffer[offset + count++] = queue.poll();
            }
            return count;
        }

        @Override
        public void close() {
            queue.clear();
        }
    }
}

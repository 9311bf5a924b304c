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
 * A decoder carries a character split across bursts: after the terminal changed hands, use a
 * new one.
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

    /** Told each key with where its bytes end. */
    interface Sink {
        /**
         * A key whose bytes end before {@code end} in the burst. They begin after the previous
         * key's (bytes that made no key, such as an unknown sequence, go with the next key), or
         * in the burst before, for a character split across bursts.
         */
        void key(Key key, int end);
    }

    /** The keys in {@code bytes}. */
    List<Key> decode(byte[] bytes, int length) throws IOException {
        List<Key> keys = new ArrayList<>();
        decode(bytes, length, (key, end) -> keys.add(key));
        return keys;
    }

    /**
     * The keys in {@code bytes}, each with its bytes: the burst is cut into units (one escape
     * sequence, one UTF-8 character, or one byte) and each unit is decoded on its own, so that
     * the bytes after a key are known exactly (the typeahead a session gets after Enter).
     */
    void decode(byte[] bytes, int length, Sink sink) throws IOException {
        for (int start = 0; start < length; ) {
            int end = unitEnd(bytes, start, length);
            for (Key key : decodeUnit(bytes, start, end)) {
                sink.key(key, end);
            }
            start = end;
        }
    }

    private List<Key> decodeUnit(byte[] bytes, int offset, int end) throws IOException {
        ByteBuffer input = ByteBuffer.allocate(leftover.remaining() + end - offset);
        input.put(leftover).put(bytes, offset, end - offset).flip();
        CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
        charset.decode(input, chars, false);
        leftover = ByteBuffer.allocate(input.remaining()).put(input);
        leftover.flip();
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            pending.add(c == '\r' ? '\n' : c);
        }
        List<Key> keys = new ArrayList<>(1);
        KeyStroke stroke;
        while ((stroke = decoder.getNextCharacter(false)) != null) {
            if (stroke.getKeyType() == KeyType.EOF) {
                break;
            }
            translator.translate(stroke).ifPresent(keys::add);
        }
        return keys;
    }

    /**
     * Where the unit that begins at {@code start} ends: ESC [ parameters final-byte, ESC O x,
     * ESC and one character (Alt), a lone ESC (followed by nothing or by another ESC), one
     * UTF-8 character, or one byte. A unit cut off by the end of the burst ends there.
     */
    static int unitEnd(byte[] bytes, int start, int length) {
        int b = bytes[start] & 0xff;
        if (b == 0x1b) {
            if (start + 1 >= length || bytes[start + 1] == 0x1b) {
                return start + 1;
            }
            byte kind = bytes[start + 1];
            if (kind == '[') {
                for (int i = start + 2; i < length; i++) {
                    if (bytes[i] >= 0x40 && bytes[i] <= 0x7e) {
                        return i + 1;
                    }
                }
                return length;
            }
            if (kind == 'O') {
                return Math.min(start + 3, length);
            }
            return utf8End(bytes, start + 1, length);
        }
        return utf8End(bytes, start, length);
    }

    private static int utf8End(byte[] bytes, int start, int length) {
        int b = bytes[start] & 0xff;
        int size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        return Math.min(start + size, length);
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

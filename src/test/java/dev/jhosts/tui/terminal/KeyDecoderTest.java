package dev.jhosts.tui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.tui.state.Key;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDecoderTest {
    private final KeyDecoder decoder = new KeyDecoder(StandardCharsets.UTF_8);

    private List<Key> decode(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, bytes.length);
    }

    private static Key named(Key.Name name) {
        return Key.named(name);
    }

    @Test
    void printableCharactersIncludingOutsideTheBmp() throws Exception {
        assertThat(decode("aZ?")).containsExactly(Key.typed('a'), Key.typed('Z'), Key.typed('?'));
        assertThat(decode("é🚀")).containsExactly(Key.typed('é'), new Key.Typed(0x1F680));
    }

    @Test
    void utf8SplitAcrossBurstsIsJoined() throws Exception {
        byte[] bytes = "é".getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(new byte[] {bytes[0]}, 1)).isEmpty();
        assertThat(decoder.decode(new byte[] {bytes[1]}, 1)).containsExactly(Key.typed('é'));
    }

    @Test
    void controlKeys() throws Exception {
        assertThat(decode("\r")).containsExactly(named(Key.Name.ENTER));
        assertThat(decode("\u0003\u000e\u0010\u0015\u0017")).containsExactly(
                Key.ctrl('c'), Key.ctrl('n'), Key.ctrl('p'), Key.ctrl('u'), Key.ctrl('w'));
        assertThat(decode("\u000f")).containsExactly(Key.ctrl('o'));
        assertThat(decode("\u007f\t")).containsExactly(named(Key.Name.BACKSPACE), named(Key.Name.TAB));
        assertThat(decode("\u001b")).containsExactly(named(Key.Name.ESCAPE));
    }

    @Test
    void escapeSequences() throws Exception {
        assertThat(decode("\u001b[A\u001b[B\u001bOA")).containsExactly(
                named(Key.Name.UP), named(Key.Name.DOWN), named(Key.Name.UP));
        assertThat(decode("\u001b[5~\u001b[6~\u001b[H\u001b[F\u001b[1~\u001b[4~")).containsExactly(
                named(Key.Name.PAGE_UP), named(Key.Name.PAGE_DOWN), named(Key.Name.HOME), named(Key.Name.END),
                named(Key.Name.HOME), named(Key.Name.END));
        assertThat(decode("\u001bOP\u001b[11~\u001bOQ\u001b[Z")).containsExactly(
                named(Key.Name.F1), named(Key.Name.F1), named(Key.Name.F2), named(Key.Name.BACK_TAB));
        assertThat(decode("\u001bOR\u001b[13~\u001b[D\u001b[C")).containsExactly(
                named(Key.Name.F3), named(Key.Name.F3), named(Key.Name.LEFT), named(Key.Name.RIGHT));
    }

    @Test
    void anEscapeSequenceStillArrivingIsRecognised() {
        List<byte[]> open = new ArrayList<>(List.of(new byte[] {0x1b}, new byte[] {0x1b, '['},
                new byte[] {0x1b, '[', '1', ';'}, new byte[] {'a', 0x1b, 'O'}));
        for (byte[] bytes : open) {
            assertThat(KeyDecoder.endsInsideEscape(bytes, bytes.length)).isTrue();
        }
        for (byte[] bytes : List.of(new byte[] {0x1b, '[', 'A'}, new byte[] {'a'}, new byte[] {0x1b, 'O', 'P'},
                new byte[] {0x1b, 'x'})) {
            assertThat(KeyDecoder.endsInsideEscape(bytes, bytes.length)).isFalse();
        }
    }

    /** Each key with where its bytes end: what a session gets after an Enter is known to the byte. */
    @Test
    void eachKeyKnowsWhereItsBytesEnd() throws Exception {
        byte[] bytes = "a\u001b[B\u001bx\ré\recho".getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        decoder.decode(bytes, bytes.length, (key, end) -> seen.add(key + "@" + end));
        assertThat(seen).containsExactly(Key.typed('a') + "@1", named(Key.Name.DOWN) + "@4",
                // Alt-x makes no key: its bytes go with the next one
                named(Key.Name.ENTER) + "@7", Key.typed('é') + "@9", named(Key.Name.ENTER) + "@10",
                Key.typed('e') + "@11", Key.typed('c') + "@12", Key.typed('h') + "@13", Key.typed('o') + "@14");
    }

    @Test
    void unitsAreEscapeSequencesCharactersOrBytes() {
        byte[] bytes = "\u001b[1;5Ax\u001bOP\u001b\u001b[A\u001bxé".getBytes(StandardCharsets.UTF_8);
        List<Integer> ends = new ArrayList<>();
        for (int start = 0; start < bytes.length; start = ends.get(ends.size() - 1)) {
            ends.add(KeyDecoder.unitEnd(bytes, start, bytes.length));
        }
        assertThat(ends).containsExactly(6, 7, 10, 11, 14, 16, 18);
    }
}

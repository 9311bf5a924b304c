package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jhosts' own session escapes, as ssh reads them (clientloop.c process_escapes). */
class EscapeScannerTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final List<String> seen = new ArrayList<>();

    /** What reaches the session, with each command as {NAME} where it was typed. */
    private final EscapeScanner.Sink sink = new EscapeScanner.Sink() {
        @Override
        public void send(byte[] bytes, int offset, int length) {
            sent.write(bytes, offset, length);
            seen.add(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void command(EscapeScanner.Command command) {
            seen.add("{" + command + "}");
        }
    };

    private String scan(EscapeScanner scanner, String... chunks) throws IOException {
        for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.ISO_8859_1);
            scanner.scan(bytes, 0, bytes.length, sink);
        }
        return String.join("", seen);
    }

    @Test
    void tildeDotClosesAtTheStartAndAfterANewlineOnly() throws IOException {
        assertThat(scan(new EscapeScanner('~'), "~.ignored")).isEqualTo("{CLOSE}");
        seen.clear();
        assertThat(scan(new EscapeScanner('~'), "ls\r~.")).isEqualTo("ls\r{CLOSE}");
        seen.clear();
        assertThat(scan(new EscapeScanner('~'), "a~.b\n~.")).isEqualTo("a~.b\n{CLOSE}");
    }

    @Test
    void afterCloseNothingMoreIsTaken() throws IOException {
        EscapeScanner scanner = new EscapeScanner('~');
        byte[] close = "~.".getBytes(StandardCharsets.US_ASCII);
        assertThat(scanner.scan(close, 0, 2, sink)).isFalse();
        assertThat(scanner.scan("x".getBytes(StandardCharsets.US_ASCII), 0, 1, sink)).isFalse();
        assertThat(sent.size()).isZero();
    }

    @Test
    void doubleTildeSendsOneAndOtherLettersPassWithTheTilde() throws IOException {
        assertThat(scan(new EscapeScanner('~'), "~~x\r~x\r~\r")).isEqualTo("~x\r~x\r~\r");
        assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo("~x\r~x\r~\r");
    }

    @Test
    void aTildeHeldAcrossReadsIsDecidedByTheNextByte() throws IOException {
        assertThat(scan(new EscapeScanner('~'), "echo\r~", ".")).isEqualTo("echo\r{CLOSE}");
        seen.clear();
        sent.reset();
        scan(new EscapeScanner('~'), "~", "~", "y");
        assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo("~y");
    }

    @Test
    void listAndDetachLeaveTheNextByteAtALineStart() throws IOException {
        assertThat(scan(new EscapeScanner('~'), "~?~\u001a~.")).isEqualTo("{LIST}{DETACH}{CLOSE}");
    }

    @Test
    void anotherEscapeCharacterAndNone() throws IOException {
        assertThat(scan(new EscapeScanner(0x1d), "~.\r\u001d.")).isEqualTo("~.\r{CLOSE}");
        seen.clear();
        sent.reset();
        assertThat(scan(new EscapeScanner(-1), "~.\r~?")).isEqualTo("~.\r~?");
    }

    @Test
    void namesAndHelpUseTheEscapeCharacter() {
        assertThat(EscapeScanner.name('~')).isEqualTo("~");
        assertThat(EscapeScanner.name(0x1d)).isEqualTo("^]");
        assertThat(EscapeScanner.help('%')).contains("%.  close this session").contains("%%  send one %");
    }
}

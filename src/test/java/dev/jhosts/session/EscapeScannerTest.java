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
        assertThat(scanner.scan(close, 0, 2, sink)).isEqualTo(2);
        assertThat(scanner.left()).isTrue();
        assertThat(scanner.scan("x".getBytes(StandardCharsets.US_ASCII), 0, 1, sink)).isZero();
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
    void listLeavesTheNextByteAtALineStartAndDetachEndsTheScan() throws IOException {
        EscapeScanner scanner = new EscapeScanner('~');
        byte[] bytes = "~?~\u001aafter".getBytes(StandardCharsets.US_ASCII);
        assertThat(scanner.scan(bytes, 0, bytes.length, sink)).as("the bytes after ~^Z are not taken").isEqualTo(4);
        assertThat(String.join("", seen)).isEqualTo("{LIST}{DETACH}");
        assertThat(sent.size()).isZero();
    }

    @Test
    void withoutAListToGoBackToTildeControlZOnlySaysSo() throws IOException {
        assertThat(scan(new EscapeScanner('~', SessionKeys.NONE, false), "~\u001a~.")).isEqualTo("{CANNOT_DETACH}{CLOSE}");
    }

    @Test
    void theSessionKeysCountAnywhereAndWholeWithinOneRead() throws IOException {
        SessionKeys keys = new SessionKeys(SessionKey.parse("^\\").orElseThrow(), SessionKey.parse("F12").orElseThrow(),
                SessionKey.parse("S-F12").orElseThrow());
        EscapeScanner scanner = new EscapeScanner('~', keys, true);
        byte[] bytes = "ls -l\u001ckept".getBytes(StandardCharsets.US_ASCII);
        assertThat(scanner.scan(bytes, 0, bytes.length, sink)).isEqualTo(6);
        assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo("ls -l");
        assertThat(String.join("", seen)).isEqualTo("ls -l{DETACH}");
        seen.clear();
        sent.reset();
        assertThat(scan(new EscapeScanner('~', keys, true), "x\u001b[24;2~")).isEqualTo("x{PREVIOUS}");
        seen.clear();
        sent.reset();
        assertThat(scan(new EscapeScanner('~', keys, true), "\u001b[24~")).isEqualTo("{NEXT}");
        seen.clear();
        sent.reset();
        // a lone Esc and other function keys go to the remote program at once
        assertThat(scan(new EscapeScanner('~', keys, true), "\u001b", "\u001b[23~")).isEqualTo("\u001b\u001b[23~");
        seen.clear();
        sent.reset();
        // a held ~ goes first when a session key follows it
        assertThat(scan(new EscapeScanner('~', keys, true), "~\u001c")).isEqualTo("~{DETACH}");
    }

    @Test
    void sessionKeysAreWrittenAsInSettings() {
        assertThat(SessionKey.parse("^\\").orElseThrow().bytes()).containsExactly(0x1c);
        assertThat(SessionKey.parse("f5").orElseThrow().bytes()).isEqualTo("\u001b[15~".getBytes(StandardCharsets.US_ASCII));
        assertThat(SessionKey.parse("S-F1").orElseThrow().bytes()).isEqualTo("\u001b[1;2P".getBytes(StandardCharsets.US_ASCII));
        assertThat(SessionKey.parse("F4").orElseThrow().bytes()).isEqualTo("\u001bOS".getBytes(StandardCharsets.US_ASCII));
        assertThat(SessionKey.parse("none").orElseThrow().isNone()).isTrue();
        assertThat(SessionKey.parse("F13")).isEmpty();
        assertThat(SessionKey.parse("^1")).isEmpty();
        assertThat(SessionKey.parse("x")).isEmpty();
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
        assertThat(EscapeScanner.help('%', SessionKeys.NONE, true)).contains("%.  close this session")
                .contains("%%  send one %");
    }
}

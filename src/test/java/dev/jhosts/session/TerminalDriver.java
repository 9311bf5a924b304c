package dev.jhosts.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jline.terminal.impl.jni.JniNativePty;

/** Plays the user at the master side of a PTY: types, and reads the screen. */
final class TerminalDriver {
    static final Duration LIMIT = Duration.ofSeconds(20);

    private final Capture screen;
    private final OutputStream keyboard;

    TerminalDriver(JniNativePty pty) {
        this.screen = Capture.of(pty.getMasterInput());
        this.keyboard = pty.getMasterOutput();
    }

    void type(String text) throws IOException {
        type(text.getBytes(StandardCharsets.UTF_8));
    }

    void type(byte[] bytes) throws IOException {
        keyboard.write(bytes);
        keyboard.flush();
    }

    /** Where the screen is now, for {@link #awaitAfter}. */
    int mark() {
        return screen.size();
    }

    boolean await(String needle) throws InterruptedException {
        return awaitAfter(needle, 0);
    }

    boolean awaitAfter(String needle, int mark) throws InterruptedException {
        return screen.await(needle, mark, LIMIT);
    }

    /** Types {@code command} until {@code answer} shows after it (for effects that arrive asynchronously); bounded. */
    boolean askUntil(String command, String answer) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            int mark = mark();
            type(command);
            if (screen.await(answer, mark, Duration.ofSeconds(1))) {
                return true;
            }
        }
        return false;
    }

    /** Ctrl-C, Ctrl-S, Ctrl-Q into a remote {@code od}: true when they arrive as plain bytes. */
    boolean controlCharactersPassUnchanged() throws Exception {
        int mark = mark();
        type("stty raw -echo; echo READY; od -An -tx1 -N3; stty sane\r");
        // with the remote tty raw, "READY" ends in a bare \n
        if (!awaitAfter("READY\n", mark)) {
            return false;
        }
        type(new byte[] {0x03, 0x13, 0x11});
        return awaitAfter("03 13 11", mark);
    }

    String screen() {
        return screen.text();
    }
}

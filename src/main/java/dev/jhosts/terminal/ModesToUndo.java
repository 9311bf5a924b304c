package dev.jhosts.terminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The modes a program on the user's terminal has set that the terminal must not keep once the
 * program no longer has it, and the bytes that undo them ({@link #undo()}). A value of its own,
 * with no session or screen behind it: whoever owns the user's terminal (jhosts itself, or a
 * client of a jhosts server, told of each change) keeps the last one and writes its undo on
 * every ending, a signal included.
 *
 * <p>"Undone" means back to what a shell leaves a terminal in while it runs a command: the main
 * screen, the cursor shown, normal cursor and keypad keys, no mouse or focus reporting,
 * replace (not insert) mode, and bracketed paste off (shells turn it on only while they read a
 * line, and off before they run a command such as jhosts).
 *
 * @param alternateScreen the alternate screen is shown (DECSET 1049, 1047 or 47)
 * @param cursorHidden the cursor is hidden (DECTCEM reset, {@code CSI ? 25 l})
 * @param applicationCursorKeys DECCKM ({@code CSI ? 1 h})
 * @param applicationKeypad DECKPAM ({@code ESC =})
 * @param mouseReporting any mouse tracking (DECSET 9, 1000, 1002, 1003) or encoding (1005, 1006, 1015)
 * @param focusReporting focus in and out events (DECSET 1004)
 * @param insertMode IRM ({@code CSI 4 h})
 * @param bracketedPaste DECSET 2004
 */
public record ModesToUndo(boolean alternateScreen, boolean cursorHidden, boolean applicationCursorKeys,
        boolean applicationKeypad, boolean mouseReporting, boolean focusReporting, boolean insertMode,
        boolean bracketedPaste) {

    /** Nothing to undo. */
    public static final ModesToUndo NONE = new ModesToUndo(false, false, false, false, false, false, false, false);

    /** Whether anything is to be undone. */
    public boolean any() {
        return !equals(NONE);
    }

    /**
     * The bytes that undo these modes, each only if set: leaving the alternate screen also puts
     * the cursor back where it was on the main screen (DECSET 1049's restore), which would move
     * it on a terminal that is not on the alternate screen.
     */
    public byte[] undo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (alternateScreen) {
            write(out, "\033[?1049l");
        }
        if (cursorHidden) {
            write(out, "\033[?25h");
        }
        if (applicationCursorKeys) {
            write(out, "\033[?1l");
        }
        if (applicationKeypad) {
            write(out, "\033>");
        }
        if (mouseReporting) {
            write(out, "\033[?9l\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l");
        }
        if (focusReporting) {
            write(out, "\033[?1004l");
        }
        if (insertMode) {
            write(out, "\033[4l");
        }
        if (bracketedPaste) {
            write(out, "\033[?2004l");
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String sequence) {
        out.writeBytes(sequence.getBytes(StandardCharsets.US_ASCII));
    }
}

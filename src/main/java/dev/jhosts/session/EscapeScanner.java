package dev.jhosts.session;

import java.io.IOException;

/**
 * The session escapes of ssh, read by jhosts from the user's keystrokes on their way to the
 * session, so that they work whatever the master does (a master that stopped answering cannot
 * run its own {@code ~.}); the master is given no escape character. As in ssh
 * (clientloop.c, process_escapes), the escape character counts only right after a newline
 * (CR or LF) or at the start of the session, and is held back until the next byte says what it
 * is: {@code ~.} closes the session, {@code ~^Z} detaches, {@code ~?} lists the escapes, {@code
 * ~~} sends one {@code ~}; the escape character followed by anything else is sent as it is,
 * both bytes. After {@code ~?} or {@code ~^Z} the next byte counts as after a newline again.
 *
 * <p>Not thread-safe: one keyboard copy owns it.
 */
final class EscapeScanner {
    /** What an escape asks for. */
    enum Command {
        /** {@code ~.}: close the session. */
        CLOSE,
        /** {@code ~?}: list the escapes. */
        LIST,
        /** {@code ~^Z}: give the screen back to the list while the session runs. */
        DETACH
    }

    /** Where scanned bytes go. */
    interface Sink {
        /** Bytes for the session, in order. */
        void send(byte[] bytes, int offset, int length) throws IOException;

        /** An escape was typed; the bytes before it have been sent. */
        void command(Command command) throws IOException;
    }

    private static final int CONTROL_Z = 0x1a;

    private final int escape;
    private final byte[] escapeByte;
    private boolean afterNewline = true;
    private boolean pending;
    private boolean closed;

    /** @param escapeChar the escape character (0–255), or {@code -1} for none */
    EscapeScanner(int escapeChar) {
        if (escapeChar < -1 || escapeChar > 255) {
            throw new IllegalArgumentException("escape character out of range: " + escapeChar);
        }
        this.escape = escapeChar;
        this.escapeByte = new byte[] {(byte) escapeChar};
    }

    /**
     * Passes {@code length} bytes of {@code bytes} to {@code sink}, acting on the escapes among
     * them. Returns false once {@link Command#CLOSE} was seen: what follows it is not sent, and
     * nothing more is taken.
     */
    boolean scan(byte[] bytes, int offset, int length, Sink sink) throws IOException {
        if (closed) {
            return false;
        }
        if (escape < 0) {
            sink.send(bytes, offset, length);
            return true;
        }
        int end = offset + length;
        int run = offset; // start of the bytes not yet sent
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xff;
            if (pending) {
                pending = false;
                if (b == '.') {
                    closed = true;
                    sink.command(Command.CLOSE);
                    return false;
                }
                if (b == '?' || b == CONTROL_Z) {
                    // the escape and its letter are not sent; the next byte may start another escape
                    run = i + 1;
                    sink.command(b == '?' ? Command.LIST : Command.DETACH);
                    continue;
                }
                if (b != escape) {
                    // not an escape after all: the held escape character goes first
                    sink.send(escapeByte, 0, 1);
                }
                run = i; // this byte is sent (for ~~, the one ~)
                afterNewline = b == '\r' || b == '\n';
                continue;
            }
            if (afterNewline && b == escape) {
                if (i > run) {
                    sink.send(bytes, run, i - run);
                }
                pending = true;
                run = i + 1;
                continue;
            }
            afterNewline = b == '\r' || b == '\n';
        }
        if (end > run) {
            sink.send(bytes, run, end - run);
        }
        return true;
    }

    /** The escape character as ssh names it: {@code ~}, or {@code ^X} for a control character. */
    static String name(int escapeChar) {
        if (escapeChar < 0) {
            return "none";
        }
        if (escapeChar < 0x20) {
            return "^" + (char) (escapeChar + '@');
        }
        if (escapeChar == 0x7f) {
            return "^?";
        }
        return String.valueOf((char) escapeChar);
    }

    /** The list {@code ~?} shows, with CR LF line ends for a raw terminal. */
    static String help(int escapeChar) {
        String e = name(escapeChar);
        return "\r\njhosts escapes (after a newline):\r\n"
                + " " + e + ".  close this session\r\n"
                + " " + e + "^Z detach, back to the list (not available yet)\r\n"
                + " " + e + "?  this list\r\n"
                + " " + e + e + "  send one " + e + "\r\n";
    }
}

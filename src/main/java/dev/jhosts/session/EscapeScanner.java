package dev.jhosts.session;

import java.io.IOException;

/**
 * The session escapes of ssh and jhosts' own session keys, read by jhosts from the user's
 * keystrokes on their way to the session, so that they work whatever the master does (a master
 * that stopped answering cannot run its own {@code ~.}); the master is given no escape
 * character.
 *
 * <p>As in ssh (clientloop.c, process_escapes), the escape character counts only right after a
 * newline (CR or LF) or at the start of the session, and is held back until the next byte says
 * what it is: {@code ~.} closes the session, {@code ~^Z} detaches, {@code ~?} lists the escapes,
 * {@code ~~} sends one {@code ~}; the escape character followed by anything else is sent as it
 * is, both bytes. After {@code ~?} the next byte counts as after a newline again.
 *
 * <p>The session keys ({@link SessionKeys}: detach, next, previous) count anywhere, as the
 * whole sequence within one read.
 *
 * <p>Not thread-safe: one keyboard copy owns it; one scanner per attachment.
 */
final class EscapeScanner {
    /** What an escape or a session key asks for. */
    enum Command {
        /** {@code ~.}: close the session. */
        CLOSE,
        /** {@code ~?}: list the escapes. */
        LIST,
        /** {@code ~^Z} or the detach key: give the screen back to the list while the session runs. */
        DETACH,
        /** {@code ~^Z} where there is no list to go back to ({@code jhosts connect}). */
        CANNOT_DETACH,
        /** The next-session key: straight to the next live session. */
        NEXT,
        /** The previous-session key. */
        PREVIOUS;

        /** Whether the keyboard stops being the session's after it. */
        boolean leaves() {
            return this != LIST && this != CANNOT_DETACH;
        }
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
    private final SessionKeys keys;
    private final boolean detachable;
    private boolean afterNewline = true;
    private boolean pending;
    private boolean left;

    /** @param escapeChar the escape character (0–255), or {@code -1} for none */
    EscapeScanner(int escapeChar) {
        this(escapeChar, SessionKeys.NONE, true);
    }

    EscapeScanner(int escapeChar, SessionKeys keys, boolean detachable) {
        if (escapeChar < -1 || escapeChar > 255) {
            throw new IllegalArgumentException("escape character out of range: " + escapeChar);
        }
        this.escape = escapeChar;
        this.escapeByte = new byte[] {(byte) escapeChar};
        this.keys = keys;
        this.detachable = detachable;
    }

    /**
     * Passes {@code length} bytes of {@code bytes} to {@code sink}, acting on the escapes among
     * them. Returns how many bytes it took: all of them, unless a command that leaves the session
     * ({@link Command#leaves()}) was seen, in which case the bytes after it are not taken (they
     * belong to whoever gets the keyboard next), and nothing more is taken afterwards.
     */
    int scan(byte[] bytes, int offset, int length, Sink sink) throws IOException {
        if (left) {
            return 0;
        }
        int end = offset + length;
        int run = offset; // start of the bytes not yet sent
        for (int i = offset; i < end; i++) {
            Command key = sessionKeyAt(bytes, i, end);
            if (key != null) {
                if (pending) {
                    pending = false;
                    sink.send(escapeByte, 0, 1);
                }
                if (i > run) {
                    sink.send(bytes, run, i - run);
                }
                return leave(key, i + keyLength(key) - offset, sink);
            }
            int b = bytes[i] & 0xff;
            if (pending) {
                pending = false;
                if (b == '.') {
                    return leave(Command.CLOSE, i + 1 - offset, sink);
                }
                if (b == CONTROL_Z && detachable) {
                    return leave(Command.DETACH, i + 1 - offset, sink);
                }
                if (b == '?' || b == CONTROL_Z) {
                    // the escape and its letter are not sent; the next byte may start another escape
                    run = i + 1;
                    sink.command(b == '?' ? Command.LIST : Command.CANNOT_DETACH);
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
            if (escape >= 0 && afterNewline && b == escape) {
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
        return length;
    }

    /** Whether a command that leaves the session was seen. */
    boolean left() {
        return left;
    }

    private int leave(Command command, int taken, Sink sink) throws IOException {
        left = true;
        sink.command(command);
        return taken;
    }

    private Command sessionKeyAt(byte[] bytes, int offset, int end) {
        if (keys.detach().matchesAt(bytes, offset, end)) {
            return Command.DETACH;
        }
        if (keys.next().matchesAt(bytes, offset, end)) {
            return Command.NEXT;
        }
        if (keys.previous().matchesAt(bytes, offset, end)) {
            return Command.PREVIOUS;
        }
        return null;
    }

    private int keyLength(Command command) {
        return switch (command) {
            case DETACH -> keys.detach().length();
            case NEXT -> keys.next().length();
            case PREVIOUS -> keys.previous().length();
            default -> 0;
        };
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
    static String help(int escapeChar, SessionKeys keys, boolean detachable) {
        String e = name(escapeChar);
        StringBuilder text = new StringBuilder("\r\njhosts escapes (after a newline):\r\n");
        text.append(" ").append(e).append(".  close this session\r\n");
        text.append(" ").append(e).append("^Z ").append(detachable ? "detach: back to the list, the session goes on"
                : "detach (not here: no list to go back to)").append("\r\n");
        text.append(" ").append(e).append("?  this list\r\n");
        text.append(" ").append(e).append(e).append("  send one ").append(e).append("\r\n");
        if (detachable) {
            keyLine(text, keys.detach(), "detach");
            keyLine(text, keys.next(), "the next session");
            keyLine(text, keys.previous(), "the previous session");
        }
        return text.toString();
    }

    private static void keyLine(StringBuilder text, SessionKey key, String what) {
        if (!key.isNone()) {
            text.append(" ").append(key.name()).append(" (any time): ").append(what).append("\r\n");
        }
    }
}

package dev.jhosts.session.screen;

/**
 * Splits the session's bytes into characters and control functions, the way a VT500-series
 * terminal does (the state machine of ECMA-48 and DEC STD 070, as xterm follows it), and hands
 * them to the {@link Emulator}. Input may be cut anywhere: all state lives in fields.
 *
 * <p>UTF-8 is decoded here; a malformed or overlong sequence, a surrogate, or a sequence cut by a
 * control character gives U+FFFD. C0 controls act also in the middle of an escape sequence; CAN
 * and SUB cancel one. Strings: OSC up to {@link #OSC_LIMIT} bytes are kept (the rest of a longer
 * one is dropped), DCS, APC, PM and SOS are skipped up to their ST whatever their length, and
 * nothing of theirs is kept.
 */
final class VtParser {
    static final int OSC_LIMIT = 4096;

    private static final int GROUND = 0;
    private static final int ESCAPE = 1;
    private static final int CSI = 2;
    private static final int CSI_IGNORE = 3;
    private static final int OSC = 4;
    private static final int OSC_ESCAPE = 5;
    private static final int SKIP_STRING = 6;
    private static final int SKIP_STRING_ESCAPE = 7;

    private static final int ESC = 0x1b;
    private static final int BEL = 0x07;
    private static final int CAN = 0x18;
    private static final int SUB = 0x1a;
    private static final int REPLACEMENT = 0xfffd;

    private final Emulator emulator;
    private final CsiParameters parameters = new CsiParameters();
    private final byte[] osc = new byte[OSC_LIMIT];
    private int oscLength;
    private int state = GROUND;
    private int escapeIntermediate;
    // UTF-8 decoding: the code point so far, the continuation bytes still expected, the smallest
    // value the sequence's length allows (to refuse overlong forms)
    private int utf8CodePoint;
    private int utf8Remaining;
    private int utf8Minimum;

    VtParser(Emulator emulator) {
        this.emulator = emulator;
    }

    void reset() {
        state = GROUND;
        utf8Remaining = 0;
    }

    void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (state == GROUND && utf8Remaining == 0 && Emulator.isPrintableAscii(bytes[i])) {
                // the fast path: a run of printable ASCII goes to the rows in one pass
                i = emulator.printAscii(bytes, i, end);
                continue;
            }
            int b = bytes[i++] & 0xff;
            switch (state) {
                case GROUND -> ground(b);
                case ESCAPE -> escape(b);
                case CSI, CSI_IGNORE -> csi(b);
                case OSC -> osc(b);
                case OSC_ESCAPE -> oscEscape(b);
                case SKIP_STRING -> skipString(b);
                default -> skipStringEscape(b);
            }
        }
    }

    private void ground(int b) {
        if (utf8Remaining > 0) {
            if ((b & 0xc0) == 0x80) {
                utf8CodePoint = utf8CodePoint << 6 | (b & 0x3f);
                if (--utf8Remaining == 0) {
                    int cp = utf8CodePoint;
                    boolean valid = cp >= utf8Minimum && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
                    emulator.print(valid ? cp : REPLACEMENT);
                }
                return;
            }
            utf8Remaining = 0;
            emulator.print(REPLACEMENT); // cut short: the byte that cut it is read afresh
        }
        if (b < 0x20 || b == 0x7f) {
            control(b);
        } else if (b < 0x80) {
            emulator.print(b);
        } else if (b >= 0xc2 && b <= 0xdf) {
            startUtf8(b & 0x1f, 1, 0x80);
        } else if (b >= 0xe0 && b <= 0xef) {
            startUtf8(b & 0x0f, 2, 0x800);
        } else if (b >= 0xf0 && b <= 0xf4) {
            startUtf8(b & 0x07, 3, 0x10000);
        } else {
            emulator.print(REPLACEMENT); // a stray continuation byte, C0/C1 lead bytes, F5–FF
        }
    }

    private void startUtf8(int bits, int remaining, int minimum) {
        utf8CodePoint = bits;
        utf8Remaining = remaining;
        utf8Minimum = minimum;
    }

    /** A C0 control anywhere but inside a string. */
    private void control(int b) {
        if (b == ESC) {
            state = ESCAPE;
            escapeIntermediate = 0;
        } else if (b == CAN || b == SUB) {
            state = GROUND;
        } else if (b != 0x7f) {
            emulator.control(b);
        }
    }

    private void escape(int b) {
        if (b < 0x20) {
            control(b);
        } else if (b < 0x30) {
            escapeIntermediate = b; // ESC ( 0, ESC # 8, ESC SP F …: the last intermediate counts
        } else if (b == '[' && escapeIntermediate == 0) {
            parameters.clear();
            state = CSI;
        } else if (b == ']' && escapeIntermediate == 0) {
            oscLength = 0;
            state = OSC;
        } else if ((b == 'P' || b == 'X' || b == '^' || b == '_') && escapeIntermediate == 0) {
            state = SKIP_STRING;
        } else if (b < 0x7f) {
            state = GROUND;
            emulator.escape(escapeIntermediate, b);
        } else {
            state = GROUND;
        }
    }

    private void csi(int b) {
        if (b >= '0' && b <= '9') {
            if (parameters.intermediate != 0) {
                state = CSI_IGNORE;
            } else {
                parameters.digit(b - '0');
            }
        } else if (b == ';' || b == ':') {
            if (parameters.intermediate != 0) {
                state = CSI_IGNORE;
            } else {
                parameters.separator(b == ':');
            }
        } else if (b >= 0x3c && b <= 0x3f) {
            if (parameters.count == 0 && parameters.privateMarker == 0 && parameters.intermediate == 0) {
                parameters.privateMarker = b;
            } else {
                state = CSI_IGNORE;
            }
        } else if (b >= 0x20 && b < 0x30) {
            parameters.intermediate = b;
        } else if (b >= 0x40 && b < 0x7f) {
            boolean ignored = state == CSI_IGNORE;
            state = GROUND;
            if (!ignored) {
                emulator.csi(parameters, b);
            }
        } else if (b < 0x20) {
            control(b);
        } else if (b >= 0x80) {
            state = GROUND; // not a valid sequence byte: drop the sequence
        }
    }

    private void osc(int b) {
        if (b == BEL) {
            state = GROUND;
            emulator.osc(osc, oscLength);
        } else if (b == ESC) {
            state = OSC_ESCAPE;
        } else if (b == CAN || b == SUB) {
            state = GROUND;
        } else if (b >= 0x20 && oscLength < OSC_LIMIT) {
            osc[oscLength++] = (byte) b;
        }
    }

    private void oscEscape(int b) {
        state = GROUND;
        emulator.osc(osc, oscLength); // ESC \ is ST; any other ESC ends the string too (xterm)
        if (b != '\\') {
            control(ESC);
            escape(b);
        }
    }

    private void skipString(int b) {
        if (b == ESC) {
            state = SKIP_STRING_ESCAPE;
        } else if (b == CAN || b == SUB) {
            state = GROUND;
        }
    }

    private void skipStringEscape(int b) {
        if (b == '\\') {
            state = GROUND;
        } else if (b != ESC) {
            state = SKIP_STRING;
        }
    }
}

package dev.jhosts.mux;

/** Wire constants of the OpenSSH mux protocol (names as in OpenSSH's mux.c). */
final class MuxMessageTypes {
    private MuxMessageTypes() {}

    static final int PROTOCOL_VERSION = 4;

    static final int MUX_MSG_HELLO = 0x00000001;
    static final int MUX_C_NEW_SESSION = 0x10000002;
    static final int MUX_C_ALIVE_CHECK = 0x10000004;
    static final int MUX_C_TERMINATE = 0x10000005;
    static final int MUX_C_OPEN_FWD = 0x10000006;
    static final int MUX_C_CLOSE_FWD = 0x10000007;
    static final int MUX_C_NEW_STDIO_FWD = 0x10000008;
    static final int MUX_C_STOP_LISTENING = 0x10000009;

    static final int MUX_S_OK = 0x80000001;
    static final int MUX_S_PERMISSION_DENIED = 0x80000002;
    static final int MUX_S_FAILURE = 0x80000003;
    static final int MUX_S_EXIT_MESSAGE = 0x80000004;
    static final int MUX_S_ALIVE = 0x80000005;
    static final int MUX_S_SESSION_OPENED = 0x80000006;
    static final int MUX_S_REMOTE_PORT = 0x80000007;
    static final int MUX_S_TTY_ALLOC_FAIL = 0x80000008;

    /** The master accepts messages up to 256 KiB. */
    static final int MAX_MESSAGE_LENGTH = 256 * 1024;

    /** escape_char meaning "no escape character". */
    static final int NO_ESCAPE_CHAR = 0xFFFFFFFF;
}

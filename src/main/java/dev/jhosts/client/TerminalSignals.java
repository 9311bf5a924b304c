package dev.jhosts.client;

import org.jline.nativ.CLibrary;

/** Whether a terminal turns the interrupt character into SIGINT now (ISIG in its local modes). */
final class TerminalSignals {
    /** ISIG's bit in c_lflag (Linux; 0x80 on the BSDs and macOS). */
    private static final long ISIG = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
            .contains("linux") ? 0x1 : 0x80;

    private TerminalSignals() {}

    static boolean generatesSignals(int fd) {
        CLibrary.Termios termios = new CLibrary.Termios();
        return CLibrary.tcgetattr(fd, termios) == 0 && (termios.c_lflag & ISIG) != 0;
    }
}

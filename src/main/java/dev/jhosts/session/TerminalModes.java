package dev.jhosts.session;

import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;

/** Terminal modes for a byte-exact session. */
final class TerminalModes {
    private TerminalModes() {}

    /**
     * {@code base} made raw the way OpenSSH's own client does it (sshtty.c enter_raw_mode): no
     * echo, no line editing, no signals from Ctrl-C/Ctrl-Z/Ctrl-\, no XON/XOFF flow control
     * (Ctrl-S/Ctrl-Q reach the remote), no CR/NL translation either way, one byte at a time.
     */
    static Attributes raw(Attributes base) {
        Attributes raw = new Attributes(base);
        raw.setInputFlag(InputFlag.IGNPAR, true);
        raw.setInputFlags(EnumSet.of(InputFlag.ISTRIP, InputFlag.INLCR, InputFlag.IGNCR, InputFlag.ICRNL,
                InputFlag.IXON, InputFlag.IXANY, InputFlag.IXOFF), false);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ECHOE,
                LocalFlag.ECHOK, LocalFlag.ECHONL, LocalFlag.IEXTEN), false);
        raw.setOutputFlag(OutputFlag.OPOST, false);
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        return raw;
    }
}

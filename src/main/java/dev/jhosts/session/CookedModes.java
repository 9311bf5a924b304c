package dev.jhosts.session;

import dev.jhosts.terminal.TerminalDevice;
import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.impl.jni.linux.LinuxNativePty;

/**
 * The modes of a terminal nobody has taken yet, as JLine's attributes: those a session's PTY is
 * opened with (MUX_C_NEW_SESSION copies them into the remote pty request).
 */
public final class CookedModes {
    private CookedModes() {}

    /** The current modes of {@code device} (tcgetattr); the device stays open, as it was. */
    public static Attributes of(TerminalDevice device) throws IOException {
        // JLine's pty over the descriptor, only to read it: closing it would close the descriptor
        return new LinuxNativePty(new JniTerminalProvider(), null, -1, null, device.number(), device.descriptor(),
                "jhosts-first-frame").getAttr();
    }
}

package dev.jhosts.session;

import dev.jhosts.terminal.TerminalDevice;
import java.io.IOException;
import java.nio.charset.Charset;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.impl.jni.linux.LinuxNativePty;
import org.jline.terminal.spi.Pty;
import org.jline.terminal.spi.SystemStream;
import org.jline.nativ.JLineNativeLoader;
import org.jline.utils.InfoCmp;
import org.jline.utils.ShutdownHooks;

/**
 * JLine's system terminal (its pty, streams, attributes, size and signals) without the two
 * things jhosts does itself:
 * <ul>
 *   <li>terminal capabilities: Lanterna writes its own ANSI sequences, and parsing JLine's
 *       capability tables is the costliest step of opening JLine's terminal (≈12 ms of a
 *       start);</li>
 *   <li>JLine's shutdown task, which would write back attributes without the line speed and
 *       race the exact restore of {@link Console}.</li>
 * </ul>
 */
final class BareSysTerminal extends PosixSysTerminal {
    private static final String NAME = "jhosts";
    /** A type name for JLine's bookkeeping; no capabilities are looked up for it. */
    private static final String TYPE = "ansi";

    /** Whether the process's own signals reach this terminal's handlers (false: a client relays them). */
    private final boolean processSignals;

    private BareSysTerminal(Pty pty, Charset charset, boolean processSignals) throws IOException {
        // nativeSignals false: JLine would set SIGINT and SIGQUIT to their native defaults, which
        // end the JVM without its shutdown hooks (and so without restoring the terminal)
        super(NAME, TYPE, pty, charset, false, Terminal.SignalHandler.SIG_DFL);
        this.processSignals = processSignals;
        ShutdownHooks.remove(closer);
    }

    /**
     * The terminal of {@code device}, through JLine's JNI provider (its provider discovery costs
     * ~50 ms): the process's own, or a tty a client passed, whose signals (SIGWINCH) the client
     * relays and {@link #raise} delivers.
     */
    static BareSysTerminal open(TerminalDevice device, Charset charset) throws IOException {
        JniTerminalProvider provider = new JniTerminalProvider();
        Pty pty = device.ownProcess() ? provider.current(SystemStream.Output)
                : new LinuxNativePty(provider, null, -1, null, device.number(), device.descriptor(), "jhosts-client");
        try {
            return new BareSysTerminal(pty, charset, device.ownProcess());
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    /** Loads JLine's native library and the capability names JLine's terminal keys its tables by. */
    static void loadNativeSupport() {
        JLineNativeLoader.initialize();
        InfoCmp.Capability.values();
    }

    /**
     * A client's terminal keeps its handlers to itself: the server process has no terminal of
     * its own, and a process-wide handler would be one for every client.
     */
    @Override
    public SignalHandler handle(Signal signal, SignalHandler handler) {
        if (processSignals) {
            return super.handle(signal, handler);
        }
        return handlers.put(signal, handler);
    }

    @Override
    protected void parseInfoCmp() {
        // no capabilities: see the class comment
    }
}

package dev.jhosts.tui;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.jhosts.session.screen.ScreenModel;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises, on a second thread while the settings and the catalogue are read, the
 * libraries' one-time state that the first frame needs and that depends on nothing jhosts
 * reads: JLine's native library (the longest: it brings java.util.logging up), Lanterna's colour
 * table (made with {@code String.format}), and the JDK's character tables that Lanterna
 * consults for each character it draws. Each is a class initialisation, so the picker's thread
 * either finds it done, waits for one still under way, or does it itself if it gets there
 * first. Touches no terminal, file or process.
 *
 * <p>Measured on two cores: ≈10 ms less to the first frame. Opening the terminal itself on
 * this thread as well gained nothing more.
 */
final class LibraryWarmUp implements Runnable {
    private LibraryWarmUp() {}

    static void start() {
        Thread thread = new Thread(new LibraryWarmUp(), "jhosts-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static final AtomicBoolean SESSIONS_WARMED = new AtomicBoolean();

    /**
     * After the first frame: what the first session needs and nothing before it does (the
     * session classes, the screen model's parser), so that Enter does not pay for loading them.
     */
    static void forSessions() {
        // once a process: a server shows many pickers, and the second would only compete with its Enter
        if (!SESSIONS_WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                ScreenModel model = new ScreenModel(80, 24);
                byte[] sample = "\033[H\033[2J\033[1;32muser@host\033[0m:~$ ls\r\nfile  \u00e9t\u00e9\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (int i = 0; i < 200; i++) {
                    model.feed(sample, 0, sample.length);
                }
                model.repaint();
                Class.forName("dev.jhosts.session.BridgedSession");
                Class.forName("dev.jhosts.session.PtyBridge");
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                // the session's own thread meets the same problem and reports it
            }
        }, "jhosts-warm-up-sessions");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    @Override
    public void run() {
        try {
            TerminalOwner.loadNativeSupport();
            TextColor colour = TextColor.ANSI.DEFAULT;
            TextCharacter.fromString("a", colour, colour);
            Character.UnicodeBlock.of('a');
        } catch (RuntimeException | LinkageError e) {
            // the picker's thread meets the same problem and reports it
        }
    }
}

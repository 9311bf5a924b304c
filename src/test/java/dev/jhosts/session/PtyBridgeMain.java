package dev.jhosts.session;

import dev.jhosts.mux.SessionEnd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Test-only program for end-to-end tests in a real terminal (tmux): a {@link PtyBridge} session
 * on JLine's system terminal, held raw the way the TUI holds it; then prints one line with the
 * status and exits with it:
 * {@code java -cp <test classpath> dev.jhosts.session.PtyBridgeMain SOCKET PID [COMMAND]}.
 */
public final class PtyBridgeMain {
    private PtyBridgeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PtyBridgeMain SOCKET PID [COMMAND]");
            System.exit(2);
        }
        String command = String.join(" ", Arrays.asList(args).subList(2, args.length));
        SessionSpec spec = SessionSpec.fromEnvironment(command, SessionSpec.DEFAULT_ESCAPE, System.getenv(),
                SessionSpec.DEFAULT_SEND_ENV);
        SessionEnd end;
        try (Terminal terminal = TerminalBuilder.builder().system(true).jni(true).build()) {
            Attributes cooked = terminal.enterRawMode();
            try {
                end = new PtyBridge(terminal, cooked, Path.of(args[0]), Long.parseLong(args[1]), Duration.ofSeconds(20))
                        .run(spec);
            } finally {
                terminal.setAttributes(cooked);
            }
            terminal.writer().println("[PtyBridgeMain: status " + end.status()
                    + (end.exitMessageReceived() ? "" : ", no exit message")
                    + (end.ttyAllocationFailed() ? ", tty allocation failed" : "") + "]");
            terminal.flush();
        }
        System.exit(end.status());
    }
}

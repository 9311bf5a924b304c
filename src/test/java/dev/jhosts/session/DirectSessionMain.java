package dev.jhosts.session;

import dev.jhosts.mux.SessionEnd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only program: a {@link DirectSession} on this process's own stdin/stdout/stderr, exiting
 * with the remote status. For tests that need their own stdio (and for end-to-end tests in tmux):
 * {@code java -cp <test classpath> dev.jhosts.session.DirectSessionMain SOCKET PID auto|always|never [COMMAND]}.
 * Sends LANG, LC_* and JHOSTS_TEST_* (the master's SendEnv filters them again).
 */
public final class DirectSessionMain {
    private DirectSessionMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DirectSessionMain SOCKET PID auto|always|never [COMMAND]");
            System.exit(2);
        }
        DirectSession.Tty tty = DirectSession.Tty.valueOf(args[2].toUpperCase(java.util.Locale.ROOT));
        String command = String.join(" ", Arrays.asList(args).subList(3, args.length));
        List<String> sendEnv = new ArrayList<>(SessionSpec.DEFAULT_SEND_ENV);
        sendEnv.add("JHOSTS_TEST_*");
        SessionSpec spec = SessionSpec.fromEnvironment(command, SessionSpec.DEFAULT_ESCAPE, System.getenv(), sendEnv);
        SessionEnd end = new DirectSession(Path.of(args[0]), Long.parseLong(args[1]), Duration.ofSeconds(20), tty).run(spec);
        System.exit(end.status());
    }
}

package dev.jhosts.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@link TerminalSide} of a process that runs on the user's terminal itself. */
public final class OwnProcess implements TerminalSide {
    /**
     * Java cannot raise a signal, so a child sends SIGTSTP to this process ($1), and ends only
     * once it sees the process stopped: this process reaps it only when continued, so nothing
     * here touches the terminal before {@code fg} (the signal alone arrives at some thread some
     * time later, and the terminal could be taken back before the stop). Gives up after 3 s
     * (SIGTSTP ignored); without {@code ps} it waits a second instead of watching.
     */
    private static final String STOP_AND_CONFIRM = "kill -TSTP \"$1\" || exit 1\n"
            + "command -v ps >/dev/null 2>&1 || { sleep 1; exit 0; }\n"
            + "i=0\n"
            + "while [ $i -lt 300 ]; do\n"
            + "  case $(ps -o stat= -p \"$1\" | tr -d ' ') in T*) exit 0;; esac\n"
            + "  sleep 0.01; i=$((i + 1))\n"
            + "done\n"
            + "echo 'this process did not stop on SIGTSTP'; exit 1\n";

    @Override
    public int run(List<String> command) throws IOException, InterruptedException {
        try (ProcessSignals.Handling ignoreInterrupt = ProcessSignals.handle("INT", () -> { })) {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        }
    }

    @Override
    public void stop() throws IOException {
        try {
            Process stopper = new ProcessBuilder("sh", "-c", STOP_AND_CONFIRM, "sh",
                    Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true)
                    .start();
            stopper.getOutputStream().close();
            String output = new String(stopper.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = stopper.waitFor();
            if (status != 0) {
                throw new IOException(output.isEmpty() ? "this process did not stop on SIGTSTP" : output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

package dev.jhosts.tui;

import dev.jhosts.config.SessionSettings;
import dev.jhosts.tui.state.UiEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Inside tmux ({@code $TMUX} set), opens a host in a new tmux window (or a split of the
 * picker's pane, setting {@code tmux-open}) running {@code jhosts connect HOST} with the picker's
 * own {@code -F} and {@code -c}: for users who would rather switch with tmux. The session rides
 * the same master either way: the window gets the picker's XDG directories (where the control
 * sockets and settings are) and agent socket, over the tmux server's environment. tmux runs the
 * command itself, without a shell.
 */
final class TmuxOpener {
    private static final long LIMIT_SECONDS = 5;
    /** What jhosts connect needs to find the picker's masters and settings, and the agent. */
    private static final List<String> PASSED_ON = List.of("XDG_RUNTIME_DIR", "XDG_STATE_HOME", "XDG_CONFIG_HOME",
            "SSH_AUTH_SOCK");

    private final List<String> jhostsCommand;
    private final SessionSettings.TmuxOpen how;
    private final boolean insideTmux;
    private final List<String> passedOn;
    private final Consumer<UiEvent> events;

    /** @param jhostsCommand the launcher and its global options, to which {@code connect HOST} is added */
    TmuxOpener(List<String> jhostsCommand, SessionSettings.TmuxOpen how, Map<String, String> environment,
            Consumer<UiEvent> events) {
        this.jhostsCommand = List.copyOf(jhostsCommand);
        this.how = how;
        this.insideTmux = !environment.getOrDefault("TMUX", "").isEmpty();
        List<String> variables = new ArrayList<>();
        for (String name : PASSED_ON) {
            String value = environment.getOrDefault(name, "");
            if (!value.isEmpty()) {
                variables.addAll(List.of("-e", name + "=" + value));
            }
        }
        this.passedOn = List.copyOf(variables);
        this.events = events;
    }

    /** The tmux command for {@code alias}. */
    List<String> command(String alias) {
        List<String> line = new ArrayList<>(how == SessionSettings.TmuxOpen.WINDOW
                ? List.of("tmux", "new-window", "-n", alias)
                : List.of("tmux", "split-window"));
        line.addAll(passedOn);
        line.add("--");
        line.addAll(jhostsCommand);
        line.addAll(List.of("connect", alias));
        return line;
    }

    /** Opens {@code alias} in tmux off the UI thread; the outcome comes back as a notice. */
    void open(String alias) {
        if (!insideTmux) {
            events.accept(new UiEvent.Notice("not inside tmux: F5 opens a host in a tmux window when jhosts runs in tmux"));
            return;
        }
        Thread opener = new Thread(() -> events.accept(new UiEvent.Notice(run(alias))), "jhosts-tmux");
        opener.setDaemon(true);
        opener.start();
    }

    private String run(String alias) {
        try {
            Process tmux = new ProcessBuilder(command(alias)).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!tmux.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                tmux.destroyForcibly();
                return "tmux did not answer within " + LIMIT_SECONDS + "s";
            }
            String output = new String(tmux.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (tmux.exitValue() != 0) {
                return "tmux: " + (output.isEmpty() ? "exit " + tmux.exitValue() : output);
            }
            return alias + ": opened in a tmux " + (how == SessionSettings.TmuxOpen.WINDOW ? "window" : "split");
        } catch (IOException e) {
            return "cannot run tmux: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

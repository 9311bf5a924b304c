package dev.jhosts.demo;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A demo session's shell or exec request, run for real: on a pseudo-terminal made by pty4j when
 * the client sent a pty-req (the shell's controlling terminal: job control, Ctrl-C, resizes
 * through window-change), else on pipes with stdout and stderr apart. The command's exit
 * status goes back in the channel's exit-status; a session whose channel closes is hung up.
 */
final class SessionCommand implements Command {
    /** After the command exits, how long its last output may take to arrive (background jobs may hold the terminal open). */
    private static final long DRAIN_MILLIS = 500;
    private static final int DEFAULT_COLUMNS = 80;
    private static final int DEFAULT_ROWS = 24;

    private final DemoHost host;
    private final SessionRequest request;
    private final SessionShell shell;
    private final SessionProcesses processes;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;

    SessionCommand(DemoHost host, SessionRequest request, SessionShell shell, SessionProcesses processes) {
        this.host = host;
        this.request = request;
        this.shell = shell;
        this.processes = processes;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Map<String, String> requested = env.getEnv();
        // MINA records a pty-req as the environment's COLUMNS and LINES (and TERM, and the modes)
        boolean onPty = requested.containsKey(Environment.ENV_COLUMNS) && requested.containsKey(Environment.ENV_LINES);
        Thread output;
        List<Thread> errors;
        if (onPty) {
            List<String> modes = SttyArguments.of(env.getPtyModes());
            PtyProcess pty = new PtyProcessBuilder(shell.onPty(request).toArray(String[]::new))
                    .setEnvironment(shell.terminalEnvironment(host, requested, modes))
                    .setDirectory(shell.home().toString())
                    .setInitialColumns(size(requested, Environment.ENV_COLUMNS, DEFAULT_COLUMNS))
                    .setInitialRows(size(requested, Environment.ENV_LINES, DEFAULT_ROWS))
                    // keeps a descriptor of the terminal open so that what the shell wrote just
                    // before it exited can still be read
                    .setUnixOpenTtyToPreserveOutputAfterTermination(true)
                    .start();
            process = pty;
            env.addSignalListener((signalled, signal) -> pty.setWinSize(new WinSize(
                    size(env.getEnv(), Environment.ENV_COLUMNS, DEFAULT_COLUMNS),
                    size(env.getEnv(), Environment.ENV_LINES, DEFAULT_ROWS))), Signal.WINCH);
            output = Pump.start(pty.getInputStream(), out, "out", false);
            errors = List.of();
            // input to a terminal: the client's EOF is no reason to close it (sshd does not either)
            Pump.start(in, pty.getOutputStream(), "in", false);
        } else {
            ProcessBuilder builder = new ProcessBuilder(shell.onPipes(request)).directory(shell.home().toFile());
            builder.environment().clear();
            builder.environment().putAll(shell.environment(host, requested));
            Process piped = builder.start();
            process = piped;
            output = Pump.start(piped.getInputStream(), out, "out", false);
            errors = List.of(Pump.start(piped.getErrorStream(), err, "err", false));
            Pump.start(in, piped.getOutputStream(), "in", true);
        }
        if (onPty || SessionShell.setsid().isPresent()) {
            processes.started(process.pid());
        }
        Process started = process;
        Thread waiter = new Thread(() -> awaitExit(started, output, errors),
                "jhosts-demo-" + request.describe() + "-" + host.alias());
        waiter.setDaemon(true);
        waiter.start();
    }

    private void awaitExit(Process started, Thread output, List<Thread> errors) {
        int status;
        try {
            status = started.waitFor();
            output.join(DRAIN_MILLIS);
            for (Thread pump : errors) {
                pump.join(DRAIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 255;
        }
        exit.onExit(status);
    }

    private static int size(Map<String, String> env, String name, int otherwise) {
        try {
            int value = Integer.parseInt(env.getOrDefault(name, ""));
            return value > 0 ? value : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The channel closed (the command ended, or the client went away): the session is hung up. */
    @Override
    public void destroy(ChannelSession channel) {
        Process running = process;
        if (running == null) {
            return;
        }
        processes.hangUp(running.pid());
        if (running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(1, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.destroyForcibly();
            }
        }
    }
}

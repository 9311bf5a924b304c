package dev.jhosts.server;

import dev.jhosts.terminal.ProcFiles;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link ToServer.Purpose#COMMAND} connection: the command runs on this thread with the client's
 * streams, while another reads the client's Ctrl-C (or its going away); the client is told the
 * status, or to run the command itself.
 */
final class ServedCommand {
    private ServedCommand() {}

    static void serve(ToServer.Hello hello, int client, DataInputStream in, long pid, ClientLink link,
            ServedCommands commands, PrintStream log) throws IOException {
        Interruption interruption = new Interruption();
        Thread reader = new Thread(() -> readClient(in, interruption), "jhosts-server-command-input");
        reader.setDaemon(true);
        reader.start();
        PrintStream out = new PrintStream(new ClientOutput(link, ToClient.Stream.OUT), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ClientOutput(link, ToClient.Stream.ERR), false, StandardCharsets.UTF_8);
        Optional<OutputTerminal> terminal = OutputTerminal.of(pid);
        try {
            ServedCall call = new ServedCall(hello.arguments(), Path.of(hello.directory()), hello.environment(), out, err,
                    terminal, input(pid), interruption);
            ServedCommands.Outcome outcome;
            long began = System.nanoTime();
            link.send(new ToClient.Started());
            try {
                outcome = commands.run(call);
            } catch (RuntimeException bug) {
                log.println("jhosts server: a served command failed: " + bug);
                err.println("jhosts: " + bug);
                outcome = new ServedCommands.Outcome.Finished(1);
            }
            out.flush();
            err.flush();
            String name = name(hello);
            if (outcome instanceof ServedCommands.Outcome.RunHere) {
                log.println("jhosts server: client " + client + ": " + name + " runs at the client");
                link.send(new ToClient.Declined(ToClient.Reason.RUN_HERE));
            } else {
                int status = ((ServedCommands.Outcome.Finished) outcome).status();
                log.println("jhosts server: client " + client + ": " + name + " ran here, status " + status + ", "
                        + (System.nanoTime() - began) / 1_000_000 + " ms");
                link.send(new ToClient.Exit(status, ""));
            }
        } finally {
            terminal.ifPresent(OutputTerminal::close);
        }
    }

    /** What the client's standard input is, from the name of {@code /proc/PID/fd/0}; data when that cannot be read. */
    private static ServedCall.Input input(long pid) {
        Optional<String> target = ProcFiles.target(pid, 0);
        if (target.isEmpty()) {
            return ServedCall.Input.DATA;
        }
        if (target.get().equals("/dev/null")) {
            return ServedCall.Input.EMPTY;
        }
        return ProcFiles.namesTerminal(target.get()) ? ServedCall.Input.TERMINAL : ServedCall.Input.DATA;
    }

    /** The command's name, for the log: only that (its paths and hosts are the user's business). */
    static String name(ToServer.Hello hello) {
        return hello.arguments().isEmpty() || !hello.arguments().get(0).matches("[a-z-]{1,20}") ? "a command"
                : hello.arguments().get(0);
    }

    /** The client's messages while its command runs: Ctrl-C, or the end of the connection (it went away). */
    private static void readClient(DataInputStream in, Interruption interruption) {
        try {
            while (true) {
                if (ServerWire.readToServer(in) instanceof ToServer.Interrupted) {
                    interruption.happen();
                }
            }
        } catch (IOException gone) {
            interruption.happen();
        }
    }
}

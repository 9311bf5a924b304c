package dev.jhosts.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command a client asked the server to run: its words (after the global options, which name
 * the server), where the client runs, the client's standard output and error (framed over the
 * socket, {@link ToClient.Output}), its standard output's terminal when it is one, and Ctrl-C.
 */
public final class ServedCall {
    private final List<String> arguments;
    private final Path directory;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<OutputTerminal> terminal;
    private final Interruption interruption;
    private final Input input;

    /** What the client's standard input is: a terminal, {@code /dev/null}, or anything else (data). */
    public enum Input {
        TERMINAL,
        EMPTY,
        DATA
    }

    ServedCall(List<String> arguments, Path directory, Map<String, String> environment, PrintStream out,
            PrintStream err, Optional<OutputTerminal> terminal, Input input, Interruption interruption) {
        this.input = input;
        this.arguments = List.copyOf(arguments);
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.interruption = interruption;
    }

    /** The command's words, {@code cp} first. */
    public List<String> arguments() {
        return arguments;
    }

    /** The client's working directory, against which its relative paths are meant. */
    public Path directory() {
        return directory;
    }

    /** The allowed part of the client's environment ({@link ClientEnvironment}). */
    public Map<String, String> environment() {
        return environment;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /**
     * What the client's standard input is. The server never reads it: a command that would read
     * data from it runs in the client ({@link ServedCommands.Outcome.RunHere}).
     */
    public Input input() {
        return input;
    }

    /** The terminal the client's standard output is, if it is one (for progress redrawn in place). */
    public Optional<OutputTerminal> outputTerminal() {
        return terminal;
    }

    /**
     * Runs {@code action} (once) when the user presses Ctrl-C at the client, or the client goes
     * away (killed, its terminal closed): the command should stop and clean up as for SIGINT.
     * Closing the returned handle forgets it.
     */
    public AutoCloseable onInterrupt(Runnable action) {
        return interruption.handle(action);
    }
}

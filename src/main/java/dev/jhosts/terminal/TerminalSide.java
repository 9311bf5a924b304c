package dev.jhosts.terminal;

import java.io.IOException;
import java.util.List;

/**
 * What must run where the user's terminal is, not in the process that draws on it: a program
 * that needs the terminal as its controlling tty (plain {@code ssh} asking on {@code /dev/tty})
 * and a Ctrl-Z stop. For the picker of this process it is this process ({@link OwnProcess}); for
 * a picker the jhosts server draws on a client's terminal, the client does it when asked.
 * The caller has given the terminal back in its normal modes first and takes it again after.
 */
public interface TerminalSide {
    /**
     * Runs {@code command} on the terminal (standard input, output and error) to its end; returns
     * its exit status. SIGINT typed meanwhile goes to the program, not to jhosts.
     */
    int run(List<String> command) throws IOException, InterruptedException;

    /** Stops the terminal's jhosts process as the terminal's SIGTSTP would; returns once it is continued ({@code fg}). */
    void stop() throws IOException;
}

package dev.jhosts.cli;

import dev.jhosts.config.SettingsException;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.Masters;
import java.util.Optional;

/**
 * Where a command runs: in this process ({@link ProcessGround}: the settings read now, masters
 * of its own, its standard streams and signals), or in the jhosts server for one of its clients
 * ({@link ServedGround}: the server's settings and masters, the client's streams over the socket).
 */
sealed interface CommandGround permits ProcessGround, ServedGround {
    /** The settings and files the command runs with ({@code global} names them in this process). */
    Context context(GlobalOptions global) throws SettingsException;

    /** Masters over {@code hosts}, for the command's duration. */
    MastersLease masters(Context context, HostConfigs hosts) throws MasterException;

    /** Where the command writes, and how it learns of Ctrl-C. */
    CommandStreams streams();

    /** What the command's standard input is. */
    Input input();

    /**
     * Whether the command can read its standard input ({@code System.in}): in this process; never
     * in the server, which a command that needs it leaves to the client ({@link RunHere}).
     */
    boolean hasStandardInput();

    /** A variable of the environment the command was started in (the allowed ones for a client). */
    Optional<String> environment(String name);

    /** What a command's standard input is: a terminal, nothing to read ({@code /dev/null}), or data. */
    enum Input {
        TERMINAL,
        EMPTY,
        DATA
    }

    /** Masters lent to a command: its own are closed after it, the server's stay. */
    record MastersLease(Masters masters, boolean own) implements AutoCloseable {
        @Override
        public void close() {
            if (own) {
                masters.close();
            }
        }
    }

    /**
     * Thrown by a command served for a client before it wrote anything, when it must run in the
     * client's own process instead (it reads the client's standard input).
     */
    final class RunHere extends Exception {
        private static final long serialVersionUID = 1L;

        RunHere(String why) {
            super(why, null, false, false);
        }
    }
}

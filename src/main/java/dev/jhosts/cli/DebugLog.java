package dev.jhosts.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where {@code System.Logger} output goes: with {@code --debug} to
 * {@code $XDG_STATE_HOME/jhosts/jhosts.log} (0600), otherwise nowhere. Never to the terminal,
 * which belongs to the picker or to a session.
 */
final class DebugLog {
    private static final String MANAGER_PROPERTY = "java.util.logging.manager";

    private DebugLog() {}

    /**
     * Makes {@link QuietLogManager} the process' java.util.logging manager, unless one was
     * chosen; to be called before anything touches java.util.logging. (Not a method of that
     * class: initialising it would initialise java.util.logging, which reads the property.)
     */
    static void installQuietManager() {
        if (System.getProperty(MANAGER_PROPERTY) == null) {
            System.setProperty(MANAGER_PROPERTY, "dev.jhosts.cli.QuietLogManager");
        }
    }

    /**
     * Without {@code --debug} nothing is set up (java.util.logging stays unloaded, which keeps
     * start-up fast); jhosts logs only at DEBUG and TRACE, below the JDK's default threshold.
     */
    static void configure(boolean debug, Path stateDirectory) {
        if (!debug) {
            return;
        }
        System.setProperty("jhosts.debug", "true");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        try {
            Files.createDirectories(stateDirectory);
            Path log = stateDirectory.resolve("jhosts.log");
            if (!Files.exists(log)) {
                Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            FileHandler handler = new FileHandler(log.toString(), true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
            root.setLevel(Level.FINE);
        } catch (IOException e) {
            System.err.println("jhosts: cannot write the debug log in " + stateDirectory + ": " + e.getMessage());
        }
    }
}

package dev.jhosts.cli;

import dev.jhosts.config.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where {@code System.Logger} output goes: with {@code --debug} to
 * {@code $XDG_STATE_HOME/jhosts/jhosts.log} (0600 in a 0700 directory, see {@link
 * PrivateFiles}), otherwise nowhere. Never to the terminal, which belongs to the picker or to a
 * session.
 *
 * <p>Not java.util.logging's {@code FileHandler}: it creates its files with the umask's mode
 * (0644), follows a symbolic link planted at the log's name, and when a second jhosts holds the
 * log's lock it writes to {@code jhosts.log.1}, {@code .2}, … instead. Here every jhosts
 * appends to the one file ({@code O_APPEND}: each record is one write, so records of processes
 * running at once do not mix), and a log over {@value #ROTATE_BYTES} bytes at start is renamed
 * {@code jhosts.log.1} (replacing the previous one, and keeping its 0600 mode).
 */
final class DebugLog {
    static final String FILE_NAME = "jhosts.log";
    static final long ROTATE_BYTES = 4L << 20;
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
            Path directory = PrivateFiles.directory(stateDirectory);
            Path log = directory.resolve(FILE_NAME);
            rotate(log);
            root.addHandler(new AppendingHandler(PrivateFiles.open(log, StandardOpenOption.APPEND)));
            root.setLevel(Level.FINE);
        } catch (IOException e) {
            System.err.println(Messages.line("no debug log: " + e.getMessage()));
        }
    }

    /** A log grown past {@link #ROTATE_BYTES} becomes {@code jhosts.log.1}; a rename replaces a link there, never follows it. */
    private static void rotate(Path log) throws IOException {
        if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) && Files.size(log) > ROTATE_BYTES) {
            Files.move(log, log.resolveSibling(FILE_NAME + ".1"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Each record formatted and appended in one write. */
    private static final class AppendingHandler extends Handler {
        private final FileChannel channel;

        AppendingHandler(FileChannel channel) {
            this.channel = channel;
            setFormatter(new SimpleFormatter());
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            try {
                ByteBuffer bytes = ByteBuffer.wrap(getFormatter().format(record).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException | RuntimeException e) {
                // nowhere to say it: the default ErrorManager would print over the picker
            }
        }

        @Override
        public void flush() {
            // every record is written at once
        }

        @Override
        public synchronized void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // as in publish
            }
        }
    }
}

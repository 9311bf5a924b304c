package dev.jhosts.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * The launcher that started this server for a picker's first start, waiting for the first frame
 * before it starts its client's JVM (see {@code src/main/launcher/jhosts}): it reads, until a
 * line or the end of file, a named pipe whose one writer is this process's descriptor 3 (which
 * holds it open both ways). {@link #end} writes that line, then closes the descriptor: once the
 * frame is out, or no frame will be drawn; at the latest {@link #LONGEST_MILLIS} after this
 * server's start, so that a server slow to its frame (a long ssh config, a slow disk) lets the
 * client's JVM start beside it. The pipe's name is removed at once (the launcher holds both of
 * its ends already); the launcher removes it itself when no server ever ran.
 */
public final class LauncherWait {
    /** The property in which the launcher names the pipe (empty: no pipe, no wait). */
    static final String PROPERTY = "jhosts.server.frame-pipe";
    private static final int DESCRIPTOR = 3;
    private static final long LONGEST_MILLIS = 2_000;
    private static final LauncherWait NONE = new LauncherWait(false, System.err);

    private final PrintStream log;
    private boolean open; // guarded by this

    private LauncherWait(boolean open, PrintStream log) {
        this.open = open;
        this.log = log;
    }

    /**
     * This process's launcher's wait, when it waits: the pipe named by {@value #PROPERTY} is
     * descriptor 3 here (the same file as {@code /proc/self/fd/3}, a named pipe). Otherwise one
     * that ends nothing. What goes wrong is said on {@code log}.
     */
    public static LauncherWait ofThisProcess(PrintStream log) {
        String named = System.getProperty(PROPERTY, "");
        if (named.isEmpty()) {
            return NONE;
        }
        Path pipe = Path.of(named);
        Path descriptor = descriptor();
        try {
            // (a named pipe is neither a file, a directory nor a link: "other")
            if (!Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()
                    || !Files.isSameFile(pipe, descriptor)) {
                return NONE; // not a launcher's pipe: nothing of it is touched
            }
            Files.deleteIfExists(pipe);
        } catch (IOException | RuntimeException notOurs) {
            return NONE;
        }
        LauncherWait wait = new LauncherWait(true, log);
        Thread timeout = new Thread(new EndAfter(wait), "jhosts-server-launcher-wait");
        timeout.setDaemon(true);
        timeout.start();
        return wait;
    }

    /**
     * Ends the launcher's wait; once, whoever calls first. The line comes first: written through
     * {@code /proc/self/fd/3}, which never waits (this process holds the pipe open for reading
     * too), it ends the wait whatever the closing of the descriptor meets after it.
     */
    public synchronized void end() {
        if (!open) {
            return;
        }
        open = false;
        try (FileOutputStream line = new FileOutputStream(descriptor().toFile())) {
            line.write('\n');
        } catch (IOException | RuntimeException unwritten) {
            log.println("jhosts server: the launcher's wait for the first frame: " + unwritten.getMessage());
        }
        try {
            new FileOutputStream(FileDescriptorCast.unsafeUsing(DESCRIPTOR).as(FileDescriptor.class)).close();
        } catch (IOException | RuntimeException | LinkageError unclosed) {
            // the line ended the wait; the descriptor stays open, unused, until this process ends
        }
    }

    private static Path descriptor() {
        return Path.of("/proc/self/fd/" + DESCRIPTOR);
    }

    /** Ends a wait after {@link #LONGEST_MILLIS}. A class, not a lambda: the server's start pays for its first. */
    private static final class EndAfter implements Runnable {
        private final LauncherWait wait;

        EndAfter(LauncherWait wait) {
            this.wait = wait;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(LONGEST_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            wait.end();
        }
    }
}

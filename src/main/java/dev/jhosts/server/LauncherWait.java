package dev.jhosts.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * The launcher that started this server for a picker's first start, waiting for the first frame
 * before it starts its client's JVM (see {@code src/main/launcher/jhosts}): it reads a named
 * pipe whose one writer is this process's descriptor 3, and goes on at that pipe's end of file.
 * {@link #end} closes the descriptor: once the frame is out, or no frame will be drawn; at the
 * latest after {@link #LONGEST_MILLIS}, so that a server slow to its frame (a long ssh config, a
 * slow disk) lets the client's JVM start beside it, as it would without the wait. The pipe
 * itself is removed at once: nothing opens it again.
 */
public final class LauncherWait {
    /** The property in which the launcher names the pipe (empty: no pipe, no wait). */
    static final String PROPERTY = "jhosts.server.frame-pipe";
    private static final int DESCRIPTOR = 3;
    private static final long LONGEST_MILLIS = 2_000;
    private static final LauncherWait NONE = new LauncherWait(false);

    private boolean open; // guarded by this

    private LauncherWait(boolean open) {
        this.open = open;
    }

    /**
     * This process's launcher's wait, when it waits: the pipe named by {@value #PROPERTY} is
     * descriptor 3 here (the same file as {@code /proc/self/fd/3}). Otherwise one that ends nothing.
     */
    public static LauncherWait ofThisProcess() {
        String named = System.getProperty(PROPERTY, "");
        if (named.isEmpty()) {
            return NONE;
        }
        Path pipe = Path.of(named);
        try {
            boolean ours = Files.isSameFile(pipe, Path.of("/proc/self/fd/" + DESCRIPTOR));
            Files.deleteIfExists(pipe);
            if (!ours) {
                return NONE;
            }
        } catch (IOException | RuntimeException notOurs) {
            // no such descriptor or pipe, or no /proc: not a launcher's wait
            return NONE;
        }
        LauncherWait wait = new LauncherWait(true);
        wait.endLater();
        return wait;
    }

    /** Ends the launcher's wait; once, whoever calls first. */
    public synchronized void end() {
        if (!open) {
            return;
        }
        open = false;
        try {
            new FileOutputStream(FileDescriptorCast.unsafeUsing(DESCRIPTOR).as(FileDescriptor.class)).close();
        } catch (IOException | RuntimeException | LinkageError unclosed) {
            // the launcher's wait then ends with this process
        }
    }

    private void endLater() {
        Thread timeout = new Thread(new EndAfter(this), "jhosts-server-launcher-wait");
        timeout.setDaemon(true);
        timeout.start();
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
